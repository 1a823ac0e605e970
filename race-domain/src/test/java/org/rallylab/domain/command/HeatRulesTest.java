package org.rallylab.domain.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rallylab.domain.event.CarRemoved;
import org.rallylab.domain.event.HeatStaged;
import org.rallylab.domain.event.LanesChanged;
import org.rallylab.domain.event.RaceCompleted;
import org.rallylab.domain.event.RerunDeclared;
import org.rallylab.domain.event.SectionCompleted;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.state.SectionPhase;
import org.rallylab.domain.state.SectionState;
import org.rallylab.domain.state.TimedResult;
import org.rallylab.domain.testing.RaceDay;

class HeatRulesTest {

    private static RaceDay racing(int cars, Integer... lanes) {
        return RaceDay.withSection("kk", cars).checkInAll("kk").start("kk", lanes);
    }

    @Test
    void stageNextHeat_whileHeatOnTrack_rejected() {
        RaceDay day = racing(4, 1, 2);
        assertThat(day.reject(new Command.StageNextHeat("kk")))
                .isEqualTo("Heat 1 is staged and waiting for the track; race it, or rank it by hand.");
    }

    @Test
    void stageNextHeat_afterLastHeat_completesSectionAutomatically() {
        RaceDay day = racing(4, 1, 2);
        int heats = day.section("kk").heatCount();
        for (int h = 1; h < heats; h++) {
            day.race("kk");
            day.next("kk");
        }
        day.race("kk");
        assertThat(day.section("kk").phase()).isEqualTo(SectionPhase.RACING);
        var events = day.next("kk");
        assertThat(events).singleElement().isInstanceOfSatisfying(SectionCompleted.class, e -> {
            assertThat(e.totalHeats()).isEqualTo(heats);
            assertThat(e.earlyEnd()).isFalse();
        });
        assertThat(day.section("kk").phase()).isEqualTo(SectionPhase.SECTION_COMPLETE);
    }

    @Test
    void declareRerun_voidsResultAndStagesSameHeatAgain_newRaceSupersedes() {
        RaceDay day = racing(4, 1, 2);
        day.race("kk", lane -> 3_000);
        var events = day.accept(new Command.DeclareRerun("kk", 1, "car jumped the track"));
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(RerunDeclared.class);
        assertThat(((HeatStaged) events.get(1)).heat()).isEqualTo(1);
        assertThat(day.section("kk").result(1)).isEmpty();
        day.race("kk", lane -> 2_500);
        assertThat(((TimedResult) day.section("kk").result(1).orElseThrow()).timesMs().asMap().values()).containsOnly(2_500L);
    }

    @Test
    void declareRerun_afterNextHeatStaged_restagesPreviousHeat() {
        RaceDay day = racing(4, 1, 2);
        day.race("kk");
        day.next("kk");
        day.accept(new Command.DeclareRerun("kk", 1, null));
        assertThat(day.section("kk").heatOnTrack()).hasValueSatisfying(h -> assertThat(h.number()).isEqualTo(1));
        assertThat(day.section("kk").currentHeat()).hasValue(1);
    }

    @Test
    void declareRerun_olderHeat_rejected() {
        RaceDay day = racing(4, 1, 2);
        day.race("kk");
        day.next("kk");
        day.race("kk");
        assertThat(day.reject(new Command.DeclareRerun("kk", 1, null)))
                .isEqualTo("Only the most recent heat with a result (heat 2) can be re-run.");
        assertThat(day.reject(new Command.DeclareRerun("kk", 3, null))).isEqualTo("Heat 3 has no result to re-run.");
    }

    @Test
    void rerunDnfLanes_stagesOnlyDnfLanes_andPartialRaceMergesIntoHeat() {
        RaceDay day = racing(6, 1, 2, 3);
        day.race("kk", lane -> lane == 2 ? -1 : 2_000 + lane);
        var staged = (HeatStaged) day.accept(new Command.RerunDnfLanes("kk", 1)).get(0);
        assertThat(staged.dnfRerun()).isTrue();
        assertThat(staged.lanes()).extracting(l -> l.lane()).containsExactly(2);
        assertThat(day.section("kk").heatOnTrack()).hasValueSatisfying(h -> assertThat(h.laneNumbers()).containsExactly(2));
        var race = (RaceCompleted) day.race("kk", lane -> 2_222).get(0);
        assertThat(race.partial()).isTrue();
        TimedResult result = (TimedResult) day.section("kk").result(1).orElseThrow();
        assertThat(result.timesMs().asMap()).containsEntry(1, 2_001L).containsEntry(2, 2_222L).containsEntry(3, 2_003L);
        assertThat(day.section("kk").heatOnTrack()).isEmpty();
        assertThat(day.reject(new Command.RerunDnfLanes("kk", 1)))
                .isEqualTo("Every car still racing in heat 1 finished; there is no DNF lane to re-run.");
    }

    @Test
    void removeCar_inStagedHeat_restagesHeatWithoutIt() {
        RaceDay day = racing(6, 1, 2, 3);
        Heat heat1 = day.section("kk").heatOnTrack().orElseThrow();
        String victim = heat1.cars().get(0);
        var events = day.accept(new Command.RemoveCar("kk", victim, "destroyed"));
        assertThat(events.get(0)).isInstanceOf(CarRemoved.class);
        HeatStaged restaged = (HeatStaged) events.get(1);
        assertThat(restaged.heat()).isEqualTo(1);
        assertThat(restaged.lanes()).noneMatch(l -> l.carNumber().equals(victim));
        SectionState s = day.section("kk");
        assertThat(s.heats()).noneMatch(h -> h.hasCar(victim));
        assertThat(s.racingCars()).hasSize(5).doesNotContain(victim);
    }

