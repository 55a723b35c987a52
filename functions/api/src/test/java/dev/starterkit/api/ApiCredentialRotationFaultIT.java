package dev.starterkit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.starterkit.api.users.UsersHandler;
import dev.starterkit.db.connect.Connector;
import dev.starterkit.db.connect.UnpooledDataSource;
import dev.starterkit.db.env.EnvironmentLoader;
import dev.starterkit.db.env.ResolvedEnvironment;
import dev.starterkit.db.env.Stage;
import dev.starterkit.db.migrate.Migrator;
import dev.starterkit.db.seed.Seeder;
import dev.starterkit.db.testing.FakeSecretsManager;
import dev.starterkit.db.testing.PasswordPostgres;
import dev.starterkit.db.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.jdbc.plugin.AwsSecretsManagerConnectionPlugin;

/**
 * {@code UsersFunction} built from a deployed function's environment (RDS Proxy settings, {@code DB_SECRET_ARN}) while
 * its database secret rotates: a PostgreSQL that checks passwords over TLS and a Secrets Manager endpoint of the
 * test's own stand in for the proxy and the service.
 */
class ApiCredentialRotationFaultIT {

    private static final String ROLE = "api_owner";
    private static final String DATABASE = "app";
    private static final String BOB = "usr_bob0000000000000";

    private static PasswordPostgres postgres;
    private static FakeSecretsManager secrets;

    @BeforeAll
    static void start() {
        postgres = PasswordPostgres.start();
        secrets = FakeSecretsManager.start().withDummyCredentials();
        String password = "pw-" + UUID.randomUUID();
        postgres.createOwner(DATABASE, ROLE, password);
        String url = "postgres://" + ROLE + ":" + password + "@127.0.0.1:" + postgres.port() + "/" + DATABASE
            + "?sslmode=require";
        UnpooledDataSource owner = new UnpooledDataSource(TestPostgres.settings(url, "setup"), Connector.jdbc());
        new Migrator(owner).migrate();
        new Seeder(owner).seed(Stage.TEST);
    }

    @AfterAll
    static void stop() {
        // the wrapper keeps fetched secrets for the whole JVM: leave none behind for the next test class
        AwsSecretsManagerConnectionPlugin.clearCache();
        secrets.close();
        postgres.close();
    }

    @Test
    void usersFunction_shouldKeepAnswering_whenTheSecretRotatesWhileItIsWarm() {
        // GIVEN a warm UsersFunction that has answered once (its secret fetched once)
        String arn = freshSecret();
        try (UsersHandler users = new UsersHandler(ApiRuntime.create(deployedEnvironment(arn), "UsersFunction"))) {
            assertThat(get(users, "get-user").getStatusCode()).isEqualTo(200);
            assertThat(secrets.calls(arn)).isEqualTo(1);

            // WHEN the password rotates on the server and in the secret, and the proxy drops the connection
            String rotated = "pw-" + UUID.randomUUID();
            postgres.changePassword(ROLE, rotated);
            secrets.put(arn, ROLE, rotated);
            assertThat(postgres.terminateSessionsOf(ROLE)).isEqualTo(1);
            APIGatewayV2HTTPResponse user = get(users, "get-user");
            APIGatewayV2HTTPResponse health = get(users, "health");

            // THEN both requests were answered, over a connection made with the new password
            assertThat(user.getStatusCode()).isEqualTo(200);
            assertThat(Events.json(user.getBody()).get("id").asString()).isEqualTo(BOB);
            assertThat(health.getStatusCode()).isEqualTo(200);
            assertThat(Events.json(health.getBody()).get("database").asString()).isEqualTo("ok");
            assertThat(secrets.calls(arn)).isEqualTo(2);
        }
    }

    @Test
    void usersFunction_shouldAnswerAnErrorWithoutThePassword_whenTheSecretHoldsOneTheServerRefuses() {
        // GIVEN a warm UsersFunction
        String arn = freshSecret();
        ApiRuntime runtime = ApiRuntime.create(deployedEnvironment(arn), "UsersFunction");
        try (UsersHandler users = new UsersHandler(runtime)) {
            assertThat(get(users, "get-user").getStatusCode()).isEqualTo(200);

            // WHEN the server's password changes but the secret gets another one, and the connection drops
            String onServer = "srv-" + UUID.randomUUID();
            String inSecret = "sec-" + UUID.randomUUID();
            postgres.changePassword(ROLE, onServer);
            secrets.put(arn, ROLE, inSecret);
            postgres.terminateSessionsOf(ROLE);
            Throwable failure = catchThrowable(() -> runtime.users().get(Optional.empty(), BOB));
            APIGatewayV2HTTPResponse user = get(users, "get-user");
            APIGatewayV2HTTPResponse health = get(users, "health");

            // THEN what the read failed with (and the function logs) is the refused login, not a closed connection
            assertThat(loginRefusal(failure)).as("a login refusal among the causes").isNotNull()
                .hasMessageContaining("Database login refused for postgres://(secret)@");
            // AND the function answers 500 / 503, and neither body carries a password
            assertThat(user.getStatusCode()).isEqualTo(500);
            assertThat(Events.json(user.getBody()).get("error").get("code").asString()).isEqualTo("internal");
            assertThat(health.getStatusCode()).isEqualTo(503);
            for (String body : new String[] {user.getBody(), health.getBody()}) {
                assertThat(body.contains(onServer) || body.contains(inSecret)).as("a password in the body").isFalse();
            }

            // WHEN the secret is corrected, THEN the same warm function answers again
            secrets.put(arn, ROLE, onServer);
            assertThat(get(users, "get-user").getStatusCode()).isEqualTo(200);
        }
    }

    private static Throwable loginRefusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLInvalidAuthorizationSpecException refusal) {
                return refusal;
            }
        }
        return null;
    }

    /** A new secret id (the wrapper caches per id for the whole JVM) holding a fresh password set on the server. */
    private static String freshSecret() {
        String password = "pw-" + UUID.randomUUID();
        postgres.changePassword(ROLE, password);
        String arn = "arn:aws:secretsmanager:eu-west-1:000000000000:secret:api-db-" + UUID.randomUUID();
        secrets.put(arn, ROLE, password);
        return arn;
    }

    /** What a deployed API function is given, with the SDK's endpoint override pointing at the test's endpoint. */
    private static ResolvedEnvironment deployedEnvironment(String secretArn) {
        return EnvironmentLoader.load(Optional.of("test"), Map.of(
            "DB_PROXY_ENDPOINT", "127.0.0.1", "DB_PORT", Integer.toString(postgres.port()), "DB_NAME", DATABASE,
            "DB_SECRET_ARN", secretArn, "AWS_ENDPOINT_URL_SECRETS_MANAGER", secrets.endpoint(),
            "CACHE_DISABLED", "true"), Path.of("target"));
    }

    private static APIGatewayV2HTTPResponse get(UsersHandler users, String event) {
        return users.handleRequest(Events.load("UsersFunction", event, Map.of()), null);
    }
}
