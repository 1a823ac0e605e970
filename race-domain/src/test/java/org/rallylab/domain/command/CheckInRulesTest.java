package org.rallylab.domain.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rallylab.domain.event.ArrivalCancelled;
import org.rallylab.domain.event.HeatStaged;
import org.rallylab.domain.event.Participant;
import org.rallylab.domain.event.SectionStarted;
import org.rallylab.domain.state.SectionPhase;
import org.rallylab.domain.testing.RaceDay;

class CheckInRulesTest {

    @Test
    void phases_followRosterCheckInAndStart() {
        RaceDay day = RaceDay.withSection("kk", 4);
        assertThat(day.section("kk").phase()).isEqualTo(SectionPhase.RALLY_LOADED);
        day.checkIn("kk", "1");
        assertThat(day.section("kk").phase()).isEqualTo(SectionPhase.CHECK_IN);
        day.checkIn("kk", "2").start("kk", 1, 2);
        assertThat(day.section("kk").phase()).isEqualTo(SectionPhase.RACING);
    }

    @Test
    void startSection_fewerThanTwoCars_rejectedWithCheckInMessage() {
        RaceDay day = RaceDay.withSection("kk", 4).checkIn("kk", "3");
        assertThat(day.reject(new Command.StartSection("kk", List.of(1, 2, 3))))
                .isEqualTo("Check in at least 2 cars to start this section (1 checked in).");
        assertThat(day.log()).noneMatch(e -> e instanceof SectionStarted);
    }

    @Test
    void startSection_emitsSectionStartedThenHeatOneWithNames() {
        RaceDay day = RaceDay.withSection("kk", 6).checkInAll("kk");
        var events = day.accept(new Command.StartSection("kk", List.of(3, 1, 2)));
        assertThat(events).hasSize(2);
        assertThat(((SectionStarted) events.get(0)).availableLanes()).containsExactly(1, 2, 3);
        HeatStaged heat1 = (HeatStaged) events.get(1);
        assertThat(heat1.heat()).isEqualTo(1);
        assertThat(heat1.lanes()).hasSize(3).allSatisfy(l -> assertThat(l.name()).startsWith("Driver "));
        assertThat(day.section("kk").heatOnTrack()).hasValueSatisfying(h -> assertThat(h.number()).isEqualTo(1));
    }

    @Test
    void startSection_badLanes_rejectedNamingTheLane() {
        RaceDay day = RaceDay.withSection("kk", 4).checkInAll("kk");
        assertThat(day.reject(new Command.StartSection("kk", List.of(1, 9))))
                .isEqualTo("Lane 9 is not a track lane: lanes are 1 to 8.");
        assertThat(day.reject(new Command.StartSection("kk", List.of(2, 2)))).isEqualTo("Lane 2 is listed twice.");
        assertThat(day.reject(new Command.StartSection("kk", List.of()))).isEqualTo("Choose at least one lane to race on.");
    }

    @Test
    void startSection_twice_rejected() {
        RaceDay day = RaceDay.withSection("kk", 4).checkInAll("kk").start("kk", 1, 2);
        assertThat(day.reject(new Command.StartSection("kk", List.of(1, 2)))).isEqualTo("Section kk has already started.");
    }

    @Test
    void markArrived_unknownDuplicateAndRemovedCars_rejected() {
        RaceDay day = RaceDay.withSection("kk", 4).checkIn("kk", "1");
        assertThat(day.reject(new Command.MarkArrived("kk", "99"))).isEqualTo("Car 99 is not on the Section kk roster.");
        assertThat(day.reject(new Command.MarkArrived("kk", "1"))).isEqualTo("car 1 (Driver 1) is already checked in.");
        day.checkIn("kk", "2", "3").start("kk", 1, 2);
        day.accept(new Command.RemoveCar("kk", "3", "destroyed"));
        assertThat(day.reject(new Command.MarkArrived("kk", "3")))
                .isEqualTo("Car 3 was removed (destroyed) at heat 1; it cannot race again.");
    }

    @Test
    void cancelArrival_beforeTheStart_undoesTheCheckIn_afterwardsRefusedWithWhatToDo() {
        RaceDay day = RaceDay.withSection("kk", 4).checkIn("kk", "1", "2", "3");
        var events = day.accept(new Command.CancelArrival("kk", "2"));
        assertThat(events).singleElement().isInstanceOfSatisfying(ArrivalCancelled.class,
                e -> assertThat(e.carNumber()).isEqualTo("2"));
        assertThat(day.section("kk").arrivedCars()).containsExactly("1", "3");
        assertThat(day.reject(new Command.CancelArrival("kk", "2"))).isEqualTo("Car 2 is not checked in.");
        day.checkIn("kk", "2").start("kk", 1, 2);
        assertThat(day.reject(new Command.CancelArrival("kk", "1")))
                .isEqualTo("Section kk has started: car 1 (Driver 1) stays checked in. If it cannot race, remove it "
                        + "in the race console.");
        assertThat(day.section("kk").arrivedCars()).containsExactly("1", "3", "2");
    }

    @Test
    void markArrived_beforeRosterLoaded_rejected() {
        RaceDay day = new RaceDay();
        day.accept(new Command.CreateRally(RaceDay.RALLY, "Rally", null, null));
        day.accept(new Command.CreateSection("bb", "Beaver Buggies", null));
        assertThat(day.reject(new Command.MarkArrived("bb", "1")))
                .isEqualTo("Load the roster of Beaver Buggies before checking cars in.");
        assertThat(day.section("bb").phase()).isEqualTo(SectionPhase.IDLE);
    }

    @Test
    void loadRoster_duplicateNumbersMissingNumbersAndAfterStart_rejected() {
        RaceDay day = RaceDay.withSection("kk", 3);
        assertThat(day.reject(new Command.LoadRoster(RaceDay.RALLY, "kk", "Kub Kars", List.of(
                new Participant("a", "Ava", "7"), new Participant("b", "Ben", "7")))))
                .isEqualTo("Car number 7 appears twice (Ava and Ben); give each car its own number.");
        assertThat(day.reject(new Command.LoadRoster(RaceDay.RALLY, "kk", "Kub Kars", List.of(
                new Participant("a", "Ava", null)))))
                .isEqualTo("Ava has no car number; give every car a number before race day.");
        assertThat(day.reject(new Command.LoadRoster("other-rally", "kk", "Kub Kars", List.of(
                new Participant("a", "Ava", "1")))))
                .startsWith("This rally file is for rally rally-1");
        day.checkInAll("kk").start("kk", 1, 2);
        assertThat(day.reject(new Command.LoadRoster(RaceDay.RALLY, "kk", "Kub Kars", List.of(
                new Participant("a", "Ava", "1"))))).isEqualTo("Section kk has started racing; its roster is frozen.");
    }

    @Test
    void createSection_duplicateName_rejected() {
        RaceDay day = RaceDay.withSection("kk", 3);
        assertThat(day.reject(new Command.CreateSection("other", "section KK", null)))
                .isEqualTo("There is already a section named Section kk; choose another name.");
        assertThat(day.reject(new Command.CreateRally("r2", "Another", null, null)))
                .startsWith("This rally file already holds the rally");
    }
}
