package org.rallylab.domain.event;

/**
 * A fact of the rally, appended to the log and never changed (docs/events.md). All state is a fold
 * of these. {@link #type()} is the PascalCase wire name; {@link #timestamp()} is Unix
 * milliseconds UTC, taken when the event was recorded.
 */
public sealed interface DomainEvent permits
        RallyCreated, SectionCreated, SectionRenamed, RegistrarInvited, OperatorInvited,
        CheckInVolunteerInvited, RoleRevoked, GroupCreated, RosterUpdated, ParticipantAdded,
        ParticipantRemoved, ParticipantUpdated,
        RosterLoaded, CarArrived, ArrivalCancelled, SectionStarted, HeatStaged, RaceCompleted, RerunDeclared,
        ResultManuallyEntered, CarRemoved, ResultCorrected, LanesChanged, SectionCompleted,
        UnrecognizedEvent {

    String type();

    long timestamp();

    /** The rally this event belongs to; null only for an unrecognized event that names none. */
    String rallyId();

    /** The section this event belongs to, or null for a rally-level event. */
    default String sectionId() {
        return null;
    }

    /** Keys this version does not know, kept for export. */
    Extras extras();
}
