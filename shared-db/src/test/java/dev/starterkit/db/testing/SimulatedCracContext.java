package dev.starterkit.db.testing;

import java.util.ArrayList;
import java.util.List;
import org.crac.CheckpointException;
import org.crac.Context;
import org.crac.Resource;
import org.crac.RestoreException;

/**
 * A CRaC context that does what a SnapStart runtime does to its registered resources, without taking a snapshot:
 * {@code beforeCheckpoint} in reverse order of registration, then {@code afterRestore} in order.
 */
public final class SimulatedCracContext extends Context<Resource> {

    private final List<Resource> resources = new ArrayList<>();

    @Override
    public synchronized void register(Resource resource) {
        resources.add(resource);
    }

    @Override
    public synchronized void beforeCheckpoint(Context<? extends Resource> context) throws CheckpointException {
        CheckpointException failures = new CheckpointException();
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).beforeCheckpoint(this);
            } catch (Exception e) {
                failures.addSuppressed(e);
            }
        }
        if (failures.getSuppressed().length > 0) {
            throw failures;
        }
    }

    @Override
    public synchronized void afterRestore(Context<? extends Resource> context) throws RestoreException {
        RestoreException failures = new RestoreException();
        for (Resource resource : resources) {
            try {
                resource.afterRestore(this);
            } catch (Exception e) {
                failures.addSuppressed(e);
            }
        }
        if (failures.getSuppressed().length > 0) {
            throw failures;
        }
    }

    /** Takes a simulated snapshot. */
    public void checkpoint() throws CheckpointException {
        beforeCheckpoint(null);
    }

    /** Restores from the simulated snapshot. */
    public void restore() throws RestoreException {
        afterRestore(null);
    }
}
