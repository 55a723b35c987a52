package dev.starterkit.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.starterkit.api.auth.AuthHandler;
import dev.starterkit.api.organizations.OrganizationsHandler;
import dev.starterkit.api.users.UsersHandler;
import dev.starterkit.db.env.EnvironmentLoader;
import dev.starterkit.db.env.ResolvedEnvironment;
import dev.starterkit.db.testing.TestDatabase;
import dev.starterkit.db.testing.TestPostgres;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The three API functions end to end, driven by the sample events, against PostgreSQL with the test seeds. */
class ApiHandlersIT {

    private static String url;
    private static AuthHandler auth;
    private static UsersHandler users;
    private static OrganizationsHandler orgs;

    @BeforeAll
    static void start() {
        url = TestDatabase.seeded(ApiHandlersIT.class).url();
        ResolvedEnvironment env = EnvironmentLoader.load(Optional.of("test"),
            Map.of("DATABASE_URL", url, "AUTH_BCRYPT_COST", "4"), Path.of("target"));
        auth = new AuthHandler(ApiRuntime.create(env, "AuthFunction"));
        users = new UsersHandler(ApiRuntime.create(env, "UsersFunction"));
        orgs = new OrganizationsHandler(ApiRuntime.create(env, "OrganizationsFunction"));
    }

    @AfterAll
    static void stop() {
        auth.close();
        users.close();
        orgs.close();
        TestPostgres.get().dropDatabase(url);
    }

    @Test
    void signUpSignInAndProfile_shouldWorkEndToEnd_whenUsingTheSampleEvents() {
        // GIVEN a new account
        APIGatewayV2HTTPResponse signUp = call(auth, "AuthFunction", "sign-up", Map.of());
        assertThat(signUp.getStatusCode()).isEqualTo(201);
        ObjectNode created = Events.json(signUp.getBody());
        assertThat(created.get("user").get("email").asString()).isEqualTo("kim@example.com");
        assertThat(created.get("user").get("id").asString()).matches("usr_[0-9a-z]{16}");
        String token = created.get("token").asString();

        // WHEN the user reads and changes their profile
        APIGatewayV2HTTPResponse me = call(auth, "AuthFunction", "get-me", Map.of("TOKEN", token));
        APIGatewayV2HTTPResponse patched = call(auth, "AuthFunction", "patch-me", Map.of("TOKEN", token));

        // THEN
        assertThat(me.getStatusCode()).isEqualTo(200);
        assertThat(Events.json(me.getBody()).get("name").asString()).isEqualTo("Kim Park");
        assertThat(patched.getStatusCode()).isEqualTo(200);
        assertThat(Events.json(patched.getBody()).get("image").asString()).isEqualTo("https://example.com/alice.png");
        assertThat(me.getHeaders()).containsKeys("x-request-id", "server-timing");

        // AND signing up twice with that email conflicts; signing out ends the token
        assertThat(call(auth, "AuthFunction", "sign-up", Map.of()).getStatusCode()).isEqualTo(409);
        assertThat(call(auth, "AuthFunction", "sign-out", Map.of("TOKEN", token)).getStatusCode()).isEqualTo(204);
        assertThat(call(auth, "AuthFunction", "get-me", Map.of("TOKEN", token)).getStatusCode()).isEqualTo(401);
    }

    @Test
    void signIn_shouldStoreOnlyTheTokensHash_whenASessionIsOpened() throws Exception {
        String token = Events.signIn(auth, "alice@example.com");

        try (var c = TestPostgres.connect(url); var s = c.createStatement();
             var rs = s.executeQuery("SELECT token FROM session WHERE user_id = 'usr_alice00000000000'")) {
            boolean found = false;
            while (rs.next()) {
                assertThat(rs.getString(1)).isNotEqualTo(token).matches("[0-9a-f]{64}");
                found |= rs.getString(1).equals(dev.starterkit.api.auth.SessionTokens.hash(token));
            }
            assertThat(found).isTrue();
        }
    }

    @Test
    void signIn_shouldAnswer401WithoutSayingWhich_whenEmailOrPasswordIsWrong() {
        APIGatewayV2HTTPEvent wrongPassword = Events.withBody(Events.load("AuthFunction", "sign-in", Map.of()),
            "{\"email\":\"alice@example.com\",\"password\":\"nope-nope\"}");
        APIGatewayV2HTTPEvent unknownEmail = Events.withBody(Events.load("AuthFunction", "sign-in", Map.of()),
            "{\"email\":\"nobody@example.com\",\"password\":\"nope-nope\"}");

        APIGatewayV2HTTPResponse first = auth.handleRequest(wrongPassword, null);
        APIGatewayV2HTTPResponse second = auth.handleRequest(unknownEmail, null);

        assertThat(first.getStatusCode()).isEqualTo(401);
        assertThat(second.getStatusCode()).isEqualTo(401);
        assertThat(Events.json(first.getBody()).get("error").get("message").asString())
            .isEqualTo(Events.json(second.getBody()).get("error").get("message").asString());
    }

