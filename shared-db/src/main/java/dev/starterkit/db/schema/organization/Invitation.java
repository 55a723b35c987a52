package dev.starterkit.db.schema.organization;

import dev.starterkit.db.schema.SnakeCaseNames;
import dev.starterkit.db.id.IdPrefix;
import dev.starterkit.db.id.Ids;
import dev.starterkit.db.schema.Timestamps;
import dev.starterkit.db.schema.ddl.DefaultSql;
import dev.starterkit.db.schema.ddl.ForeignKey;
import dev.starterkit.db.schema.ddl.ReferentialAction;
import dev.starterkit.db.schema.ddl.UniqueConstraint;
import dev.starterkit.db.schema.user.User;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Index;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An invitation of an email address to an organization with a role ({@code invitation} table); one per organization
 * and email. It starts {@code pending} and is accepted, rejected or canceled.
 */
@MappedEntity(value = "invitation", namingStrategy = SnakeCaseNames.class)
@UniqueConstraint(name = "invitation_org_email_unique", columns = {"organization_id", "email"})
@Index(name = "invitation_email_idx", columns = "email")
@Index(name = "invitation_inviter_id_idx", columns = "inviter_id")
@Index(name = "invitation_organization_id_idx", columns = "organization_id")
public record Invitation(
    @Id String id,
    String email,
    @ForeignKey(name = "invitation_inviter_id_user_id_fk", references = User.class,
        onDelete = ReferentialAction.CASCADE)
    String inviterId,
    @ForeignKey(name = "invitation_organization_id_organization_id_fk", references = Organization.class,
        onDelete = ReferentialAction.CASCADE)
    String organizationId,
    String role,
    @DefaultSql("'pending'") String status,
    Instant expiresAt,
    @Nullable Instant acceptedAt,
    @Nullable Instant rejectedAt,
    @DateCreated(truncatedTo = ChronoUnit.MICROS) @DefaultSql("now()") Instant createdAt,
    @DateUpdated(truncatedTo = ChronoUnit.MICROS) @DefaultSql("now()") Instant updatedAt) {

    /** The status of an invitation not yet answered. */
    public static final String PENDING = "pending";
    /** The status of an accepted invitation. */
    public static final String ACCEPTED = "accepted";
    /** The status of a rejected invitation. */
    public static final String REJECTED = "rejected";
    /** The status of an invitation withdrawn by the organization. */
    public static final String CANCELED = "canceled";

    /** A new pending invitation with a fresh id. */
    public static Invitation create(String organizationId, String email, String role, String inviterId,
                                    Instant expiresAt) {
        Instant now = Timestamps.now();
        return new Invitation(Ids.next(IdPrefix.INVITATION), email, inviterId, organizationId, role, PENDING,
            expiresAt, null, null, now, now);
    }

    /** This invitation accepted at {@code when}. */
    public Invitation accept(Instant when) {
        return new Invitation(id, email, inviterId, organizationId, role, ACCEPTED, expiresAt, when, rejectedAt,
            createdAt, updatedAt);
    }
}
