package org.rallylab.app.ui.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rallylab.domain.event.Extras;
import org.rallylab.domain.event.Participant;
import org.rallylab.domain.event.RallyCreated;
import org.rallylab.domain.event.RosterLoaded;
import org.rallylab.domain.event.SectionCreated;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.SectionState;

class CheckInRowTest {

    @Test
    void checkInList_rosterInAnyOrder_listedInNaturalNumberOrder_issue12() {
        List<Participant> cars = List.of(car("T10"), car("T2"), car("101"), car("9"), car("T1"));
        SectionState section = RallyState.replay(List.of(
                new RallyCreated(1, "r", "Spring Rally", "2026-12-03", "akela@example.org", Extras.NONE),
                new SectionCreated(2, "r", "s", "Scout Trucks", "akela@example.org", Extras.NONE),
                new RosterLoaded(3, "r", "s", "Scout Trucks", cars, Extras.NONE))).section("s").orElseThrow();

        assertThat(CheckInRow.of(section)).extracting(CheckInRow::carNumber)
                .containsExactly("9", "101", "T1", "T2", "T10");
    }

    private static Participant car(String number) {
        return new Participant("p-" + number, "Child " + number, number, Extras.NONE);
    }
}
