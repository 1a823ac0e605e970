package org.rallylab.domain.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rallylab.domain.event.Participant;

/** The car-numbering rules (docs/race-rules.md, Car numbers). */
class SectionRosterTest {

    private static Participant p(String id, String number) {
        return new Participant(id, "Name " + id, number);
    }

    private static List<String> numbers(SectionRoster roster) {
        return roster.participants().stream().map(RegisteredParticipant::carNumber).toList();
    }

    @Test
    void carNumbers_absent_lowestUnusedDecimalsInOrder() {
        SectionRoster roster = new SectionRoster();
        roster.replace(null, List.of(p("a", null), p("b", null), p("c", null)));
        assertThat(numbers(roster)).containsExactly("1", "2", "3");
    }

    @Test
    void carNumbers_explicitLabelKeptVerbatimAndReservedBeforeAutoAssignment() {
        SectionRoster roster = new SectionRoster();
        roster.replace(null, List.of(p("a", null), p("b", "1"), p("c", "B100")));
        // "1" is reserved for b before a is numbered, so a gets "2"
        assertThat(numbers(roster)).containsExactly("2", "1", "B100");
    }

    @Test
    void carNumbers_collidingLabel_autoAssigned() {
        SectionRoster roster = new SectionRoster();
        roster.replace(null, List.of(p("a", "5"), p("b", "5")));
        assertThat(numbers(roster)).containsExactly("5", "1");
    }

    @Test
    void carNumbers_groupReplace_fillsGapsLeftByOtherGroupsAndKeepsTheirNumbers() {
        SectionRoster roster = new SectionRoster();
        roster.replace("g1", List.of(p("a", "1"), p("b", "3")));
        roster.replace("g2", List.of(p("c", null), p("d", null)));
        assertThat(roster.participants()).extracting(RegisteredParticipant::participantId, RegisteredParticipant::carNumber,
                        RegisteredParticipant::groupId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "1", "g1"),
                        org.assertj.core.groups.Tuple.tuple("b", "3", "g1"),
                        org.assertj.core.groups.Tuple.tuple("c", "2", "g2"),
                        org.assertj.core.groups.Tuple.tuple("d", "4", "g2"));
        roster.replace("g2", List.of(p("e", null)));
        assertThat(numbers(roster)).containsExactly("1", "3", "2");
    }

    @Test
    void carNumbers_retiredNumberNeverReused() {
        SectionRoster roster = new SectionRoster();
        roster.replace(null, List.of(p("a", null), p("b", null)));
        roster.remove("a", "1");
        roster.add(p("c", null), null);
        roster.add(p("d", "1"), null);
        assertThat(numbers(roster)).containsExactly("2", "3", "4");
        assertThat(roster.retiredNumbers()).containsExactly("1");
    }

    @Test
    void participantAdded_renumbersNobody() {
        SectionRoster roster = new SectionRoster();
        roster.replace(null, List.of(p("a", "7"), p("b", null)));
        roster.add(p("c", "1"), null);
        assertThat(numbers(roster)).containsExactly("7", "1", "2");
    }

    @Test
    void participantUpdated_changesNameAndGroupNeverNumber() {
        SectionRoster roster = new SectionRoster();
        roster.replace("g", List.of(p("a", "7")));
        roster.update("a", "Ava", true, null);
        assertThat(roster.participants()).containsExactly(new RegisteredParticipant("a", "Ava", "7", null));
        roster.update("a", null, false, "ignored");
        assertThat(roster.participants()).containsExactly(new RegisteredParticipant("a", "Ava", "7", null));
    }
}
