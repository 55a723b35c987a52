package dev.starterkit.api.internal;

import dev.starterkit.db.schema.organization.InvitationRepository;
import dev.starterkit.db.schema.organization.MemberRepository;
import dev.starterkit.db.schema.organization.OrganizationRepository;
import dev.starterkit.db.schema.user.IdentityRepository;
import dev.starterkit.db.schema.user.SessionRepository;
import dev.starterkit.db.schema.user.UserRepository;

/** The repositories the API uses, all bound to one data source. */
public record Repositories(UserRepository users, SessionRepository sessions, IdentityRepository identities,
                           OrganizationRepository organizations, MemberRepository members,
                           InvitationRepository invitations) {
}
