package org.rallylab.domain.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rallylab.domain.testing.RaceDay.RALLY;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rallylab.domain.command.Command.NewParticipant;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.Extras;
import org.rallylab.domain.event.GroupCreated;
import org.rallylab.domain.event.Participant;
import org.rallylab.domain.event.ParticipantAdded;
import org.rallylab.domain.event.ParticipantUpdated;
import org.rallylab.domain.roster.RegisteredParticipant;
import org.rallylab.domain.testing.RaceDay;

/** ImportParticipants: one batch of groups and participants; the cars without a number numbered after the highest. */
class ImportParticipantsTest {

    private static Command.ImportParticipants importOf(List<NewParticipant> rows, Map<String, String> groupIds) {
        return new Command.ImportParticipants("kk", rows, groupIds);
    }

    @Test
    void import_batch_newGroupsThenParticipantsWithNumbersFirst_eachWithItsGroup() {
        RaceDay day = PreRaceRulesTest.registration();
        List<DomainEvent> events = day.accept(importOf(List.of(
                new NewParticipant("ava", "Ava Chen", null, "2nd Hillcrest"),
                new NewParticipant("ben", "Ben Okafor", "1", "1ST LAKESIDE"),
                new NewParticipant("cleo", "Cleo Martin", null, null),
                new NewParticipant("dev", "Dev Patel", "B100", "2nd hillcrest")),
                Map.of("2nd Hillcrest", "g2", "1st Lakeside", "unused")));
        long t = day.now();
        assertThat(events).containsExactly(
                new GroupCreated(t, RALLY, "g2", "2nd Hillcrest", Extras.NONE),
                new ParticipantAdded(t, RALLY, "kk", new Participant("ben", "Ben Okafor", "1"), null, Extras.NONE),
                new ParticipantUpdated(t, RALLY, "kk", "ben", null, new ParticipantUpdated.GroupChange("g1"), null,
                        Extras.NONE),
                new ParticipantAdded(t + 1, RALLY, "kk", new Participant("dev", "Dev Patel", "B100"), null,
                        Extras.NONE),
                new ParticipantUpdated(t + 1, RALLY, "kk", "dev", null, new ParticipantUpdated.GroupChange("g2"), null,
                        Extras.NONE),
                new ParticipantAdded(t + 2, RALLY, "kk", new Participant("ava", "Ava Chen", "2"), null, Extras.NONE),
                new ParticipantUpdated(t + 2, RALLY, "kk", "ava", null, new ParticipantUpdated.GroupChange("g2"), null,
                        Extras.NONE),
                new ParticipantAdded(t + 3, RALLY, "kk", new Participant("cleo", "Cleo Martin", "3"), null,
                        Extras.NONE));
        assertThat(day.state().groups()).containsExactly(Map.entry("g1", "1st Lakeside"),
                Map.entry("g2", "2nd Hillcrest"));
        assertThat(day.section("kk").registration().participants()).containsExactly(
                new RegisteredParticipant("ben", "Ben Okafor", "1", "g1"),
                new RegisteredParticipant("dev", "Dev Patel", "B100", "g2"),
                new RegisteredParticipant("ava", "Ava Chen", "2", "g2"),
                new RegisteredParticipant("cleo", "Cleo Martin", "3", null));
    }

