package dev.starterkit.db.schema;

import dev.starterkit.db.schema.ddl.SchemaModel;
import dev.starterkit.db.schema.idempotency.IdempotencyKey;
import dev.starterkit.db.schema.organization.Invitation;
import dev.starterkit.db.schema.organization.Member;
import dev.starterkit.db.schema.organization.Organization;
import dev.starterkit.db.schema.passkey.Passkey;
import dev.starterkit.db.schema.subscription.Subscription;
import dev.starterkit.db.schema.user.Identity;
import dev.starterkit.db.schema.user.Session;
import dev.starterkit.db.schema.user.User;
import dev.starterkit.db.schema.user.Verification;
import java.util.List;

/** The one list of the schema's entity classes: a new table is added here, and the schema model follows. */
public final class Entities {

    /** Every {@code @MappedEntity} of the schema. */
    public static final List<Class<?>> ALL = List.of(
        User.class,
        Session.class,
        Identity.class,
        Verification.class,
        Organization.class,
        Member.class,
        Invitation.class,
        Passkey.class,
        Subscription.class,
        IdempotencyKey.class);

    private Entities() {
    }

    /** The schema these entities describe. */
    public static SchemaModel schemaModel() {
        return SchemaModel.fromEntities(ALL);
    }
}
