package org.rallylab.domain.event;

import java.util.Objects;

/** May mark cars of that section as arrived, nothing else. */
public record CheckInVolunteerInvited(long timestamp, String rallyId, String sectionId, String volunteerEmail,
                                      String invitedBy, Extras extras) implements DomainEvent {
    public static final String TYPE = "CheckInVolunteerInvited";

    public CheckInVolunteerInvited {
        Objects.requireNonNull(rallyId, "rallyId");
        Objects.requireNonNull(sectionId, "sectionId");
        Objects.requireNonNull(volunteerEmail, "volunteerEmail");
        Objects.requireNonNull(extras, "extras");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