    @Test
    void import_explicitNumbersReservedBeforeFreeNumbersAreGiven() {
        RaceDay day = PreRaceRulesTest.registration();
        day.accept(new Command.AddParticipant("kk", "zoe", "Zoe", null, null)); // car 1
        day.accept(importOf(List.of(
                new NewParticipant("ava", "Ava", null, null),
                new NewParticipant("ben", "Ben", "2", null),
                new NewParticipant("cleo", "Cleo", null, null),
                new NewParticipant("dev", "Dev", "3", null)), Map.of()));
        assertThat(day.section("kk").registration().participants()).extracting(RegisteredParticipant::name,
                RegisteredParticipant::carNumber).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("Zoe", "1"), org.assertj.core.groups.Tuple.tuple("Ben", "2"),
                org.assertj.core.groups.Tuple.tuple("Dev", "3"), org.assertj.core.groups.Tuple.tuple("Ava", "4"),
                org.assertj.core.groups.Tuple.tuple("Cleo", "5"));
    }

    /**
     * Issue 12: a pack numbered 101 to 140 imports five more children without numbers; they got
     * 1 to 5 among the 100s. They get 141 to 145: the numbers after the highest, never a retired one.
     */
    @Test
    void import_carsWithoutNumbers_numberedAfterTheHighest_issue12() {
        RaceDay day = PreRaceRulesTest.registration();
        List<NewParticipant> pack = new java.util.ArrayList<>();
        for (int car = 101; car <= 140; car++) {
            pack.add(new NewParticipant("p" + car, "Child " + car, String.valueOf(car), null));
        }
        day.accept(importOf(pack, Map.of()));
        day.accept(new Command.RemoveParticipant("kk", "p140"));
        day.accept(importOf(List.of(new NewParticipant("new1", "Ava", null, null),
                new NewParticipant("new2", "Ben", "B7", null), new NewParticipant("new3", "Cleo", null, null)),
                Map.of()));

        assertThat(day.section("kk").registration().participants()).filteredOn(p -> p.participantId().startsWith("new"))
                .extracting(RegisteredParticipant::carNumber).containsExactlyInAnyOrder("141", "B7", "142");
    }

    @Test
    void import_eventsUniqueByTypeAndTimestamp() {
        RaceDay day = PreRaceRulesTest.registration();
        List<NewParticipant> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(new NewParticipant("p" + i, "Driver " + i, null, "Group " + (i % 3)));
        }
        List<DomainEvent> events = day.accept(importOf(rows, Map.of("Group 0", "a", "Group 1", "b", "Group 2", "c")));
        assertThat(events.stream().map(e -> e.type() + "@" + e.timestamp()).toList()).doesNotHaveDuplicates();
        assertThat(events).hasSize(3 + 30 + 30);
    }

    @Test
    void import_numberTakenByRoster_rejected() {
        RaceDay day = PreRaceRulesTest.withAvaAndBen();
        assertThat(day.reject(importOf(List.of(new NewParticipant("cleo", "Cleo Martin", "7", null)), Map.of())))
                .isEqualTo("Car number 7 is taken by Ava Chen; leave it blank to get the next free number.");
    }

    @Test
    void import_numberRetired_rejected() {
        RaceDay day = PreRaceRulesTest.withAvaAndBen();
        day.accept(new Command.RemoveParticipant("kk", "ava"));
        assertThat(day.reject(importOf(List.of(new NewParticipant("cleo", "Cleo Martin", "7", null)), Map.of())))
                .startsWith("Car number 7 was retired when its participant was removed");
    }

    @Test
    void import_numberTwiceInTheBatch_rejectedNamingBoth() {
        RaceDay day = PreRaceRulesTest.registration();
        assertThat(day.reject(importOf(List.of(new NewParticipant("a", "Ava", " 5", null),
                new NewParticipant("b", "Ben", "5 ", null)), Map.of())))
                .isEqualTo("Car number 5 is given to both Ava and Ben; give each car its own number or leave one"
                        + " blank.");
    }

    @Test
    void import_idTwiceOrAlreadyOnRoster_rejected() {
        RaceDay day = PreRaceRulesTest.withAvaAndBen();
        assertThat(day.reject(importOf(List.of(new NewParticipant("x", "Xi", null, null),
                new NewParticipant("x", "Yu", null, null)), Map.of())))
                .isEqualTo("Participant x is listed twice in the import.");
        assertThat(day.reject(importOf(List.of(new NewParticipant("ava", "Ava", null, null)), Map.of())))
                .isEqualTo("Participant ava is already on the roster of Kub Kars (Ava Chen).");
    }

    @Test
    void import_blankNameOrNobody_rejected() {
        RaceDay day = PreRaceRulesTest.registration();
        assertThat(day.reject(importOf(List.of(new NewParticipant("a", " ", "1", null)), Map.of())))
                .isEqualTo("Give the participant a name.");
        assertThat(day.reject(importOf(List.of(), Map.of()))).isEqualTo("There is nobody to import into Kub Kars.");
    }

    @Test
    void import_newGroupWithoutId_rejected() {
        assertThat(PreRaceRulesTest.registration().reject(importOf(
                List.of(new NewParticipant("a", "Ava", null, "3rd Riverside")), Map.of("Other", "g7"))))
                .isEqualTo("The import names a new group, 3rd Riverside, but gives it no id.");
    }

    @Test
    void import_newGroupWithTakenId_rejected() {
        assertThat(PreRaceRulesTest.registration().reject(importOf(
                List.of(new NewParticipant("a", "Ava", null, "3rd Riverside")), Map.of("3rd riverside", "g1"))))
                .isEqualTo("The new group 3rd Riverside cannot have the id g1: the group 1st Lakeside has it.");
    }
}
