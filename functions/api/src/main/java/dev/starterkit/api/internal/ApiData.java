package dev.starterkit.api.internal;

import dev.starterkit.api.http.ApiPipeline;
import dev.starterkit.api.http.ApiRequest;
import dev.starterkit.db.DataLayer;
import dev.starterkit.db.RequestContext;
import dev.starterkit.db.cache.CacheStatus;
import dev.starterkit.db.schema.organization.CachedInvitationRepository;
import dev.starterkit.db.schema.organization.CachedMemberRepository;
import dev.starterkit.db.schema.organization.CachedOrganizationRepository;
import dev.starterkit.db.schema.user.CachedIdentityRepository;
import dev.starterkit.db.schema.user.CachedSessionRepository;
import dev.starterkit.db.schema.user.CachedUserRepository;
import dev.starterkit.db.schema.organization.DirectInvitationRepository;
import dev.starterkit.db.schema.organization.DirectMemberRepository;
import dev.starterkit.db.schema.organization.DirectOrganizationRepository;
import dev.starterkit.db.schema.user.DirectIdentityRepository;
import dev.starterkit.db.schema.user.DirectSessionRepository;
import dev.starterkit.db.schema.user.DirectUserRepository;
import dev.starterkit.db.connect.ConnectionFailures;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data access of one execution environment: repositories for reads, repositories for writes and reads that
 * must be fresh, and transactions on the direct data source.
 */
public final class ApiData implements ApiPipeline.RequestHooks {

    private static final Logger LOG = LoggerFactory.getLogger(ApiData.class);

    private final DataLayer layer;
    private final Repositories direct;
    private final Repositories cached;
    private final Supplier<TransactionOperations<Connection>> transactions;
    private RequestContext request;
    private long statementNanosAtBegin;
    private double databaseMillis;

    public ApiData(DataLayer layer) {
        this.layer = layer;
        this.direct = new Repositories(() -> layer.repository(DirectUserRepository.class),
            () -> layer.repository(DirectSessionRepository.class),
            () -> layer.repository(DirectIdentityRepository.class),
            () -> layer.repository(DirectOrganizationRepository.class),
            () -> layer.repository(DirectMemberRepository.class),
            () -> layer.repository(DirectInvitationRepository.class));
        this.cached = new Repositories(() -> layer.repository(CachedUserRepository.class),
            () -> layer.repository(CachedSessionRepository.class),
            () -> layer.repository(CachedIdentityRepository.class),
            () -> layer.repository(CachedOrganizationRepository.class),
            () -> layer.repository(CachedMemberRepository.class),
            () -> layer.repository(CachedInvitationRepository.class));
        this.transactions = new Repositories.Lazy<>(layer::transactions);
    }

    /**
     * Repositories for reads: answered from the query cache where possible. Under {@code Cache-Control: no-cache}
     * the same repositories read fresh and count as {@code BYPASS}.
     */
    public Repositories reads() {
        return cached;
    }

    /** Repositories for writes and for reads that must be fresh. */
    public Repositories direct() {
        return direct;
    }

    /** Runs {@code work} in one transaction on the direct data source: all of it commits, or none. */
    public <T> T inTransaction(Supplier<T> work) {
        return transactions.get().executeWrite(status -> work.get());
    }

    /**
     * Runs a write request's {@code work} in one transaction. When the connection turns out to be gone before
     * {@code COMMIT} was sent (killed, server restarted, idle timeout), nothing was committed, so the work runs
     * once more on a new connection; a failure during {@code COMMIT} is never retried, because the write may
     * have been applied (a retry with the same {@code Idempotency-Key} then tells).
     */
    public <T> T inRequestTransaction(Supplier<T> work) {
        boolean[] committing = {false};
        try {
            return transactions.get().executeWrite(status -> {
                T result = work.get();
                committing[0] = true;
                return result;
            });
        } catch (RuntimeException e) {
            if (committing[0] || !ConnectionFailures.isConnectionLost(e)) {
                throw e;
            }
            LOG.info("Database connection lost before commit; running the transaction again on a new connection");
            return transactions.get().executeWrite(status -> work.get());
        }
    }

    /** How the query cache is doing, for {@code /health}: the cache is wired in by the cached data source. */
    public String cacheStatus() {
        return layer.cache().health();
    }

    @Override
    public void begin(ApiRequest apiRequest) {
        request = layer.request(apiRequest.wantsFreshReads());
        statementNanosAtBegin = layer.connection().statementNanos();
        databaseMillis = 0;
    }

    @Override
    public Optional<String> end() {
        if (request == null) {
            return Optional.empty();
        }
        Optional<String> status = request.cacheStatus().map(CacheStatus::name);
        databaseMillis = (layer.connection().statementNanos() - statementNanosAtBegin) / 1e6;
        request.close();
        request = null;
        return status;
    }

    @Override
    public double databaseMillis() {
        return databaseMillis;
    }

    /** The data layer, for health checks. */
    public DataLayer layer() {
        return layer;
    }
}
