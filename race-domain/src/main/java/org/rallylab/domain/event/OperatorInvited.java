package org.rallylab.domain.event;

import java.util.Objects;

/** A rally-wide operator; the organizer is one implicitly. */
public record OperatorInvited(long timestamp, String rallyId, String operatorEmail, String invitedBy,
                              Extras extras) implements DomainEvent {
    public static final String TYPE = "OperatorInvited";

    public OperatorInvited {
        Objects.requireNonNull(rallyId, "rallyId");
        Objects.requireNonNull(operatorEmail, "operatorEmail");
        Objects.requireNonNull(extras, "extras");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
