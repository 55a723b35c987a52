package dev.starterkit.db.schema.organization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starterkit.db.DataLayer;
import dev.starterkit.db.id.IdPrefix;
import dev.starterkit.db.id.Ids;
import dev.starterkit.db.schema.Timestamps;
import dev.starterkit.db.schema.user.DirectUserRepository;
import dev.starterkit.db.schema.user.User;
import dev.starterkit.db.testing.RoundTrip;
import dev.starterkit.db.testing.TestDatabase;
import io.micronaut.data.model.Limit;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Organization, member and invitation rows through their direct repositories on a migrated database. */
class OrganizationRepositoriesIT {

    private static TestDatabase database;
    private static DataLayer layer;
    private static DirectUserRepository users;
    private static DirectOrganizationRepository organizations;
    private static DirectMemberRepository members;
    private static DirectInvitationRepository invitations;

    @BeforeAll
    static void setUp() {
        database = TestDatabase.migrated(OrganizationRepositoriesIT.class);
        layer = database.openDataLayer();
        users = layer.repository(DirectUserRepository.class);
        organizations = layer.repository(DirectOrganizationRepository.class);
        members = layer.repository(DirectMemberRepository.class);
        invitations = layer.repository(DirectInvitationRepository.class);
    }

    @AfterAll
    static void tearDown() {
        layer.close();
        database.close();
    }

    @Test
    void save_should_roundTripAnOrganization_when_createdWithTheFactory() {
        // GIVEN a new organization from the factory
        Organization fresh = Organization.create("Umbrella", "umbrella");
        // WHEN it is saved, read, renamed and deleted
        Organization stored = RoundTrip.check(organizations, fresh, o -> o.withName("Umbrella Corporation"));
        // THEN its id has the organization prefix and the new name was kept until the delete
        assertThat(Ids.isValid(IdPrefix.ORGANIZATION, fresh.id())).isTrue();
        assertThat(stored.name()).isEqualTo("Umbrella Corporation");
    }

    @Test
    void findBySlug_should_returnTheOrganization_when_theSlugIsTaken() {
        // GIVEN two saved organizations
        Organization initech = organizations.save(Organization.create("Initech", "initech"));
        Organization hooli = organizations.save(Organization.create("Hooli", "hooli"));
        // WHEN they are looked up by slug and by ids
        // THEN each is found, by name order for the id list
        assertThat(organizations.findBySlug("initech")).contains(initech);
        assertThat(organizations.existsBySlug("hooli")).isTrue();
        assertThat(organizations.existsBySlug("vandelay")).isFalse();
        assertThat(organizations.findByIdInOrderByName(List.of(initech.id(), hooli.id())))
            .containsExactly(hooli, initech);
    }

    @Test
    void save_should_roundTripAMember_when_aUserJoinsAnOrganization() {
        // GIVEN a user, an organization and a new membership
        User user = users.save(User.create("Mia Member", "mia@example.com"));
        Organization organization = organizations.save(Organization.create("Member Org", "member-org"));
        Member fresh = Member.create(organization.id(), user.id(), Member.MEMBER);
        // WHEN it is saved and looked up by user, by organization and by both
        Member saved = members.save(fresh);
        // THEN every finder returns it
        assertThat(members.findByUserId(user.id())).containsExactly(saved);
        assertThat(members.findByOrganizationId(organization.id())).containsExactly(saved);
        assertThat(members.findByUserIdAndOrganizationId(user.id(), organization.id())).contains(saved);
        assertThat(members.countByOrganizationIdAndRole(organization.id(), Member.MEMBER)).isEqualTo(1);
        members.deleteById(saved.id());
        Member stored = RoundTrip.check(members, fresh, m -> m.withRole(Member.ADMIN));
        assertThat(stored.role()).isEqualTo(Member.ADMIN);
    }

    @Test
    void findByOrganizationIdAndIdGreaterThanOrderById_should_pageMembersOfOneOrganization_when_followingTheCursor() {
        // GIVEN five members of one organization and one of another
        Organization big = organizations.save(Organization.create("Big", "big"));
        Organization other = organizations.save(Organization.create("Other", "other"));
        for (int i = 0; i < 5; i++) {
            User user = users.save(User.create("Big " + i, "big" + i + "@example.com"));
            members.save(Member.create(big.id(), user.id(), Member.MEMBER));
        }
        User outsider = users.save(User.create("Outsider", "outsider@example.com"));
        members.save(Member.create(other.id(), outsider.id(), Member.OWNER));
        // WHEN the big organization's members are read in pages of two
        List<Member> first = members.findByOrganizationIdAndIdGreaterThanOrderById(big.id(), "", Limit.of(2, 0));
        List<Member> second = members.findByOrganizationIdAndIdGreaterThanOrderById(big.id(), first.get(1).id(),
            Limit.of(2, 0));
        List<Member> third = members.findByOrganizationIdAndIdGreaterThanOrderById(big.id(), second.get(1).id(),
            Limit.of(2, 0));
        // THEN the pages hold 2, 2 and 1 of its members, none of the other organization
        assertThat(List.of(first.size(), second.size(), third.size())).containsExactly(2, 2, 1);
        assertThat(first.get(1).id()).isLessThan(second.get(0).id());
        assertThat(third).allSatisfy(m -> assertThat(m.organizationId()).isEqualTo(big.id()));
    }

    @Test
    void save_should_roundTripAnInvitation_when_anAdminInvitesAnEmail() {
        // GIVEN an inviter, an organization and a new invitation
        User inviter = users.save(User.create("Ivan Inviter", "ivan@example.com"));
        Organization organization = organizations.save(Organization.create("Invite Org", "invite-org"));
        Instant expiry = Timestamps.now().plus(7, ChronoUnit.DAYS);
        Invitation fresh = Invitation.create(organization.id(), "guest@example.com", Member.MEMBER, inviter.id(),
            expiry);
        // WHEN it is saved and looked up
        Invitation saved = invitations.save(fresh);
        // THEN it starts pending and every finder returns it
        assertThat(saved.status()).isEqualTo(Invitation.PENDING);
        assertThat(invitations.findByOrganizationIdAndEmail(organization.id(), "guest@example.com")).contains(saved);
        assertThat(invitations.findByOrganizationId(organization.id())).containsExactly(saved);
        assertThat(invitations.findByEmailAndStatus("guest@example.com", Invitation.PENDING)).containsExactly(saved);
        invitations.deleteById(saved.id());
        Instant acceptedAt = Timestamps.now();
        Invitation stored = RoundTrip.check(invitations, fresh, i -> i.accept(acceptedAt));
        assertThat(stored.status()).isEqualTo(Invitation.ACCEPTED);
        assertThat(stored.acceptedAt()).isEqualTo(acceptedAt);
    }
}
