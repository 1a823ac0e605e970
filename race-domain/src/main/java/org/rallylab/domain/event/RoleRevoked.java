package org.rallylab.domain.event;

import java.util.Objects;

/**
 * Takes a role back. {@code role} is one of registrar, operator, checkin_volunteer;
 * {@code sectionId} is null for the rally-wide operator role.
 */
public record RoleRevoked(long timestamp, String rallyId, String sectionId, String email, String role,
                          String revokedBy, Extras extras) implements DomainEvent {
    public static final String TYPE = "RoleRevoked";

    public RoleRevoked {
        Objects.requireNonNull(rallyId, "rallyId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(extras, "extras");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
