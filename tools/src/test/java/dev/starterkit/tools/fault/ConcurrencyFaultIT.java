package dev.starterkit.tools.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Races over HTTP: 16 clients released together by a barrier, against bin/dev's server with 8 execution
 * environments per function (8 connections, so requests really run side by side), for 5 rounds each. Whatever the
 * interleaving, exactly one client wins, every other one gets 409 {@code conflict} (never a 500), and the database
 * holds exactly one of what was raced for.
 */
class ConcurrencyFaultIT {

    private static final int CLIENTS = 16;
    private static final int ROUNDS = 5;
    private static final int ENVIRONMENTS = 8;

    private static FaultDatabase database;
    private static FaultServer server;
    private static Http http;
    private static List<String> racers;

    @BeforeAll
    static void start() {
        database = FaultDatabase.create(ConcurrencyFaultIT.class);
        server = FaultServer.start(database, Map.of("AUTH_BCRYPT_COST", "4"), ENVIRONMENTS);
        http = new Http(server);
        racers = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            racers.add(signUp("Racer " + i, "racer" + i + "@fault.test"));
        }
        // every environment of both functions created before the first race, so that races are not serialized
        // behind their creation
        for (int i = 0; i < 2; i++) {
            Concurrently.run(CLIENTS, c -> http.get("/organizations", racers.get(c)));
            Concurrently.run(CLIENTS, c -> http.get("/me", racers.get(c)));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
        database.close();
    }

    @Test
    void createOrganization_shouldLetExactlyOneWin_whenClientsRaceForTheSameSlug() {
        for (int round = 0; round < ROUNDS; round++) {
            // GIVEN a slug nobody has
            String slug = "race-" + round;
            // WHEN 16 users create an organization with it at once
            List<HttpResponse<String>> answers = Concurrently.run(CLIENTS, c -> http.post("/organizations",
                "{\"name\":\"Race " + c + "\",\"slug\":\"" + slug + "\"}", racers.get(c)));
            // THEN one 201, fifteen 409, one organization with one member: its owner, the winner
            int winner = assertOneWinner(answers, 201);
            assertThat(database.number("SELECT count(*) FROM organization WHERE slug = ?", slug)).isEqualTo(1);
            assertThat(database.number("SELECT count(*) FROM member m JOIN organization o ON o.id = m.organization_id"
                + " WHERE o.slug = ?", slug)).isEqualTo(1);
            assertThat(database.number("SELECT count(*) FROM member m JOIN organization o ON o.id = m.organization_id"
                + " JOIN \"user\" u ON u.id = m.user_id WHERE o.slug = ? AND m.role = 'owner' AND u.email = ?", slug,
                "racer" + winner + "@fault.test")).isEqualTo(1);
        }
        assertThat(server.environmentsCreated().get("OrganizationsFunction")).isGreaterThan(1);
    }

    @Test
    void acceptInvitation_shouldLetExactlyOneWin_whenTheInviteeAcceptsFromManySessions() {
        for (int round = 0; round < ROUNDS; round++) {
            // GIVEN an invitation, and its invitee signed in 16 times
            String slug = "invite-" + round;
            String email = "invitee" + round + "@fault.test";
            assertThat(http.post("/organizations", "{\"name\":\"Invite\",\"slug\":\"" + slug + "\"}", racers.get(0))
                .statusCode()).isEqualTo(201);
            List<String> sessions = new ArrayList<>(List.of(signUp("Invitee " + round, email)));
            while (sessions.size() < CLIENTS) {
                sessions.add(http.signIn(email, "password-" + email));
            }
            HttpResponse<String> invited = http.post("/organizations/" + slug + "/invitations",
                "{\"email\":\"" + email + "\",\"role\":\"member\"}", racers.get(0));
            String id = Http.json(invited.body()).get("id").asString();
            // WHEN every session accepts it at once
            List<HttpResponse<String>> answers = Concurrently.run(CLIENTS, c -> http.post("/invitations/" + id
                + "/accept", null, sessions.get(c)));
            // THEN one 200, fifteen 409; the invitee is a member once and the invitation was accepted once
            assertOneWinner(answers, 200);
            assertThat(database.number("SELECT count(*) FROM member m JOIN organization o ON o.id = m.organization_id"
                + " JOIN \"user\" u ON u.id = m.user_id WHERE o.slug = ? AND u.email = ?", slug, email)).isEqualTo(1);
            assertThat(database.number("SELECT count(*) FROM invitation WHERE id = ? AND status = 'accepted'"
                + " AND accepted_at IS NOT NULL", id)).isEqualTo(1);
        }
    }

    @Test
    void signUp_shouldLetExactlyOneWin_whenClientsRaceForTheSameEmail() {
        for (int round = 0; round < ROUNDS; round++) {
            // GIVEN an email nobody has
            String email = "same" + round + "@fault.test";
            // WHEN 16 clients sign up with it at once, each with a password of their own
            List<HttpResponse<String>> answers = Concurrently.run(CLIENTS, c -> http.post("/auth/sign-up",
                "{\"name\":\"Same " + c + "\",\"email\":\"" + email + "\",\"password\":\"password-" + c + "\"}", null));
            // THEN one 201, fifteen 409; one user with one password identity, and only the winner can sign in
            int winner = assertOneWinner(answers, 201);
            assertThat(database.number("SELECT count(*) FROM \"user\" WHERE email = ?", email)).isEqualTo(1);
            assertThat(database.number("SELECT count(*) FROM identity i JOIN \"user\" u ON u.id = i.user_id"
                + " WHERE u.email = ? AND i.provider_id = 'credential'", email)).isEqualTo(1);
            assertThat(http.post("/auth/sign-in", "{\"email\":\"" + email + "\",\"password\":\"password-" + winner
                + "\"}", null).statusCode()).isEqualTo(200);
            assertThat(http.post("/auth/sign-in", "{\"email\":\"" + email + "\",\"password\":\"password-"
                + (winner + 1) % CLIENTS + "\"}", null).statusCode()).isEqualTo(401);
        }
        assertThat(server.environmentsCreated().get("AuthFunction")).isGreaterThan(1);
    }

    /** Asserts one {@code status} and the rest 409 {@code conflict}; returns the winning client. */
    private static int assertOneWinner(List<HttpResponse<String>> answers, int status) {
        List<Integer> winners = new ArrayList<>();
        for (int c = 0; c < answers.size(); c++) {
            HttpResponse<String> answer = answers.get(c);
            if (answer.statusCode() == status) {
                winners.add(c);
            } else {
                assertThat(answer.statusCode()).as("client %d: %s", c, answer.body()).isEqualTo(409);
                assertThat(Http.errorCode(answer)).isEqualTo("conflict");
            }
        }
        assertThat(winners).as("winners").hasSize(1);
        return winners.get(0);
    }

    /** Signs a new user up (password {@code password-<email>}) and returns their token. */
    private static String signUp(String name, String email) {
        HttpResponse<String> answer = http.post("/auth/sign-up", "{\"name\":\"" + name + "\",\"email\":\"" + email
            + "\",\"password\":\"password-" + email + "\"}", null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return Http.json(answer.body()).get("token").asString();
    }
}
