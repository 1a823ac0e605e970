package org.rallylab.domain.command;

import static org.rallylab.domain.command.Guards.reject;
import static org.rallylab.domain.command.SetupRules.blank;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.Extras;
import org.rallylab.domain.event.GroupCreated;
import org.rallylab.domain.event.Participant;
import org.rallylab.domain.event.ParticipantAdded;
import org.rallylab.domain.event.ParticipantRemoved;
import org.rallylab.domain.event.ParticipantUpdated;
import org.rallylab.domain.event.SectionRenamed;
import org.rallylab.domain.roster.RegisteredParticipant;
import org.rallylab.domain.roster.SectionRoster;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.SectionState;

/**
 * The roster work before race day (docs/events.md, Pre-race events): naming sections, groups, and
 * adding, fixing and removing participants until the roster is loaded for race day. Car
 * numbers are given by the fold ({@link SectionRoster}); these rules only make sure an
 * explicit number collides with nothing, so the fold keeps it.
 */
final class PreRaceRules {

    private PreRaceRules() {
    }

    static Decision renameSection(RallyState state, Command.RenameSection c, long now) {
        String rallyId = Guards.rallyId(state);
        SectionState s = Guards.section(state, c.sectionId());
        if (blank(c.newName())) {
            throw reject("Type a new name for " + s.sectionName() + "; a section name cannot be blank.");
        }
        String name = Guards.name("The section name", c.newName());
        for (SectionState other : state.sections()) {
            if (!other.sectionId().equals(s.sectionId()) && other.sectionName().equalsIgnoreCase(name)) {
                throw reject("There is already a section named " + other.sectionName() + "; choose another name.");
            }
        }
        if (name.equals(s.sectionName())) {
            return new Decision.Ignored(s.sectionName() + " already has that name.");
        }
        return new Decision.Accepted(List.of(new SectionRenamed(now, rallyId, s.sectionId(), name, Extras.NONE)));
    }

    static Decision createGroup(RallyState state, Command.CreateGroup c, long now) {
        String rallyId = Guards.rallyId(state);
        if (blank(c.groupId())) {
            throw reject("A group needs an id.");
        }
        if (blank(c.groupName())) {
            throw reject("Give the group a name, such as 1st Lakeside.");
        }
        String existing = state.groups().get(c.groupId());
        if (existing != null) {
            throw reject("There is already a group with id " + c.groupId() + " (" + existing + ").");
        }
        String name = Guards.name("The group name", c.groupName());
        String sameName = groupNamed(state, name);
        if (sameName != null) {
            throw reject("There is already a group named " + state.groups().get(sameName)
                    + "; choose another name or use that group.");
        }
        return new Decision.Accepted(List.of(new GroupCreated(now, rallyId, c.groupId(), name, Extras.NONE)));
    }

    static Decision addParticipant(RallyState state, Command.AddParticipant c, long now) {
        String rallyId = Guards.rallyId(state);
        SectionState s = openRegistration(state, c.sectionId());
        SectionRoster roster = s.registration();
        if (blank(c.participantId())) {
            throw reject("A participant needs an id.");
        }
        RegisteredParticipant same = find(roster, c.participantId());
        if (same != null) {
            throw reject("Participant " + c.participantId() + " is already on the roster of " + s.sectionName()
                    + " (" + same.name() + ", car " + same.carNumber() + ").");
        }
        String name = name(c.name());
        String car = carNumber(c.carNumber());
        if (car != null) {
            requireFree(roster, car);
        }
        if (c.groupId() != null) {
            requireGroup(state, c.groupId());
        }
        Batch batch = new Batch(rallyId, s.sectionId(), now);
        batch.add(new Participant(c.participantId(), name, car), c.groupId());
        return new Decision.Accepted(batch.events());
    }

    static Decision updateParticipant(RallyState state, Command.UpdateParticipant c, long now) {
        String rallyId = Guards.rallyId(state);
        SectionState s = openRegistration(state, c.sectionId());
        RegisteredParticipant p = registered(s, c.participantId());
        if (c.name() == null && c.groupChange() == null) {
            throw reject("Nothing to change for " + p.name() + ": give a new name or group.");
        }
        String name = c.name() == null ? null : name(c.name());
        ParticipantUpdated.GroupChange group = c.groupChange();
        if (group != null && group.groupId() != null) {
            requireGroup(state, group.groupId());
        }
        boolean renames = name != null && !name.equals(p.name());
        boolean regroups = group != null && !Objects.equals(group.groupId(), p.groupId());
        if (!renames && !regroups) {
            return new Decision.Ignored(p.name() + " already has that name and group.");
        }
        return new Decision.Accepted(List.of(new ParticipantUpdated(now, rallyId, s.sectionId(), p.participantId(),
                renames ? name : null, regroups ? group : null, null, Extras.NONE)));
    }

    static Decision removeParticipant(RallyState state, Command.RemoveParticipant c, long now) {
        String rallyId = Guards.rallyId(state);
        SectionState s = openRegistration(state, c.sectionId());
        RegisteredParticipant p = registered(s, c.participantId());
        return new Decision.Accepted(List.of(new ParticipantRemoved(now, rallyId, s.sectionId(), p.participantId(),
                p.carNumber(), null, Extras.NONE)));
    }

