package dev.starterkit.db.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.starterkit.db.DataLayer;
import dev.starterkit.db.schema.organization.DirectInvitationRepository;
import dev.starterkit.db.schema.organization.DirectMemberRepository;
import dev.starterkit.db.schema.organization.DirectOrganizationRepository;
import dev.starterkit.db.schema.organization.Invitation;
import dev.starterkit.db.schema.organization.Member;
import dev.starterkit.db.schema.organization.Organization;
import dev.starterkit.db.schema.passkey.DirectPasskeyRepository;
import dev.starterkit.db.schema.passkey.Passkey;
import dev.starterkit.db.schema.subscription.DirectSubscriptionRepository;
import dev.starterkit.db.schema.subscription.Subscription;
import dev.starterkit.db.schema.user.DirectIdentityRepository;
import dev.starterkit.db.schema.user.DirectSessionRepository;
import dev.starterkit.db.schema.user.DirectUserRepository;
import dev.starterkit.db.schema.user.DirectVerificationRepository;
import dev.starterkit.db.schema.user.Identity;
import dev.starterkit.db.schema.user.Session;
import dev.starterkit.db.schema.user.User;
import dev.starterkit.db.schema.user.Verification;
import dev.starterkit.db.testing.TestDatabase;
import io.micronaut.data.exceptions.DataAccessException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.util.PSQLException;

/** Unique constraints, foreign keys and ON DELETE CASCADE as callers of the direct repositories meet them. */
class ConstraintsIT {

    private static final Instant LATER = Timestamps.now().plus(1, ChronoUnit.DAYS);

    private static TestDatabase database;
    private static DataLayer layer;
    private static DirectUserRepository users;
    private static DirectSessionRepository sessions;
    private static DirectIdentityRepository identities;
    private static DirectVerificationRepository verifications;
    private static DirectOrganizationRepository organizations;
    private static DirectMemberRepository members;
    private static DirectInvitationRepository invitations;
    private static DirectPasskeyRepository passkeys;
    private static DirectSubscriptionRepository subscriptions;

    @BeforeAll
    static void setUp() {
        database = TestDatabase.migrated(ConstraintsIT.class);
        layer = database.openDataLayer();
        users = layer.repository(DirectUserRepository.class);
        sessions = layer.repository(DirectSessionRepository.class);
        identities = layer.repository(DirectIdentityRepository.class);
        verifications = layer.repository(DirectVerificationRepository.class);
        organizations = layer.repository(DirectOrganizationRepository.class);
        members = layer.repository(DirectMemberRepository.class);
        invitations = layer.repository(DirectInvitationRepository.class);
        passkeys = layer.repository(DirectPasskeyRepository.class);
        subscriptions = layer.repository(DirectSubscriptionRepository.class);
    }

    @AfterAll
    static void tearDown() {
        layer.close();
        database.close();
    }

    static Stream<Arguments> duplicates() {
        return Stream.concat(duplicatesOfRowsWithoutParents(), duplicatesOfRowsWithParents());
    }

    private static Stream<Arguments> duplicatesOfRowsWithoutParents() {
        return Stream.of(
            duplicate("user_email_unique", n -> () -> users.save(User.create("Twin", "twin" + n + "@example.com"))),
            duplicate("verification_identifier_value_unique",
                n -> () -> verifications.save(Verification.create("id" + n, "v" + n, LATER))),
            duplicate("organization_slug_unique",
                n -> () -> organizations.save(Organization.create("Org", "slug" + n))),
            duplicate("subscription_stripeSubscriptionId_unique", n -> () -> subscriptions.save(
                Subscription.create("org_0000000000000000", "pro").linked("cus_" + n, "sub_" + n, "active"))));
    }

