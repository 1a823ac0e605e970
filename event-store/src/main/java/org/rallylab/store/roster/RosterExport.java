package org.rallylab.store.roster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.rallylab.domain.roster.RegisteredParticipant;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.RosterEntry;
import org.rallylab.domain.state.SectionState;
import org.rallylab.store.roster.RosterPackage.Group;
import org.rallylab.store.roster.RosterPackage.Member;
import org.rallylab.store.roster.RosterPackage.Section;

/**
 * Builds a roster package from the fold of a rally's log.
 *
 * <p>Each section exports its pre-race roster ({@link SectionState#registration()}) with the car
 * numbers the fold assigned and the participants' groups. RosterLoaded does not fill that
 * roster: it only sets the frozen race-day roster. So a section whose pre-race roster is empty
 * but whose roster is loaded (a race-day laptop that imported a package) exports the loaded
 * roster instead, without groups; when both exist the pre-race roster wins, because it carries
 * the groups and is what the organizer edits. Names the log never gave fall back to the id, as
 * the fold's own queries do; a participant whose group the log never created brings a group
 * named by its id, so the package reads back.
 */
final class RosterExport {

    private RosterExport() {
    }

    static RosterPackage of(RallyState state, Instant exportedAt) {
        Objects.requireNonNull(exportedAt, "exportedAt");
        if (!state.rallyCreated() || state.rallyId().isEmpty()) {
            throw new IllegalArgumentException("cannot export a roster package: the log has no RallyCreated,"
                    + " so there is no rally id or name to put in it (is this a race-day-only log?)");
        }
        Map<String, String> groups = new LinkedHashMap<>();
        state.groups().forEach((id, name) -> groups.put(id, orId(name, id)));
        List<Section> sections = new ArrayList<>();
        for (SectionState s : state.sections()) {
            List<Member> members = members(s);
            members.forEach(m -> {
                if (m.groupId() != null) {
                    groups.putIfAbsent(m.groupId(), m.groupId());
                }
            });
            sections.add(new Section(s.sectionId(), orId(s.sectionName(), s.sectionId()), members));
        }
        List<Group> groupList = new ArrayList<>();
        groups.forEach((id, name) -> groupList.add(new Group(id, name)));
        RosterPackage p = new RosterPackage(state.rallyId().get(), state.rallyName(), state.rallyDate().orElse(null),
                exportedAt, groupList, sections);
        try {
            RosterChecks.check(p);
        } catch (RosterProblem e) {
            throw new IllegalArgumentException("cannot export a roster package of rally \"" + state.rallyName()
                    + "\": " + e.getMessage(), e);
        }
        return p;
    }

    private static List<Member> members(SectionState s) {
        List<Member> members = new ArrayList<>();
        List<RegisteredParticipant> registered = s.registration().participants();
        if (!registered.isEmpty() || !s.rosterLoaded()) {
            for (RegisteredParticipant p : registered) {
                members.add(new Member(p.participantId(), p.name(), p.carNumber(), p.groupId()));
            }
        } else {
            for (RosterEntry e : s.roster()) {
                members.add(new Member(e.participantId(), e.name(), e.carNumber(), null));
            }
        }
        return members;
    }

    private static String orId(String name, String id) {
        return name == null || name.isBlank() ? id : name;
    }
}
