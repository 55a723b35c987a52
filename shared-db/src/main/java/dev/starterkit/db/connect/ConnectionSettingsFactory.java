package dev.starterkit.db.connect;

import dev.starterkit.db.env.ResolvedEnvironment;
import dev.starterkit.db.env.Variable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds {@link ConnectionSettings} from the environment. {@code DATABASE_URL}, when set, wins everywhere (local
 * runs, tests, {@code bin/invoke}); otherwise a deployed function connects to RDS Proxy through the AWS Advanced
 * JDBC Wrapper with {@code DB_PROXY_ENDPOINT}, {@code DB_NAME} and {@code DB_SECRET_ARN} (or IAM auth as
 * {@code DB_USER} when no secret is given).
 */
public final class ConnectionSettingsFactory {

    /** Client-side bound on connecting, in seconds. */
    static final int CONNECT_TIMEOUT_SECONDS = 10;
    /** Client-side bound on any one network read, in seconds: longer than the server's statement timeout. */
    static final int SOCKET_TIMEOUT_SECONDS = 60;
    /** Server-side statement timeout, in milliseconds (overridable with {@code DB_STATEMENT_TIMEOUT_MS}). */
    static final long STATEMENT_TIMEOUT_MS = 30_000;
    /** A connection idle longer than this is checked before use (a frozen Lambda, the proxy's idle timeout). */
    static final Duration VALIDATE_AFTER_IDLE = Duration.ofMillis(500);

    private ConnectionSettingsFactory() {
    }

    /** Settings for a connection named {@code applicationName} (the function's name). */
    public static ConnectionSettings fromEnvironment(ResolvedEnvironment env, String applicationName) {
        Optional<Variable> url = env.find("DATABASE_URL");
        if (url.isPresent()) {
            return fromUrl(url.get(), applicationName, statementTimeout(env));
        }
        if (env.find("DB_PROXY_ENDPOINT").isPresent()) {
            return forProxy(env, applicationName);
        }
        throw new DatabaseConfigException("DATABASE_URL is not set (looked in: " + env.lookedIn()
            + "). Set it to postgres://user:password@host:5432/database, or for a deployed function set "
            + "DB_PROXY_ENDPOINT, DB_NAME and DB_SECRET_ARN.");
    }

    /** Settings for a {@code postgres://} URL, connecting with plain pgjdbc. */
    public static ConnectionSettings fromUrl(Variable url, String applicationName, long statementTimeoutMs) {
        DatabaseUrl parsed = DatabaseUrl.parse(url.value(), url.toString());
        Map<String, String> props = baseProperties(applicationName);
        props.putAll(parsed.jdbcProperties());
        props.put("ApplicationName", applicationName);
        if (parsed.user() != null) {
            props.put("user", parsed.user());
        }
        if (parsed.password() != null) {
            props.put("password", parsed.password());
        }
        String timeout = "-c statement_timeout=" + statementTimeoutMs;
        props.merge("options", timeout, (given, ours) -> given + " " + ours);
        return new ConnectionSettings(parsed.jdbcUrl("postgresql"), props, parsed.redacted(), applicationName,
            VALIDATE_AFTER_IDLE);
    }

    private static ConnectionSettings forProxy(ResolvedEnvironment env, String applicationName) {
        String endpoint = env.require("DB_PROXY_ENDPOINT").value();
        String database = env.require("DB_NAME").value();
        String port = env.value("DB_PORT").orElse("5432");
        Map<String, String> props = baseProperties(applicationName);
        // TLS is required by the proxy; the wrapper's plugins resolve credentials per connection.
        props.put("sslmode", "require");
        props.put("wrapperDialect", "pg");
        props.put("wrapperTargetDriverDialect", "pgjdbc");
        // RDS Proxy pins a client session to one database connection on any SET and on named prepared statements.
        // With assumeMinServerVersion pgjdbc sends application_name in the startup packet rather than as a SET (and
        // against PostgreSQL 12+ it sends no SET extra_float_digits at all); prepareThreshold=0 keeps every statement
        // unnamed, which the proxy multiplexes. See the README, section RDS Proxy.
        props.put("assumeMinServerVersion", "12");
        props.put("prepareThreshold", "0");
        Optional<String> secret = env.value("DB_SECRET_ARN");
        putCredentialPlugin(env, secret, props);
        String url = "jdbc:aws-wrapper:postgresql://" + endpoint + ":" + port + "/" + database;
        String redacted = "postgres://" + (secret.isPresent() ? "(secret)" : props.get("user")) + "@" + endpoint
            + ":" + port + "/" + database + " via RDS Proxy (" + props.get("wrapperPlugins") + ")";
        return new ConnectionSettings(url, props, redacted, applicationName, VALIDATE_AFTER_IDLE);
    }

    /**
     * The wrapper's {@code awsSecretsManager} plugin when a secret is given (its region comes from the ARN; the SDK's
     * standard {@code AWS_ENDPOINT_URL_SECRETS_MANAGER}, else {@code AWS_ENDPOINT_URL}, overrides the endpoint, as
     * for LocalStack or a test's server), else IAM auth as {@code DB_USER}.
     */
    private static void putCredentialPlugin(ResolvedEnvironment env, Optional<String> secret,
                                            Map<String, String> props) {
        if (secret.isEmpty()) {
            props.put("wrapperPlugins", "iam");
            props.put("user", env.require("DB_USER").value());
            return;
        }
        props.put("wrapperPlugins", "awsSecretsManager");
        props.put("secretsManagerSecretId", secret.get());
        env.value("AWS_ENDPOINT_URL_SECRETS_MANAGER").or(() -> env.value("AWS_ENDPOINT_URL"))
            .ifPresent(endpoint -> props.put("secretsManagerEndpoint", endpoint.strip()));
    }

    private static Map<String, String> baseProperties(String applicationName) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("ApplicationName", applicationName);
        props.put("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        props.put("loginTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        props.put("socketTimeout", Integer.toString(SOCKET_TIMEOUT_SECONDS));
        props.put("tcpKeepAlive", "true");
        return props;
    }

    private static long statementTimeout(ResolvedEnvironment env) {
        Optional<Variable> value = env.find("DB_STATEMENT_TIMEOUT_MS");
        if (value.isEmpty()) {
            return STATEMENT_TIMEOUT_MS;
        }
        try {
            long millis = Long.parseLong(value.get().value().strip());
            if (millis > 0) {
                return millis;
            }
        } catch (NumberFormatException e) {
            throw new DatabaseConfigException(value.get() + " must be a positive number of milliseconds", e);
        }
        throw new DatabaseConfigException(value.get() + " must be a positive number of milliseconds");
    }
}
