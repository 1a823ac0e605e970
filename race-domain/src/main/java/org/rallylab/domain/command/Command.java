package org.rallylab.domain.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.rallylab.domain.event.Participant;
import org.rallylab.domain.event.ParticipantUpdated;

/**
 * What an operator (or the track) asks for. A command is the only way to produce new events:
 * {@link RaceRules#decide} checks it against the state and returns the events to append or
 * a rejection that says what to do instead.
 */
public sealed interface Command {

    /** A new rally in an empty rally file. {@code rallyDate} is ISO (2026-02-15) or null. */
    record CreateRally(String rallyId, String rallyName, String rallyDate, String createdBy) implements Command {
    }

    record CreateSection(String sectionId, String sectionName, String createdBy) implements Command {
    }

    /**
     * Freezes a section's race-day roster. {@code rallyId} is used only when the state has no
     * rally yet (a roster package opened in an empty rally file).
     */
    record LoadRoster(String rallyId, String sectionId, String sectionName, List<Participant> participants)
            implements Command {
        public LoadRoster {
            participants = List.copyOf(participants);
        }
    }

    // ---- pre-race: the registrar's and organizer's roster work (PreRaceRules) ----

    /** Gives a section a new name (the extension event SectionRenamed). */
    record RenameSection(String sectionId, String newName) implements Command {
    }

    /** A group (a Scout troop or pack) participants may belong to; names are unique ignoring case. */
    record CreateGroup(String groupId, String groupName) implements Command {
    }

    /**
     * One more participant. {@code carNumber} null or blank: the lowest free number is given;
     * {@code groupId} null: no group.
     */
    record AddParticipant(String sectionId, String participantId, String name, String carNumber, String groupId)
            implements Command {
    }

    /**
     * Fixes a name or group, never the car number. {@code name} null = unchanged;
     * {@code groupChange} null = unchanged, {@code groupChange.groupId()} null = no group.
     */
    record UpdateParticipant(String sectionId, String participantId, String name,
                             ParticipantUpdated.GroupChange groupChange) implements Command {
    }

    /** Takes a participant off the roster; their car number is retired, never given again. */
    record RemoveParticipant(String sectionId, String participantId) implements Command {
    }

    /**
     * Adds many participants in one batch (a roster file). A group name that matches no group
     * (ignoring case) creates one, with the id {@code groupIds} gives for that name (the keys
     * are matched ignoring case; ids for names that already exist are not used).
     */
    record ImportParticipants(String sectionId, List<NewParticipant> participants, Map<String, String> groupIds)
            implements Command {
        public ImportParticipants {
            participants = List.copyOf(participants);
            groupIds = groupIds == null ? Map.of() : Map.copyOf(groupIds);
        }

        /**
         * The order the participants are added in: those with a car number first, then the
         * others, each in the given order. Explicit labels are so reserved before the lowest
         * free numbers are handed out (docs/race-rules.md, Car numbers), as the fold numbers one addition at a time.
         */
        public List<NewParticipant> inAddOrder() {
            List<NewParticipant> order = new ArrayList<>(participants.size());
            participants.stream().filter(NewParticipant::hasCarNumber).forEach(order::add);
            participants.stream().filter(p -> !p.hasCarNumber()).forEach(order::add);
            return order;
        }
    }

    /** A row of an import: {@code carNumber} and {@code groupName} may be null or blank. */
    record NewParticipant(String participantId, String name, String carNumber, String groupName) {
        public boolean hasCarNumber() {
            return carNumber != null && !carNumber.isBlank();
        }
    }

    /** Freezes the section's pre-race roster, with the car numbers it was given, for race day. */
    record LoadRosterForRaceDay(String sectionId) implements Command {
    }

    /** Invites {@code email} to enter the roster of a section (RegistrarInvited). */
    record InviteRegistrar(String sectionId, String email, String invitedBy) implements Command {
    }

    /** Invites {@code email} to run race day (OperatorInvited). */
    record InviteOperator(String email, String invitedBy) implements Command {
    }

    /** Invites {@code email} to check cars in for a section (CheckInVolunteerInvited). */
    record InviteCheckInVolunteer(String sectionId, String email, String invitedBy) implements Command {
    }

    /**
     * Takes a role back (RoleRevoked): {@code role} is registrar, operator or checkin_volunteer;
     * {@code sectionId} names the section for a registrar or check-in volunteer.
     */
    record RevokeRole(String email, String role, String sectionId, String revokedBy) implements Command {
    }

    // ---- race day ----

    /** A car checked in, before or after the section started (a late arrival). */
    record MarkArrived(String sectionId, String carNumber) implements Command {
    }

    /** A car checked in by mistake is not checked in after all (only before the section starts). */
    record CancelArrival(String sectionId, String carNumber) implements Command {
    }

    /** Start racing on these lanes: the schedule is made and heat 1 staged. */
    record StartSection(String sectionId, List<Integer> lanes) implements Command {
        public StartSection {
            lanes = List.copyOf(lanes);
        }
    }

    /** Results were shown: stage the next heat, or complete the section when every heat is done. */
    record StageNextHeat(String sectionId) implements Command {
    }

    /**
     * The track finished a race. Duplicates (same {@code raceId}) are ignored. An impossible
     * time is held unless {@code acceptImpossibleTimes}. {@code timesUs} and
     * {@code raceTimeoutMs} may be null.
     */
    record RecordRace(String sectionId, int heat, String raceId, Map<Integer, Long> timesMs,
                      Map<Integer, Long> timesUs, Integer raceTimeoutMs, boolean acceptImpossibleTimes)
            implements Command {
        public RecordRace {
            Objects.requireNonNull(raceId, "raceId");
            timesMs = Map.copyOf(timesMs);
            timesUs = timesUs == null ? null : Map.copyOf(timesUs);
        }

        public RecordRace accepted() {
            return new RecordRace(sectionId, heat, raceId, timesMs, timesUs, raceTimeoutMs, true);
        }
    }

    /** Void the heat's result and race it again. */
    record DeclareRerun(String sectionId, int heat, String reason) implements Command {
    }

    /** Race only the cars that did not finish; their new times merge into the heat. */
    record RerunDnfLanes(String sectionId, int heat) implements Command {
    }

    /** Rank the heat by eye: lane to place (1 = first); lanes left out are DNF. */
    record EnterManualResult(String sectionId, int heat, Map<Integer, Integer> placeByLane) implements Command {
        public EnterManualResult {
            placeByLane = Map.copyOf(placeByLane);
        }
    }

    /** The car leaves all future heats; {@code reason} is "destroyed" or "disqualified". */
    record RemoveCar(String sectionId, String carNumber, String reason) implements Command {
    }

    /** These lanes of the heat really held these cars; times stay with their lanes. */
    record CorrectLanes(String sectionId, int heat, Map<Integer, String> carByLane, String reason)
            implements Command {
        public CorrectLanes {
            carByLane = Map.copyOf(carByLane);
        }
    }

    /** Race on another lane set from now on (a sensor died); the remaining heats are re-planned. */
    record ChangeLanes(String sectionId, List<Integer> lanes, String reason) implements Command {
        public ChangeLanes {
            lanes = List.copyOf(lanes);
        }
    }

    /** Every heat has a result: the section is over. */
    record CompleteSection(String sectionId) implements Command {
    }

    /** Stop the section now and rank what was raced. */
    record EndSectionEarly(String sectionId) implements Command {
    }
}
