package org.rallylab.domain.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rallylab.domain.roster.RegisteredParticipant;
import org.rallylab.domain.testing.RaceDay;

/** The car-numbering rules (docs/race-rules.md, Car numbers), driven through the pre-race commands and the fold. */
class PreRaceNumberingTest {

    private static Map<String, String> numbers(RaceDay day) {
        Map<String, String> byName = new HashMap<>();
        for (RegisteredParticipant p : day.section("kk").registration().participants()) {
            byName.put(p.name(), p.carNumber());
        }
        return byName;
    }

    private static void add(RaceDay day, String name, String car) {
        day.accept(new Command.AddParticipant("kk", name.toLowerCase(), name, car, null));
    }

    @Test
    void numbering_explicitLabel_keptVerbatim() {
        RaceDay day = PreRaceRulesTest.registration();
        add(day, "Ava", "B100");
        add(day, "Ben", "007");
        add(day, "Cleo", null);
        assertThat(numbers(day)).containsExactlyInAnyOrderEntriesOf(Map.of("Ava", "B100", "Ben", "007", "Cleo", "1"));
    }

    @Test
    void numbering_lowestUnused_fillsGaps() {
        RaceDay day = PreRaceRulesTest.registration();
        add(day, "Ava", "2");
        add(day, "Ben", "4");
        add(day, "Cleo", null);
        add(day, "Dev", null);
        add(day, "Elle", null);
        assertThat(numbers(day)).containsExactlyInAnyOrderEntriesOf(
                Map.of("Ava", "2", "Ben", "4", "Cleo", "1", "Dev", "3", "Elle", "5"));
    }

    @Test
    void numbering_retiredNumber_neverGivenAgain() {
        RaceDay day = PreRaceRulesTest.registration();
        add(day, "Ava", null);
        add(day, "Ben", null);
        add(day, "Cleo", null);
        day.accept(new Command.RemoveParticipant("kk", "ben"));
        add(day, "Dev", null);
        assertThat(numbers(day)).containsExactlyInAnyOrderEntriesOf(Map.of("Ava", "1", "Cleo", "3", "Dev", "4"));
        assertThat(day.section("kk").registration().retiredNumbers()).containsExactly("2");
    }

    @Test
    void numbering_addingAndRemovingManyTimes_renumbersNobodyAndNeverRepeatsANumber() {
        RaceDay day = PreRaceRulesTest.registration();
        Random random = new Random(7);
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < 60; i++) {
            List<RegisteredParticipant> before = day.section("kk").registration().participants();
            if (!before.isEmpty() && random.nextInt(4) == 0) {
                String leaving = before.get(random.nextInt(before.size())).participantId();
                day.accept(new Command.RemoveParticipant("kk", leaving));
            } else {
                String label = random.nextInt(3) == 0 ? "X" + i : null;
                day.accept(new Command.AddParticipant("kk", "p" + i, "Driver " + i, label, null));
            }
            for (RegisteredParticipant p : day.section("kk").registration().participants()) {
                String earlier = given.putIfAbsent(p.participantId(), p.carNumber());
                assertThat(earlier == null || earlier.equals(p.carNumber())).as("%s keeps car %s", p, earlier).isTrue();
            }
        }
        assertThat(given.values()).doesNotHaveDuplicates();
    }
}
