package dev.starterkit.api.internal;

import dev.starterkit.db.schema.organization.InvitationRepository;
import dev.starterkit.db.schema.organization.MemberRepository;
import dev.starterkit.db.schema.organization.OrganizationRepository;
import dev.starterkit.db.schema.user.IdentityRepository;
import dev.starterkit.db.schema.user.SessionRepository;
import dev.starterkit.db.schema.user.UserRepository;
import java.util.function.Supplier;

/**
 * The repositories the API uses, all bound to one data source. Each is looked up on first use: creating a
 * Micronaut Data repository loads its interceptors, and a cold start that reads one user needs one repository.
 */
public final class Repositories {

    private final Lazy<UserRepository> users;
    private final Lazy<SessionRepository> sessions;
    private final Lazy<IdentityRepository> identities;
    private final Lazy<OrganizationRepository> organizations;
    private final Lazy<MemberRepository> members;
    private final Lazy<InvitationRepository> invitations;

    public Repositories(Supplier<? extends UserRepository> users, Supplier<? extends SessionRepository> sessions,
                        Supplier<? extends IdentityRepository> identities,
                        Supplier<? extends OrganizationRepository> organizations,
                        Supplier<? extends MemberRepository> members,
                        Supplier<? extends InvitationRepository> invitations) {
        this.users = new Lazy<>(users);
        this.sessions = new Lazy<>(sessions);
        this.identities = new Lazy<>(identities);
        this.organizations = new Lazy<>(organizations);
        this.members = new Lazy<>(members);
        this.invitations = new Lazy<>(invitations);
    }

    public UserRepository users() {
        return users.get();
    }

    public SessionRepository sessions() {
        return sessions.get();
    }

    public IdentityRepository identities() {
        return identities.get();
    }

    public OrganizationRepository organizations() {
        return organizations.get();
    }

    public MemberRepository members() {
        return members.get();
    }

    public InvitationRepository invitations() {
        return invitations.get();
    }

    /** A value made once, on first use; the beans are singletons, so a race yields the same instance. */
    static final class Lazy<T> implements Supplier<T> {

        private final Supplier<? extends T> source;
        private volatile T value;

        Lazy(Supplier<? extends T> source) {
            this.source = source;
        }

        @Override
        public T get() {
            T current = value;
            if (current == null) {
                current = source.get();
                value = current;
            }
            return current;
        }
    }
}
