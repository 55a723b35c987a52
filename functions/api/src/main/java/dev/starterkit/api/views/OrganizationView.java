package dev.starterkit.api.views;

import dev.starterkit.db.schema.organization.Organization;
import java.time.Instant;

/** An organization as the API shows it. */
public record OrganizationView(String id, String name, String slug, String logo, Instant createdAt) {

    public static OrganizationView of(Organization o) {
        return new OrganizationView(o.id(), o.name(), o.slug(), o.logo(), o.createdAt());
    }
}
