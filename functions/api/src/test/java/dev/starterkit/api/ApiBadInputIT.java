package dev.starterkit.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.starterkit.api.auth.AuthHandler;
import dev.starterkit.api.auth.SessionTokens;
import dev.starterkit.api.organizations.OrganizationsHandler;
import dev.starterkit.api.users.UsersHandler;
import dev.starterkit.db.env.EnvironmentLoader;
import dev.starterkit.db.env.ResolvedEnvironment;
import dev.starterkit.db.testing.TestDatabase;
import dev.starterkit.db.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every kind of bad input gets a 4xx JSON error, never a 500, and changes nothing. */
class ApiBadInputIT {

    private static String url;
    private static AuthHandler auth;
    private static UsersHandler users;
    private static OrganizationsHandler orgs;
    private static String alice;

    @BeforeAll
    static void start() {
        url = TestDatabase.seeded(ApiBadInputIT.class).url();
        ResolvedEnvironment env = EnvironmentLoader.load(Optional.of("test"),
            Map.of("DATABASE_URL", url, "AUTH_BCRYPT_COST", "4"), Path.of("target"));
        auth = new AuthHandler(ApiRuntime.create(env, "AuthFunction"));
        users = new UsersHandler(ApiRuntime.create(env, "UsersFunction"));
        orgs = new OrganizationsHandler(ApiRuntime.create(env, "OrganizationsFunction"));
        alice = Events.signIn(auth, "alice@example.com");
    }

    @AfterAll
    static void stop() {
        auth.close();
        users.close();
        orgs.close();
        TestPostgres.get().dropDatabase(url);
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "{not json                                        | 400 | bad_request",
        "[1, 2]                                           | 400 | bad_request",
        "{\"name\": 5, \"slug\": \"abc\"}                 | 422 | validation_failed",
        "{\"slug\": \"abc\"}                              | 422 | validation_failed",
        "{\"name\": \"A\", \"slug\": \"abc\", \"x\": 1}   | 422 | validation_failed",
        "{\"name\": \"A\", \"slug\": \"Not A Slug\"}      | 422 | validation_failed",
        "{\"name\": \"A\", \"slug\": \"a'; DROP TABLE organization; --\"} | 422 | validation_failed",
        "{\"name\": \"A\", \"slug\": \"abc\"} trailing    | 400 | bad_request",
        "{\"name\": \"\\u0000\", \"slug\": \"abc\"}       | 422 | validation_failed",
        "{\"name\": \"\\ud800x\", \"slug\": \"abc\"}     | 422 | validation_failed",
    })
    void createOrganization_shouldAnswer4xx_whenTheBodyIsBad(String body, int status, String code) {
        APIGatewayV2HTTPResponse response = orgs.handleRequest(Events.withBody(
            Events.load("OrganizationsFunction", "create-organization", Map.of("TOKEN", alice)), body), null);

        assertError(response, status, code);
    }

    @Test
    void requests_shouldAnswer4xx_whenTheyAreMalformedInOtherWays() {
        APIGatewayV2HTTPEvent deep = Events.load("OrganizationsFunction", "create-organization",
            Map.of("TOKEN", alice));
        Events.withBody(deep, "{\"name\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
        APIGatewayV2HTTPEvent huge = Events.load("OrganizationsFunction", "create-organization",
            Map.of("TOKEN", alice));
        Events.withBody(huge, "{\"name\":\"" + "x".repeat(70_000) + "\",\"slug\":\"abc\"}");
        APIGatewayV2HTTPEvent textPlain = Events.withHeader(Events.load("OrganizationsFunction",
            "create-organization", Map.of("TOKEN", alice)), "content-type", "text/plain");

        assertError(orgs.handleRequest(deep, null), 400, "bad_request");
        assertError(orgs.handleRequest(huge, null), 413, "payload_too_large");
        assertError(orgs.handleRequest(textPlain, null), 415, "unsupported_media_type");
        assertError(users.handleRequest(path(Events.load("UsersFunction", "get-user", Map.of()),
            "/users/not-an-id"), null), 400, "bad_request");
        assertError(users.handleRequest(path(Events.load("UsersFunction", "get-user", Map.of()),
            "/users/usr_zzzzzzzzzzzzzzzz"), null), 404, "not_found");
        assertError(users.handleRequest(path(Events.load("UsersFunction", "get-user", Map.of()),
            "/users/../../etc/passwd"), null), 404, "not_found");
        assertError(orgs.handleRequest(path(Events.load("OrganizationsFunction", "get-organization",
            Map.of("TOKEN", alice)), "/organizations/%E0%A4%A"), null), 400, "bad_request");
    }

    @Test
    void requests_shouldAnswer401_whenTheTokenIsMissingForgedOrExpired() throws Exception {
        String expired = SessionTokens.newToken();
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO session (id, token, user_id, expires_at) VALUES ('ses_expired000000000', '"
                + SessionTokens.hash(expired) + "', 'usr_alice00000000000', now() - interval '1 minute')");
        }

        assertError(auth.handleRequest(Events.withHeader(Events.load("AuthFunction", "get-me", Map.of("TOKEN", "x")),
            "authorization", null), null), 401, "unauthorized");
        assertError(auth.handleRequest(Events.load("AuthFunction", "get-me", Map.of("TOKEN", "not-a-token")), null),
            401, "unauthorized");
        assertError(auth.handleRequest(Events.load("AuthFunction", "get-me",
            Map.of("TOKEN", SessionTokens.newToken())), null), 401, "unauthorized");
        assertError(auth.handleRequest(Events.load("AuthFunction", "get-me", Map.of("TOKEN", expired)), null),
            401, "unauthorized");
    }

    @Test
    void requests_shouldAnswer403And409_whenForbiddenOrDuplicate() {
        // Alice is not a member of Initech (Henry owns it in the seeds)
        assertError(orgs.handleRequest(Events.load("OrganizationsFunction", "delete-organization",
            Map.of("TOKEN", alice)), null), 403, "forbidden");
        // Jack is already invited to Acme
        APIGatewayV2HTTPEvent invite = Events.withBody(Events.load("OrganizationsFunction", "create-invitation",
            Map.of("TOKEN", alice)), "{\"email\":\"jack@example.com\",\"role\":\"member\"}");
        assertError(orgs.handleRequest(invite, null), 409, "conflict");
        // unknown route and method
        assertError(users.handleRequest(path(Events.load("UsersFunction", "health", Map.of()), "/nope"), null),
            404, "not_found");
    }

    private static APIGatewayV2HTTPEvent path(APIGatewayV2HTTPEvent event, String path) {
        event.setRawPath(path);
        event.getRequestContext().getHttp().setPath(path);
        return event;
    }

    private static void assertError(APIGatewayV2HTTPResponse response, int status, String code) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(Events.json(response.getBody()).get("error").get("code").asString()).isEqualTo(code);
    }
}
