package org.rallylab.domain.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.rallylab.domain.event.CarArrived;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.Extras;
import org.rallylab.domain.event.HeatStaged;
import org.rallylab.domain.event.LaneCar;
import org.rallylab.domain.event.Participant;
import org.rallylab.domain.event.RaceCompleted;
import org.rallylab.domain.event.RosterLoaded;
import org.rallylab.domain.event.SampleEvents;
import org.rallylab.domain.event.SectionStarted;
import org.rallylab.domain.event.UnrecognizedEvent;
import org.rallylab.domain.testing.RaceDay;

class FoldTest {

    @Test
    void replay_sameLogTwice_equalStates() {
        RaceDay day = RaceDay.withSection("kk", 8).checkInAll("kk").start("kk", 1, 2, 3, 4).raceToTheEnd("kk");
        assertThat(RallyState.replay(day.log())).isEqualTo(RallyState.replay(day.log())).isEqualTo(day.state());
    }

    @Test
    void replay_everyPrefix_restartsOnTheSameHeat() {
        RaceDay day = RaceDay.withSection("kk", 5).checkInAll("kk").start("kk", 1, 2, 3);
        day.race("kk");
        day.next("kk");
        List<DomainEvent> log = day.log();
        RallyState restarted = RallyState.replay(log);
        SectionState s = restarted.section("kk").orElseThrow();
        assertThat(s.heatOnTrack()).isEqualTo(day.section("kk").heatOnTrack());
        assertThat(s.heatOnTrack().orElseThrow().number()).isEqualTo(2);
    }

    @Test
    void apply_unknownEventType_countedAndIgnored() {
        RaceDay day = RaceDay.withSection("kk", 4);
        RallyState before = RallyState.replay(day.log());
        RallyState after = RallyState.replay(day.log()).apply(new UnrecognizedEvent("TrophyAwarded", 1, "rally-1", "kk",
                Extras.NONE));
        assertThat(after.eventCount()).isEqualTo(before.eventCount() + 1);
        assertThat(after.section("kk")).isEqualTo(before.section("kk"));
    }

    @Test
    void apply_raceDayLogWithoutPreRaceEvents_buildsSections() {
        List<DomainEvent> log = List.of(
                new RosterLoaded(1, "r", "s", "Scout Trucks", List.of(new Participant("a", "Ava", "B9"),
                        new Participant("b", "Ben", "B100"), new Participant("c", "Cy", "B10")), Extras.NONE),
                new CarArrived(2, "r", "s", "B100", Extras.NONE),
                new CarArrived(3, "r", "s", "B9", Extras.NONE),
                new CarArrived(4, "r", "s", "B10", Extras.NONE),
                new SectionStarted(5, "r", "s", List.of(1, 3, 5), Extras.NONE));
        RallyState state = RallyState.replay(log);
        SectionState s = state.findSection("scout trucks").orElseThrow();
        assertThat(state.rallyId()).hasValue("r");
        assertThat(s.racingCars()).containsExactly("B9", "B10", "B100");
        assertThat(s.lanes()).containsExactly(1, 3, 5);
        assertThat(s.heats()).isNotEmpty().allSatisfy(h -> assertThat(h.laneNumbers()).isSubsetOf(1, 3, 5));
    }

    @Test
    void apply_historyTheRulesWouldRefuse_acceptedWithoutThrowing() {
        List<DomainEvent> log = new ArrayList<>(List.of(
                new SectionStarted(1, "r", "s", List.of(0, 2, 9, 2), Extras.NONE),
                new CarArrived(2, "r", "s", "ghost", Extras.NONE),
                new HeatStaged(3, "r", "s", 40, List.of(new LaneCar(2, "ghost", null)), false, false, Extras.NONE),
                new RaceCompleted(4, "r", "s", 40, "x", new TreeMap<>(Map.of(2, 2_000L, 7, 1L)), null, false, null,
                        Extras.NONE),
                new RaceCompleted(5, "r", "s", 99, "y", new TreeMap<>(Map.of(1, 2_000L)), null, true, null, Extras.NONE)));
        assertThatCode(() -> RallyState.replay(log)).doesNotThrowAnyException();
        SectionState s = RallyState.replay(log).section("s").orElseThrow();
        assertThat(s.result(40)).isPresent();
        assertThat(s.lanes()).containsExactly(2);
    }

    @Test
    void apply_shuffledLogs_neverThrow() {
        RaceDay day = RaceDay.withSection("kk", 6).checkInAll("kk").start("kk", 1, 2, 3);
        day.race("kk");
        day.next("kk");
        day.race("kk", lane -> lane == 1 ? -1 : 2_500);
        List<DomainEvent> all = new ArrayList<>(day.log());
        all.addAll(SampleEvents.everyType());
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            Collections.shuffle(all, random);
            List<DomainEvent> prefix = all.subList(0, random.nextInt(all.size() + 1));
            assertThatCode(() -> RallyState.replay(prefix)).doesNotThrowAnyException();
        }
    }
}
