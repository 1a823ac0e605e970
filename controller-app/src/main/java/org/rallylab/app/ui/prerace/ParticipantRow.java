package org.rallylab.app.ui.prerace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.rallylab.domain.roster.CarNumbers;
import org.rallylab.domain.roster.RegisteredParticipant;
import org.rallylab.domain.state.RosterEntry;
import org.rallylab.domain.state.SectionState;

/** One line of the participants table: car number, name and group name ("" for none). */
record ParticipantRow(String participantId, String carNumber, String name, String groupName) {

    /**
     * The rows a section shows, by car number: its race-day roster once loaded (what check-in
     * uses), before that its registration.
     */
    static List<ParticipantRow> of(SectionState section, Map<String, String> groups) {
        List<ParticipantRow> rows = new ArrayList<>();
        List<RegisteredParticipant> registered = section.registration().participants();
        if (section.rosterLoaded()) {
            for (RosterEntry e : section.roster()) {
                String groupId = null;
                for (RegisteredParticipant p : registered) {
                    if (p.participantId().equals(e.participantId())) {
                        groupId = p.groupId();
                    }
                }
                rows.add(new ParticipantRow(e.participantId(), e.carNumber(), e.name(), groupName(groupId, groups)));
            }
        } else {
            for (RegisteredParticipant p : registered) {
                rows.add(new ParticipantRow(p.participantId(), p.carNumber(), p.name(),
                        groupName(p.groupId(), groups)));
            }
        }
        rows.sort(Comparator.comparing(ParticipantRow::carNumber, CarNumbers.NATURAL));
        return rows;
    }

    private static String groupName(String groupId, Map<String, String> groups) {
        return groupId == null ? "" : groups.getOrDefault(groupId, "");
    }
}
