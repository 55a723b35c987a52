package dev.starterkit.api.organizations;

import dev.starterkit.api.auth.CurrentUser;
import dev.starterkit.api.http.ApiException;
import dev.starterkit.api.internal.ApiData;
import dev.starterkit.api.internal.Paging;
import dev.starterkit.api.views.InvitationView;
import dev.starterkit.api.views.MemberView;
import dev.starterkit.api.views.OrganizationView;
import dev.starterkit.api.views.Page;
import dev.starterkit.db.schema.Timestamps;
import dev.starterkit.db.schema.organization.Invitation;
import dev.starterkit.db.schema.organization.Member;
import dev.starterkit.db.schema.organization.Organization;
import dev.starterkit.db.schema.user.User;
import io.micronaut.data.model.Limit;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Organizations, their members and invitations. Reads of shared data go through the cache; writes do not. */
public final class OrganizationService {

    static final Duration INVITATION_TTL = Duration.ofDays(7);
    private static final Set<String> MANAGERS = Set.of(Member.OWNER, Member.ADMIN);

    private final ApiData data;
    private final Clock clock;

    public OrganizationService(ApiData data, Clock clock) {
        this.data = data;
        this.clock = clock;
    }

    /** The organizations the user belongs to, by name. */
    public Page<OrganizationView> mine(CurrentUser user) {
        List<String> ids = data.reads().members().findByUserId(user.id()).stream().map(Member::organizationId)
            .toList();
        List<OrganizationView> items = ids.isEmpty() ? List.of()
            : data.reads().organizations().findByIdInOrderByName(ids).stream().map(OrganizationView::of).toList();
        return new Page<>(items, null);
    }

    /** Creates an organization whose creator is its owner; 409 when the slug is taken. */
    public OrganizationView create(CurrentUser user, String name, String slug) {
        return data.inTransaction(() -> {
            Organization org = data.direct().organizations().save(Organization.create(name, slug));
            data.direct().members().save(Member.create(org.id(), user.id(), Member.OWNER));
            return OrganizationView.of(org);
        });
    }

    /** An organization the user belongs to. */
    public OrganizationView get(CurrentUser user, String slug) {
        return OrganizationView.of(membership(user, slug).organization());
    }

    /** Renames or re-logos an organization (owners and admins). */
    public OrganizationView update(CurrentUser user, String slug, Optional<String> name, Optional<String> logo,
                                   boolean clearLogo) {
        Organization org = manage(user, slug).organization();
        Organization changed = new Organization(org.id(), name.orElse(org.name()), org.slug(),
            clearLogo ? null : logo.orElse(org.logo()), org.metadata(), org.stripeCustomerId(), org.createdAt(),
            Timestamps.now());
        return OrganizationView.of(data.direct().organizations().update(changed));
    }

    /** Deletes an organization with its members and invitations (owners and admins). */
    public void delete(CurrentUser user, String slug) {
        data.direct().organizations().deleteById(manage(user, slug).organization().id());
    }

    /** The members, with names, in id order. */
    public Page<MemberView> members(CurrentUser user, String slug, Paging paging) {
        Organization org = membership(user, slug).organization();
        List<Member> members = data.reads().members().findByOrganizationIdAndIdGreaterThanOrderById(org.id(),
            paging.afterId(), Limit.of(paging.limit(), 0));
        Map<String, User> users = data.reads().users().findByIdIn(members.stream().map(Member::userId).toList())
            .stream().collect(Collectors.toMap(User::id, Function.identity()));
        List<MemberView> items = members.stream().map(m -> new MemberView(m.id(), m.userId(),
            Optional.ofNullable(users.get(m.userId())).map(User::name).orElse(null), m.role())).toList();
        String next = members.size() == paging.limit() ? Paging.cursorAfter(members.get(members.size() - 1).id())
            : null;
        return new Page<>(items, next);
    }

    /** Removes a member: managers remove others, anyone may leave; the last owner stays. */
    public void removeMember(CurrentUser user, String slug, String userId) {
        Access access = membership(user, slug);
        if (!userId.equals(user.id()) && !MANAGERS.contains(access.member().role())) {
            throw ApiException.forbidden("Only owners and admins remove other members");
        }
        data.inTransaction(() -> {
            Member target = data.direct().members().findByUserIdAndOrganizationId(userId, access.organization().id())
                .orElseThrow(() -> ApiException.notFound("No such member"));
            if (target.role().equals(Member.OWNER) && !access.member().role().equals(Member.OWNER)) {
                throw ApiException.forbidden("Only owners remove owners");
            }
            if (target.role().equals(Member.OWNER)
                && data.direct().members().countByOrganizationIdAndRole(target.organizationId(), Member.OWNER) <= 1) {
                throw ApiException.conflict("An organization keeps at least one owner");
            }
            data.direct().members().delete(target);
            return null;
        });
    }

    /** Invites an email address (owners and admins); 409 when it is already invited. */
    public InvitationView invite(CurrentUser user, String slug, String email, String role) {
        Access access = manage(user, slug);
        if (role.equals(Member.OWNER) && !access.member().role().equals(Member.OWNER)) {
            throw ApiException.forbidden("Only owners invite owners");
        }
        Invitation invitation = Invitation.create(access.organization().id(), email, role, user.id(),
            Timestamps.truncate(clock.instant().plus(INVITATION_TTL)));
        return InvitationView.of(data.direct().invitations().save(invitation));
    }

    /** Accepts an invitation addressed to the user: exactly one of concurrent accepts wins. */
    public InvitationView accept(CurrentUser user, String invitationId) {
        return respond(user, invitationId, Invitation.ACCEPTED);
    }

    /** Rejects an invitation addressed to the user. */
    public InvitationView reject(CurrentUser user, String invitationId) {
        return respond(user, invitationId, Invitation.REJECTED);
    }

    private InvitationView respond(CurrentUser user, String invitationId, String status) {
        return data.inTransaction(() -> {
            Invitation invitation = data.direct().invitations().findById(invitationId)
                .filter(i -> i.email().equalsIgnoreCase(user.user().email()))
                .orElseThrow(() -> ApiException.notFound("No such invitation for you"));
            if (data.direct().invitations().respond(invitationId, status, Timestamps.truncate(clock.instant())) == 0) {
                throw ApiException.conflict("The invitation is no longer pending (" + invitation.status() + ")");
            }
            if (status.equals(Invitation.ACCEPTED)) {
                data.direct().members().save(Member.create(invitation.organizationId(), user.id(), invitation.role()));
            }
            return InvitationView.of(data.direct().invitations().findById(invitationId).orElseThrow());
        });
    }

    private record Access(Organization organization, Member member) {
    }

    private Access membership(CurrentUser user, String slug) {
        Organization org = data.reads().organizations().findBySlug(slug)
            .orElseThrow(() -> ApiException.notFound("No such organization"));
        Member member = data.direct().members().findByUserIdAndOrganizationId(user.id(), org.id())
            .orElseThrow(() -> ApiException.forbidden("You are not a member of this organization"));
        return new Access(org, member);
    }

    private Access manage(CurrentUser user, String slug) {
        Access access = membership(user, slug);
        if (!MANAGERS.contains(access.member().role())) {
            throw ApiException.forbidden("Only owners and admins may do this");
        }
        return access;
    }
}
