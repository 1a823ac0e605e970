package org.rallylab.domain.event;

import java.util.Objects;

/** The latest invitation per section names that section's registrar. */
public record RegistrarInvited(long timestamp, String rallyId, String sectionId, String registrarEmail,
                               String invitedBy, Extras extras) implements DomainEvent {
    public static final String TYPE = "RegistrarInvited";

    public RegistrarInvited {
        Objects.requireNonNull(rallyId, "rallyId");
        Objects.requireNonNull(sectionId, "sectionId");
        Objects.requireNonNull(registrarEmail, "registrarEmail");
        Objects.requireNonNull(extras, "extras");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