    private static Stream<Arguments> duplicatesOfRowsWithParents() {
        return Stream.of(
            duplicate("session_token_unique", n -> {
                String userId = user("s" + n);
                return () -> sessions.save(Session.create(userId, "token" + n, LATER));
            }),
            duplicate("identity_provider_account_unique", n -> {
                String userId = user("i" + n);
                return () -> identities.save(Identity.create(userId, "github", "gh-" + n));
            }),
            duplicate("member_user_org_unique", n -> {
                String userId = user("m" + n);
                String organizationId = org("m" + n);
                return () -> members.save(Member.create(organizationId, userId, Member.MEMBER));
            }),
            duplicate("invitation_org_email_unique", n -> {
                String userId = user("v" + n);
                String organizationId = org("v" + n);
                return () -> invitations.save(Invitation.create(organizationId, "guest" + n + "@example.com",
                    Member.MEMBER, userId, LATER));
            }),
            duplicate("passkey_credentialID_unique", n -> {
                String userId = user("p" + n);
                return () -> passkeys.save(Passkey.create(userId, "cred" + n, "pk", "singleDevice", false));
            }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("duplicates")
    void save_should_failNamingTheOriginalConstraint_when_aUniqueValueRepeats(String constraint,
                                                                             IntFunction<Runnable> prepare) {
        // GIVEN a row holding a unique value
        Runnable insert = prepare.apply(Math.abs(constraint.hashCode()));
        insert.run();
        // WHEN a second row with the same value is saved
        Throwable thrown = catchThrowable(insert::run);
        // THEN the error is a unique violation that names the original constraint
        assertThat(thrown).isInstanceOf(DataAccessException.class).hasMessageContaining('"' + constraint + '"');
        PSQLException cause = psqlCause(thrown);
        assertThat(cause.getSQLState()).isEqualTo("23505");
        assertThat(cause.getServerErrorMessage().getConstraint()).isEqualTo(constraint);
    }

    @Test
    void save_should_failNamingTheForeignKey_when_theUserDoesNotExist() {
        // GIVEN a session of a user id that has no row
        Session orphan = Session.create("usr_0000000000000000", "orphan", LATER);
        // WHEN it is saved
        Throwable thrown = catchThrowable(() -> sessions.save(orphan));
        // THEN the error is a foreign key violation naming the original constraint
        PSQLException cause = psqlCause(thrown);
        assertThat(cause.getSQLState()).isEqualTo("23503");
        assertThat(cause.getServerErrorMessage().getConstraint()).isEqualTo("session_user_id_user_id_fk");
    }

    @Test
    void deleteById_should_cascadeToEveryRowOfTheUser_when_aUserIsDeleted() {
        // GIVEN a user with a session, identity, membership, passkey and sent invitation, and a bystander's rows
        String doomed = user("doomed");
        String bystander = user("bystander");
        String organization = org("cascade");
        for (String userId : new String[] {doomed, bystander}) {
            sessions.save(Session.create(userId, "token-" + userId, LATER));
            identities.save(Identity.create(userId, Identity.CREDENTIAL_PROVIDER, userId));
            members.save(Member.create(organization, userId, Member.MEMBER));
            passkeys.save(Passkey.create(userId, "cred-" + userId, "pk", "singleDevice", false));
            invitations.save(Invitation.create(organization, "from-" + userId + "@example.com", Member.MEMBER, userId,
                LATER));
        }
        // WHEN the user is deleted
        users.deleteById(doomed);
        // THEN its rows are gone from every table, and the bystander's and the organization remain
        assertThat(rowsOf(doomed)).containsOnly(0L);
        assertThat(rowsOf(bystander)).containsOnly(1L);
        assertThat(organizations.existsById(organization)).isTrue();
    }

    @Test
    void deleteById_should_cascadeToMembersAndInvitations_when_anOrganizationIsDeleted() {
        // GIVEN an organization with a member and an invitation
        String organization = org("gone");
        String owner = user("owner-of-gone");
        members.save(Member.create(organization, owner, Member.OWNER));
        invitations.save(Invitation.create(organization, "invitee@example.com", Member.ADMIN, owner, LATER));
        // WHEN the organization is deleted
        organizations.deleteById(organization);
        // THEN its memberships and invitations are gone and the user remains
        assertThat(members.findByOrganizationId(organization)).isEmpty();
        assertThat(invitations.findByOrganizationId(organization)).isEmpty();
        assertThat(users.existsById(owner)).isTrue();
    }

    private static Arguments duplicate(String constraint, IntFunction<Runnable> prepare) {
        return Arguments.of(constraint, Named.of("insert", prepare));
    }

    private static String user(String tag) {
        return users.save(User.create(tag, tag + "@example.com")).id();
    }

    private static String org(String tag) {
        return organizations.save(Organization.create(tag, "org-" + tag)).id();
    }

    private static Collection<Long> rowsOf(String userId) {
        return Map.of(
            "session", (long) sessions.findByUserId(userId).size(),
            "identity", (long) identities.findByUserId(userId).size(),
            "member", (long) members.findByUserId(userId).size(),
            "passkey", (long) passkeys.findByUserId(userId).size(),
            "invitation", invitations.findAll().stream().filter(i -> i.inviterId().equals(userId)).count()).values();
    }

    private static PSQLException psqlCause(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof PSQLException psql) {
                return psql;
            }
        }
        throw new AssertionError("No PSQLException in the cause chain of " + thrown, thrown);
    }
}
