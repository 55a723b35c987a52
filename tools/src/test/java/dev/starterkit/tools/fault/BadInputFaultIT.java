package dev.starterkit.tools.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starterkit.api.auth.SessionTokens;
import dev.starterkit.tools.fault.BadRequest.Defect;
import dev.starterkit.tools.fault.RawHttp.Answer;
import dev.starterkit.tools.template.RouteSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A generated corpus of 2,000 malformed requests (fixed seed) over HTTP to bin/dev's server, aimed at every route of
 * {@code template.yaml}, signed in as Bob where a route needs it so that write routes get as far as their bodies:
 * every answer is a 4xx with the API's error JSON (or bin/dev's own 413 over 10 MB), no connection breaks, and no
 * row of any table changes. Run with {@code -Dfault.seed=N} to try another corpus.
 */
class BadInputFaultIT {

    private static final int SIZE = 2_000;
    private static final long SEED = Long.getLong("fault.seed", 20_250_601L);

    private static FaultDatabase database;
    private static FaultServer server;
    private static Http http;
    private static BadInputCorpus corpus;
    private static String bob;

    @BeforeAll
    static void start() {
        database = FaultDatabase.create(BadInputFaultIT.class);
        String expired = SessionTokens.newToken();
        database.execute("INSERT INTO session (id, token, user_id, expires_at) VALUES ('ses_expiredfault0000', '"
            + SessionTokens.hash(expired) + "', 'usr_alice00000000000', now() - interval '1 minute')");
        server = FaultServer.start(database, Map.of("AUTH_BCRYPT_COST", "4"), 2);
        http = new Http(server);
        bob = http.signIn("bob@example.com", "password123");
        corpus = new BadInputCorpus(SEED, bob, expired);
    }

    @AfterAll
    static void stop() {
        server.close();
        database.close();
    }

    @Test
    void corpus_shouldBeRefusedWith4xxErrorJsonAndChangeNothing_whenEveryRequestIsMalformed() {
        // GIVEN every table's row count and checksum
        Map<String, String> before = database.checksums();
        // WHEN the 2,000 requests are sent, one at a time
        List<String> problems = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int raw = 0;
        for (int i = 0; i < SIZE; i++) {
            BadRequest request = corpus.request(i);
            HttpRequest viaClient = request.raw() ? null : clientRequest(request);
            raw += viaClient == null ? 1 : 0;
            try {
                Answer answer = send(request, viaClient);
                statuses.merge(answer.status(), 1, Integer::sum);
                ErrorAnswers.problems(request, answer).forEach(p -> problems.add(request.describe() + " -> "
                    + answer.status() + " " + shorten(answer.body()) + ": " + p));
            } catch (IOException e) {
                problems.add(request.describe() + " -> connection failed: " + e);
            }
        }
        Map<String, String> after = database.checksums();
        System.out.printf("BadInputFaultIT: %d requests (seed %d, %d over a raw socket), statuses %s, %d tables "
            + "checked%n", SIZE, SEED, raw, statuses, after.size());
        // THEN every one was refused properly, nothing changed, and the server still serves Bob
        assertThat(problems).as("answers that are not a proper refusal").isEmpty();
        assertThat(after).as("tables after the corpus").isEqualTo(before);
        assertThat(http.get("/me", bob).statusCode()).isEqualTo(200);
    }

    @Test
    void corpus_shouldReachEveryTemplateRouteAndDefect_whenGenerated() {
        // GIVEN the template's HTTP routes, most specific first as API Gateway matches them
        List<RouteSpec> templateRoutes = FaultServer.template().functions().stream()
            .flatMap(f -> f.routes().stream()).sorted(Comparator.comparingInt(RouteSpec::specificity).reversed())
            .toList();
        // WHEN the corpus is made (twice: it must be the same both times)
        Map<String, Integer> perTemplateRoute = new TreeMap<>();
        Map<String, Integer> perApiRoute = new TreeMap<>();
        Map<Defect, Integer> perDefect = new EnumMap<>(Defect.class);
        BadInputCorpus again = new BadInputCorpus(SEED, bob, "x");
        for (int i = 0; i < SIZE; i++) {
            BadRequest request = corpus.request(i);
            assertThat(again.request(i).target()).isEqualTo(request.target());
            String method = request.method();
            templateRoutes.stream().filter(r -> r.match(method, request.path()) != null).findFirst()
                .ifPresent(r -> perTemplateRoute.merge(r.routeKey(), 1, Integer::sum));
            perApiRoute.merge(String.valueOf(request.route()), 1, Integer::sum);
            perDefect.merge(request.defect(), 1, Integer::sum);
        }
        System.out.printf("BadInputFaultIT corpus: per template route %s%n  per API route %s%n  per defect %s%n",
            perTemplateRoute, perApiRoute, perDefect);
        // THEN every template route, every API route and every kind of defect got requests
        assertThat(perTemplateRoute.keySet()).containsExactlyInAnyOrderElementsOf(templateRoutes.stream()
            .map(RouteSpec::routeKey).toList());
        assertThat(perApiRoute).hasSize(ApiRoute.ALL.size() + 1).allSatisfy((route, count) ->
            assertThat(count).as(route).isGreaterThanOrEqualTo(50));
        assertThat(perDefect).hasSize(Defect.values().length).allSatisfy((defect, count) ->
            assertThat(count).as(defect.toString()).isGreaterThanOrEqualTo(defect == Defect.GATEWAY_OVERSIZED_BODY
                ? 3 : 10));
        for (ApiRoute route : ApiRoute.ALL) {
            assertThat(templateRoutes.stream().anyMatch(r -> !r.path().equals("$default")
                && r.match(route.method(), route.path(Map.of())) != null)).as(route.toString()).isTrue();
        }
    }

    /** Over the JDK client when {@code built}, else raw (the corpus asks for it, or the client refuses it). */
    private static Answer send(BadRequest request, HttpRequest built) throws IOException {
        if (built == null) {
            return RawHttp.send(server.port(), request.method(), request.target(), request.headers(), request.body());
        }
        try {
            return Answer.of(http.send(built));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The request for the JDK client, or null when the client will not send it as it is. */
    private static HttpRequest clientRequest(BadRequest request) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(server.uri(request.target()))
                .timeout(Duration.ofSeconds(60)).method(request.method(), request.body() == null
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body()));
            request.headers().forEach(h -> builder.header(h[0], h[1]));
            return builder.build();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String shorten(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }
}
