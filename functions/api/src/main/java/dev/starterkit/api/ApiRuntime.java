package dev.starterkit.api;

import dev.starterkit.api.auth.AuthService;
import dev.starterkit.api.auth.Authenticator;
import dev.starterkit.api.auth.PasswordHasher;
import dev.starterkit.api.auth.SessionTokens;
import dev.starterkit.api.health.HealthCheck;
import dev.starterkit.api.http.ApiPipeline;
import dev.starterkit.api.http.ErrorMapper;
import dev.starterkit.api.http.Router;
import dev.starterkit.api.idempotency.Idempotency;
import dev.starterkit.api.internal.ApiData;
import dev.starterkit.api.internal.WriteRequests;
import dev.starterkit.api.organizations.OrganizationService;
import dev.starterkit.api.users.UserService;
import dev.starterkit.db.DataLayer;
import dev.starterkit.db.env.EnvironmentLoader;
import dev.starterkit.db.schema.idempotency.DirectIdempotencyKeyRepository;
import dev.starterkit.db.env.ResolvedEnvironment;
import dev.starterkit.db.snapstart.Primers;
import dev.starterkit.db.snapstart.SnapStartHooks;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one execution environment of an API function holds: its data layer (one connection), its services and the
 * request pipeline. Created once per environment by the handler's constructor.
 */
public final class ApiRuntime implements AutoCloseable {

    /** What a client sees when it hits a unique constraint. */
    private static final Map<String, String> CONFLICTS = Map.of(
        "user_email_unique", "An account with this email already exists",
        "organization_slug_unique", "That slug is taken",
        "invitation_org_email_unique", "That email is already invited to this organization",
        "member_user_org_unique", "You are already a member of this organization");

    private final ApiData data;
    private final ErrorMapper errors = new ErrorMapper(CONFLICTS);
    private final AuthService auth;
    private final Authenticator authenticator;
    private final UserService users;
    private final OrganizationService organizations;
    private final HealthCheck health;
    private final WriteRequests writes;
    private SnapStartHooks hooks;

    public ApiRuntime(ApiConfig config, DataLayer layer, Clock clock) {
        this.data = new ApiData(layer);
        this.auth = new AuthService(data, new PasswordHasher(config.bcryptCost()), clock, config.sessionTtl());
        this.authenticator = new Authenticator(data, clock);
        this.users = new UserService(data);
        this.organizations = new OrganizationService(data, clock);
        this.health = new HealthCheck(data);
        this.writes = new WriteRequests(data, new Idempotency(
            () -> layer.repository(DirectIdempotencyKeyRepository.class), clock));
    }

    /** The runtime of a function named {@code functionName} (its logical id) in {@code env}. */
    public static ApiRuntime create(ResolvedEnvironment env, String functionName) {
        ApiConfig config = ApiConfig.from(env);
        ColdStartWarmup.startInBackground();
        return new ApiRuntime(config, DataLayer.fromEnvironment(env, functionName), Clock.systemUTC());
    }

    /** The runtime from the process environment, as Lambda starts it. */
    public static ApiRuntime fromProcessEnvironment(String functionName) {
        return create(EnvironmentLoader.load(Optional.empty()), functionName);
    }

    /** A handler instance of {@code className} over a new runtime, for local servers. */
    public static Object newHandler(String className, ResolvedEnvironment env, String functionName) {
        try {
            return Class.forName(className).getConstructor(ApiRuntime.class)
                .newInstance(create(env, functionName));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(className + " has no public constructor taking an ApiRuntime", e);
        }
    }

    /**
     * The pipeline over {@code router}, registered for SnapStart: before the snapshot it is primed with
     * representative requests, then the connection is closed; after restore, ids and tokens are re-seeded.
     */
    public ApiPipeline pipeline(Router router) {
        ApiPipeline pipeline = new ApiPipeline(router, errors, data, writes);
        hooks = new SnapStartHooks(List.of(Primers.dataLayer(), () -> ApiPrimer.prime(pipeline)))
            .closeOnCheckpoint(data.layer().connection())
            .closeOnCheckpoint(data.layer().cache())
            .reseedOnRestore(SessionTokens::reseed)
            .registerGlobally();
        return pipeline;
    }

    /** The SnapStart hooks registered by {@link #pipeline}, for tests that simulate a checkpoint. */
    SnapStartHooks snapStartHooks() {
        return hooks;
    }

    public AuthService auth() {
        return auth;
    }

    public Authenticator authenticator() {
        return authenticator;
    }

    public UserService users() {
        return users;
    }

    public OrganizationService organizations() {
        return organizations;
    }

    public HealthCheck health() {
        return health;
    }

    @Override
    public void close() {
        data.layer().close();
    }
}