    static Decision loadRosterForRaceDay(RallyState state, Command.LoadRosterForRaceDay c, long now) {
        String rallyId = Guards.rallyId(state);
        SectionState s = Guards.section(state, c.sectionId());
        if (s.started()) {
            throw reject(s.sectionName() + " has started racing; its roster is frozen.");
        }
        List<Participant> participants = new ArrayList<>();
        for (RegisteredParticipant p : s.registration().participants()) {
            participants.add(new Participant(p.participantId(), p.name(), p.carNumber()));
        }
        if (participants.isEmpty()) {
            throw reject("The roster of " + s.sectionName()
                    + " is empty; add participants or import a roster file before loading it for race day.");
        }
        return SetupRules.loadRoster(state, new Command.LoadRoster(rallyId, s.sectionId(), s.sectionName(),
                participants), now);
    }

    // ---- shared with ImportRules ----

    /** A section whose registration is open: its roster was not loaded for race day yet. */
    static SectionState openRegistration(RallyState state, String sectionId) {
        SectionState s = Guards.section(state, sectionId);
        if (s.started()) {
            throw reject(s.sectionName() + " has started racing; its roster is frozen.");
        }
        if (s.rosterLoaded()) {
            throw reject("The roster of " + s.sectionName() + " is already loaded for race day, so registration"
                    + " is closed. Make late changes to the race-day roster instead (load it again with the change)"
                    + " before " + s.sectionName() + " starts.");
        }
        return s;
    }

    static String name(String name) {
        if (blank(name)) {
            throw reject("Give the participant a name.");
        }
        return Guards.name("The participant's name", name);
    }

    /** An explicit car number, stripped; null when none was given (the fold gives the next free one). */
    static String carNumber(String carNumber) {
        return blank(carNumber) ? null : Guards.carNumber(carNumber);
    }

    /** The number is neither someone's on the roster nor retired, so the fold keeps it. */
    static void requireFree(SectionRoster roster, String car) {
        for (RegisteredParticipant p : roster.participants()) {
            if (p.carNumber().equals(car)) {
                throw reject("Car number " + car + " is taken by " + p.name()
                        + "; leave it blank to get the next free number.");
            }
        }
        if (roster.retiredNumbers().contains(car)) {
            throw reject("Car number " + car + " was retired when its participant was removed, and numbers are never"
                    + " given again; leave it blank to get the next free number.");
        }
    }

    static void requireGroup(RallyState state, String groupId) {
        if (!state.groups().containsKey(groupId)) {
            throw reject("There is no group " + groupId + "; create the group first.");
        }
    }

    /** The id of the group with this name ignoring case, or null. */
    static String groupNamed(RallyState state, String name) {
        for (Map.Entry<String, String> g : state.groups().entrySet()) {
            if (g.getValue().equalsIgnoreCase(name)) {
                return g.getKey();
            }
        }
        return null;
    }

    static RegisteredParticipant find(SectionRoster roster, String participantId) {
        for (RegisteredParticipant p : roster.participants()) {
            if (p.participantId().equals(participantId)) {
                return p;
            }
        }
        return null;
    }

    private static RegisteredParticipant registered(SectionState s, String participantId) {
        if (participantId == null) {
            throw reject("Choose a participant first.");
        }
        RegisteredParticipant p = find(s.registration(), participantId);
        if (p == null) {
            throw reject("There is no participant " + participantId + " on the roster of " + s.sectionName() + ".");
        }
        return p;
    }

    /**
     * The events of one command. The k-th event of a type in the batch is stamped
     * {@code now + k}, so events stay unique by (rally, section, type, timestamp) as the
     * uniqueness rule for pre-race events (docs/events.md) needs, and the first of each type keeps {@code now}.
     */
    static final class Batch {
        private final String rallyId;
        private final String sectionId;
        private final long now;
        private final List<DomainEvent> events = new ArrayList<>();
        private final Map<String, Integer> perType = new HashMap<>();

        Batch(String rallyId, String sectionId, long now) {
            this.rallyId = rallyId;
            this.sectionId = sectionId;
            this.now = now;
        }

        private long stamp(String type) {
            return now + perType.merge(type, 1, Integer::sum) - 1;
        }

        void group(String groupId, String groupName) {
            events.add(new GroupCreated(stamp(GroupCreated.TYPE), rallyId, groupId, groupName, Extras.NONE));
        }

        /** ParticipantAdded, and ParticipantUpdated with the group when there is one (the fold adds without). */
        void add(Participant participant, String groupId) {
            events.add(new ParticipantAdded(stamp(ParticipantAdded.TYPE), rallyId, sectionId, participant, null,
                    Extras.NONE));
            if (groupId != null) {
                events.add(new ParticipantUpdated(stamp(ParticipantUpdated.TYPE), rallyId, sectionId,
                        participant.participantId(), null, new ParticipantUpdated.GroupChange(groupId), null,
                        Extras.NONE));
            }
        }

        List<DomainEvent> events() {
            return events;
        }
    }
}
