package dev.starterkit.api.views;

import dev.starterkit.db.schema.organization.Invitation;
import java.time.Instant;

/** An invitation as the API shows it. */
public record InvitationView(String id, String email, String role, String status, Instant expiresAt) {

    public static InvitationView of(Invitation i) {
        return new InvitationView(i.id(), i.email(), i.role(), i.status(), i.expiresAt());
    }
}
