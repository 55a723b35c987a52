package dev.starterkit.db.snapstart;

import dev.starterkit.db.id.Ids;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SnapStart (CRaC) hooks of one execution environment: before the snapshot they prime, close connections and
 * drop cached credentials; after a restore they re-seed random state and drop cached credentials again.
 */
public final class SnapStartHooks implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(SnapStartHooks.class);

    private final List<Primer> primers = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> closeables = new CopyOnWriteArrayList<>();
    private final List<Runnable> reseeders = new CopyOnWriteArrayList<>();
    private final AtomicInteger checkpoints = new AtomicInteger();
    private final AtomicInteger restores = new AtomicInteger();

    /** Hooks with the given primers, run in order before each checkpoint. */
    public SnapStartHooks(List<Primer> primers) {
        this.primers.addAll(primers);
    }

    /**
     * Registers these hooks with the JVM's global CRaC context (a no-op outside a CRaC or SnapStart runtime). Keep a
     * strong reference to them, in a static field: a CRaC context may hold its resources weakly.
     */
    public SnapStartHooks registerGlobally() {
        return registerWith(Core.getGlobalContext());
    }

    /** Registers these hooks with {@code context}; tests pass a context that simulates checkpoint and restore. */
    public SnapStartHooks registerWith(Context<Resource> context) {
        context.register(this);
        return this;
    }

    /** Closes {@code closeable} before every checkpoint; closeables close in reverse order of registration. */
    public SnapStartHooks closeOnCheckpoint(AutoCloseable closeable) {
        closeables.add(closeable);
        return this;
    }

    /** Runs {@code reseeder} after every restore, after the ids were re-seeded. */
    public SnapStartHooks reseedOnRestore(Runnable reseeder) {
        reseeders.add(reseeder);
        return this;
    }

    /** Checkpoints taken so far. */
    public int checkpoints() {
        return checkpoints.get();
    }

    /** Restores so far. */
    public int restores() {
        return restores.get();
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        int primed = 0;
        for (Primer primer : primers) {
            try {
                primer.prime();
                primed++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.warn("SnapStart priming was interrupted: {}", e.toString());
                break;
            } catch (Exception e) {
                LOG.warn("SnapStart primer failed and was skipped: {}", e.toString());
            }
        }
        int closed = closeAll();
        int dropped = CredentialCaches.clear();
        checkpoints.incrementAndGet();
        LOG.info("SnapStart checkpoint: {} of {} primers ran, {} connections closed, {} cached credentials dropped",
            primed, primers.size(), closed, dropped);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        Ids.reseed();
        reseeders.forEach(Runnable::run);
        int dropped = CredentialCaches.clear();
        restores.incrementAndGet();
        LOG.info("SnapStart restore: ids and {} other random sources re-seeded, {} cached credentials dropped",
            reseeders.size(), dropped);
    }

    private int closeAll() {
        List<AutoCloseable> reversed = new ArrayList<>(closeables);
        Collections.reverse(reversed);
        int closed = 0;
        for (AutoCloseable closeable : reversed) {
            try {
                closeable.close();
                closed++;
            } catch (Exception e) {
                LOG.warn("Closing {} before the SnapStart checkpoint failed: {}",
                    closeable.getClass().getSimpleName(), e.toString());
            }
        }
        return closed;
    }
}
