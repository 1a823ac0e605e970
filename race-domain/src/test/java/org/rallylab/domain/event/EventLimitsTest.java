package org.rallylab.domain.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Issue 11: the limits every event keeps where it enters, at their edges. */
class EventLimitsTest {

    private static final String RALLY = SampleEvents.RALLY;
    private static final String SECTION = SampleEvents.SECTION;

    private static RosterLoaded roster(int cars, String name, Extras each) {
        List<Participant> list = new ArrayList<>();
        for (int i = 1; i <= cars; i++) {
            list.add(new Participant("p-" + i, name, String.valueOf(i), each));
        }
        return new RosterLoaded(1, RALLY, SECTION, "Kub Kars", list, Extras.NONE);
    }

    @Test
    void everySampleEvent_withinTheLimits() {
        for (DomainEvent e : SampleEvents.everyType()) {
            assertThatCode(() -> EventLimits.check(e)).as(e.type()).doesNotThrowAnyException();
        }
    }

    @Test
    void names_upTo100CharactersAnyScript_noControlCharacters() {
        String flags = "\uD83C\uDFC1".repeat(100);
        assertThat(EventLimits.nameProblem(flags)).isNull();
        assertThat(EventLimits.nameProblem(flags + "x")).isEqualTo("is 101 characters long; at most 100 are allowed");
        assertThat(EventLimits.nameProblem("Ava\u202Eeno")).startsWith("holds the control character U+202E at position 4");
        assertThat(EventLimits.nameProblem("Ava\u0085")).startsWith("holds the control character U+0085");
        assertThat(EventLimits.nameProblem("  ")).isEqualTo("is blank");
        assertThat(EventLimits.carNumberProblem("B".repeat(12))).isNull();
        assertThat(EventLimits.carNumberProblem("B".repeat(13))).contains("at most 12");
    }

    @Test
    void rosters_upTo1000Participants() {
        assertThatCode(() -> EventLimits.check(roster(1_000, "\uD83C\uDFC1".repeat(100), Extras.NONE)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> EventLimits.check(roster(1_001, "Ava", Extras.NONE)))
                .hasMessage("RosterLoaded: \"participants\" holds 1001 entries; at most 1000 are allowed");
    }

    @Test
    void unknownKeys_countTowardsTheOneMegabyteOfAnEvent() {
        Extras big = new Extras(Map.of("photo", new TextNode("x".repeat(2_000))));
        assertThatThrownBy(() -> EventLimits.check(roster(600, "Ava", big)))
                .hasMessageStartingWith("RosterLoaded is ").hasMessageEndingWith("an event may be at most 1048576 bytes"
                        + " (1 MiB)");
        UnrecognizedEvent huge = new UnrecognizedEvent("TrophyAwarded", 1, RALLY, SECTION,
                new Extras(Map.of("note", new TextNode("y".repeat(1 << 20)))));
        assertThatThrownBy(() -> EventLimits.check(huge)).hasMessageStartingWith("TrophyAwarded is ");
    }

    @Test
    void timesDatesLanesAndHeats_withinWhatARaceCanBe() {
        TreeMap<Integer, Long> times = new TreeMap<>(Map.of(1, EventLimits.MAX_RACE_TIME_MS));
        assertThatCode(() -> EventLimits.check(new RaceCompleted(1, RALLY, SECTION, 1, "r", times, null, false, 60_000,
                Extras.NONE))).doesNotThrowAnyException();
        times.put(2, EventLimits.MAX_RACE_TIME_MS + 1);
        assertThatThrownBy(() -> EventLimits.check(new RaceCompleted(1, RALLY, SECTION, 1, "r", times, null, false,
                null, Extras.NONE))).hasMessage("RaceCompleted: \"times_ms.2\" 600001 is beyond any race (0 to 600000 ms)");
        assertThatThrownBy(() -> EventLimits.check(new RallyCreated(1, RALLY, "R", "2026-02-31", null, Extras.NONE)))
                .hasMessage("RallyCreated: \"rally_date\" \"2026-02-31\" is not a date on the calendar (like 2026-02-15)");
        assertThatThrownBy(() -> EventLimits.check(new SectionStarted(1, RALLY, SECTION, List.of(1, 9), Extras.NONE)))
                .hasMessage("SectionStarted: \"available_lanes[1]\" 9 is not a lane (1 to 8)");
        assertThatThrownBy(() -> EventLimits.check(new RerunDeclared(1, RALLY, SECTION, 0, null, Extras.NONE)))
                .hasMessage("RerunDeclared: \"heat\" 0 is not a heat number (1 to 10000)");
        assertThatThrownBy(() -> EventLimits.check(new CarArrived(-1, RALLY, SECTION, "7", Extras.NONE)))
                .hasMessageStartingWith("CarArrived: \"timestamp\" -1 is not a time RallyLab can record");
        assertThatThrownBy(() -> EventLimits.check(new CarArrived(EventLimits.MAX_TIMESTAMP + 1, RALLY, SECTION, "7",
                Extras.NONE))).hasMessageStartingWith("CarArrived: \"timestamp\"");
    }
}
