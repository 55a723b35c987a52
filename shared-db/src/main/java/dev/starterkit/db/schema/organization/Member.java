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
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Index;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A user's membership of an organization with a role ({@code member} table); one per user and organization. */
@MappedEntity(value = "member", namingStrategy = SnakeCaseNames.class)
@UniqueConstraint(name = "member_user_org_unique", columns = {"user_id", "organization_id"})
@Index(name = "member_user_id_idx", columns = "user_id")
@Index(name = "member_organization_id_idx", columns = "organization_id")
public record Member(
    @Id String id,
    @ForeignKey(name = "member_user_id_user_id_fk", references = User.class, onDelete = ReferentialAction.CASCADE)
    String userId,
    @ForeignKey(name = "member_organization_id_organization_id_fk", references = Organization.class,
        onDelete = ReferentialAction.CASCADE)
    String organizationId,
    String role,
    @DateCreated(truncatedTo = ChronoUnit.MICROS) @DefaultSql("now()") Instant createdAt,
    @DateUpdated(truncatedTo = ChronoUnit.MICROS) @DefaultSql("now()") Instant updatedAt) {

    /** The role of an organization's creator. */
    public static final String OWNER = "owner";
    /** The role that manages members and invitations. */
    public static final String ADMIN = "admin";
    /** The plain member role. */
    public static final String MEMBER = "member";

    /** A new membership with a fresh id. */
    public static Member create(String organizationId, String userId, String role) {
        Instant now = Timestamps.now();
        return new Member(Ids.next(IdPrefix.MEMBER), userId, organizationId, role, now, now);
    }

    /** This membership with another role. */
    public Member withRole(String newRole) {
        return new Member(id, userId, organizationId, newRole, createdAt, updatedAt);
    }
}