    @Test
    void removeCar_notInStagedHeat_keepsStagedHeat() {
        RaceDay day = racing(8, 1, 2);
        Heat heat1 = day.section("kk").heatOnTrack().orElseThrow();
        String bystander = day.section("kk").racingCars().stream().filter(c -> !heat1.hasCar(c)).findFirst().orElseThrow();
        var events = day.accept(new Command.RemoveCar("kk", bystander, "disqualified"));
        assertThat(events).hasSize(1);
        assertThat(day.section("kk").heatOnTrack()).contains(heat1);
    }

    @Test
    void removeCar_wouldLeaveOneCar_rejected_andReasonRequired() {
        RaceDay day = racing(2, 1, 2);
        assertThat(day.reject(new Command.RemoveCar("kk", "1", "destroyed")))
                .isEqualTo("Removing car 1 would leave only one car racing; end the section early instead.");
        assertThat(day.reject(new Command.RemoveCar("kk", "1", "tired")))
                .isEqualTo("Say why car 1 leaves: destroyed or disqualified.");
    }

    @Test
    void changeLanes_duringStaging_restagesCurrentHeatOnNewLanes() {
        RaceDay day = racing(8, 1, 2, 3, 4);
        var events = day.accept(new Command.ChangeLanes("kk", List.of(1, 2, 4), "lane 3 sensor died"));
        assertThat(events.get(0)).isInstanceOf(LanesChanged.class);
        HeatStaged restaged = (HeatStaged) events.get(1);
        assertThat(restaged.heat()).isEqualTo(1);
        assertThat(restaged.lanes()).extracting(l -> l.lane()).containsExactly(1, 2, 4);
        assertThat(day.section("kk").heats()).allSatisfy(h -> assertThat(h.laneNumbers()).doesNotContain(3));
    }

    @Test
    void changeLanes_whileResultsShowing_noRestage_remainingHeatsUseNewLanes() {
        RaceDay day = racing(8, 1, 2, 3, 4);
        day.race("kk");
        var events = day.accept(new Command.ChangeLanes("kk", List.of(1, 2, 3), null));
        assertThat(events).hasSize(1);
        SectionState s = day.section("kk");
        assertThat(s.heat(1).orElseThrow().laneNumbers()).containsExactly(1, 2, 3, 4);
        assertThat(s.heats().subList(1, s.heatCount())).allSatisfy(h -> assertThat(h.laneNumbers()).doesNotContain(4));
        assertThat(day.reject(new Command.ChangeLanes("kk", List.of(3, 2, 1), null)))
                .isEqualTo("Lanes 1, 2, 3 are already in use: tick the lanes to race on from now on.");
    }

    @Test
    void endSectionEarly_needsOneResult_thenCompletesEarly() {
        RaceDay day = racing(6, 1, 2, 3);
        assertThat(day.reject(new Command.EndSectionEarly("kk")))
                .startsWith("No heat of Section kk has a result yet");
        day.race("kk");
        var e = (SectionCompleted) day.accept(new Command.EndSectionEarly("kk")).get(0);
        assertThat(e.earlyEnd()).isTrue();
        assertThat(e.totalHeats()).isEqualTo(1);
        assertThat(day.reject(new Command.StageNextHeat("kk")))
                .isEqualTo("Section kk is complete; nothing more can be raced in it.");
    }

    @Test
    void completeSection_withHeatsLeft_rejected() {
        RaceDay day = racing(4, 1, 2);
        day.race("kk");
        assertThat(day.reject(new Command.CompleteSection("kk")))
                .isEqualTo("Heats 2 to 4 have no result yet; race them, or end the section early.");
    }

    @Test
    void lateArrival_afterEveryHeatRaced_getsSoloCatchUpHeats() {
        RaceDay day = RaceDay.withSection("kk", 4).checkIn("kk", "1", "2", "3").start("kk", 1, 2, 3);
        day.race("kk");
        day.next("kk");
        day.race("kk");
        day.next("kk");
        day.race("kk");
        assertThat(day.section("kk").currentHeat()).isEmpty();
        day.checkIn("kk", "4");
        SectionState s = day.section("kk");
        assertThat(s.heats().subList(3, s.heatCount()))
                .hasSize(3)
                .allSatisfy(h -> {
                    assertThat(h.catchUp()).isTrue();
                    assertThat(h.cars()).containsExactly("4");
                });
        var staged = (HeatStaged) day.next("kk").get(0);
        assertThat(staged.catchUp()).isTrue();
        assertThat(staged.heat()).isEqualTo(4);
    }

    @Test
    void lateArrival_whileHeatStaged_keepsStagedHeatAndEqualRuns() {
        RaceDay day = RaceDay.withSection("kk", 7).checkIn("kk", "1", "2", "3", "4", "5", "6").start("kk", 1, 2, 3);
        day.race("kk");
        day.next("kk");
        Heat staged = day.section("kk").heatOnTrack().orElseThrow();
        day.checkIn("kk", "7");
        SectionState s = day.section("kk");
        assertThat(s.heatOnTrack()).contains(staged);
        for (String car : s.racingCars()) {
            for (int lane : List.of(1, 2, 3)) {
                long runs = s.heats().stream().filter(h -> h.carIn(lane).filter(car::equals).isPresent()).count();
                assertThat(runs).as("car %s in lane %d", car, lane).isEqualTo(1);
            }
        }
    }
}