    @Test
    void users_shouldShowEmailsOnlyToColleagues_whenProfilesAreRead() {
        String alice = Events.signIn(auth, "alice@example.com");
        APIGatewayV2HTTPResponse loner = auth.handleRequest(Events.withBody(
            Events.load("AuthFunction", "sign-up", Map.of()),
            "{\"name\":\"Lou Ner\",\"email\":\"lou@example.com\",\"password\":\"12345678abc\"}"), null);
        String stranger = Events.json(loner.getBody()).get("token").asString();

        ObjectNode asAnonymous = Events.json(call(users, "UsersFunction", "get-user", Map.of()).getBody());
        ObjectNode list = Events.json(call(users, "UsersFunction", "list-users", Map.of("TOKEN", alice)).getBody());
        ObjectNode listAsStranger = Events.json(call(users, "UsersFunction", "list-users", Map.of("TOKEN", stranger))
            .getBody());

        assertThat(asAnonymous.get("name").asString()).isEqualTo("Bob Smith");
        assertThat(asAnonymous.has("email")).isFalse();
        assertThat(list.get("items")).hasSize(5);
        assertThat(list.get("nextCursor").isString()).isTrue();
        assertThat(list.get("items").findValuesAsString("email")).contains("alice@example.com");
        assertThat(listAsStranger.get("items").findValuesAsString("email")).doesNotContain("alice@example.com");
    }

    @Test
    void organizations_shouldCreateInviteAndAccept_whenTheOwnerAndTheInviteeAct() {
        String alice = Events.signIn(auth, "alice@example.com");

        APIGatewayV2HTTPResponse created = call(orgs, "OrganizationsFunction", "create-organization",
            Map.of("TOKEN", alice));
        APIGatewayV2HTTPResponse duplicate = call(orgs, "OrganizationsFunction", "create-organization",
            Map.of("TOKEN", alice));
        APIGatewayV2HTTPResponse mine = call(orgs, "OrganizationsFunction", "list-organizations",
            Map.of("TOKEN", alice));

        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(duplicate.getStatusCode()).isEqualTo(409);
        assertThat(Events.json(duplicate.getBody()).get("error").get("code").asString()).isEqualTo("conflict");
        assertThat(Events.json(mine.getBody()).get("items").findValuesAsString("slug")).contains("umbrella");

        // Jack was invited to Acme by the seeds: he accepts once; a second accept conflicts
        String jack = Events.signIn(auth, "jack@example.com");
        String invitation = "inv_acmejack00000000";
        APIGatewayV2HTTPResponse accepted = call(orgs, "OrganizationsFunction", "accept-invitation",
            Map.of("TOKEN", jack, "INVITATION_ID", invitation));
        APIGatewayV2HTTPResponse again = call(orgs, "OrganizationsFunction", "accept-invitation",
            Map.of("TOKEN", jack, "INVITATION_ID", invitation));
        APIGatewayV2HTTPResponse acme = call(orgs, "OrganizationsFunction", "get-organization",
            Map.of("TOKEN", jack));

        assertThat(accepted.getStatusCode()).isEqualTo(200);
        assertThat(Events.json(accepted.getBody()).get("status").asString()).isEqualTo("accepted");
        assertThat(again.getStatusCode()).isEqualTo(409);
        assertThat(acme.getStatusCode()).isEqualTo(200);
    }

    @Test
    void reads_shouldBeCachedAndFreshAfterWrites_whenProfilesAreReadAndChanged() {
        // GIVEN Carol's profile read twice: the first read misses, the second is a hit
        String charlie = Events.signIn(auth, "charlie@example.com");
        Map<String, String> vars = Map.of("TOKEN", charlie);
        APIGatewayV2HTTPEvent read = Events.load("UsersFunction", "get-user", Map.of());
        read.setRawPath("/users/usr_charlie000000000");
        read.getRequestContext().getHttp().setPath(read.getRawPath());
        users.handleRequest(read, null);
        APIGatewayV2HTTPResponse hit = users.handleRequest(read, null);
        APIGatewayV2HTTPResponse fresh = users.handleRequest(Events.withHeader(read, "cache-control", "no-cache"),
            null);

        // WHEN Charlie renames himself through another function (another execution environment)
        APIGatewayV2HTTPEvent rename = Events.withBody(Events.load("AuthFunction", "patch-me", vars),
            "{\"name\":\"Charles Brown\"}");
        assertThat(auth.handleRequest(rename, null).getStatusCode()).isEqualTo(200);
        APIGatewayV2HTTPResponse after = users.handleRequest(Events.withHeader(read, "cache-control", null), null);

        // THEN the hit was served from the cache, no-cache bypassed it, and the next read sees the write at once
        assertThat(hit.getHeaders()).containsEntry("x-cache", "HIT");
        assertThat(fresh.getHeaders()).containsEntry("x-cache", "BYPASS");
        assertThat(Events.json(after.getBody()).get("name").asString()).isEqualTo("Charles Brown");
        assertThat(after.getHeaders()).containsEntry("x-cache", "MISS");
        assertThat(hit.getHeaders().get("server-timing")).startsWith("db;dur=0.0,");
        assertThat(databaseMillis(after)).isPositive();
        assertThat(call(auth, "AuthFunction", "get-me", vars).getHeaders()).doesNotContainKey("x-cache");
    }

    private static double databaseMillis(APIGatewayV2HTTPResponse response) {
        return Double.parseDouble(response.getHeaders().get("server-timing").replaceAll("^db;dur=([0-9.]+),.*", "$1"));
    }

    private static APIGatewayV2HTTPResponse call(Object handler, String function, String name,
                                                 Map<String, String> vars) {
        APIGatewayV2HTTPEvent event = Events.load(function, name, vars);
        if (handler instanceof AuthHandler h) {
            return h.handleRequest(event, null);
        }
        if (handler instanceof UsersHandler h) {
            return h.handleRequest(event, null);
        }
        return ((OrganizationsHandler) handler).handleRequest(event, null);
    }
}
