package org.rallylab.domain.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rallylab.domain.event.ResultCorrected;
import org.rallylab.domain.event.ResultManuallyEntered;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.state.ManualResult;
import org.rallylab.domain.testing.RaceDay;

class ResultRulesTest {

    private static RaceDay racing(int cars, Integer... lanes) {
        return RaceDay.withSection("kk", cars).checkInAll("kk").start("kk", lanes);
    }

    private static Command.RecordRace race(int heat, String raceId, Map<Integer, Long> times) {
        return new Command.RecordRace("kk", heat, raceId, times, null, 10_000, false);
    }

    @Test
    void recordRace_duplicateRaceId_ignoredNotAppended() {
        RaceDay day = racing(4, 1, 2);
        day.accept(race(1, "r-1", Map.of(1, 2_000L, 2, 2_100L)));
        int logSize = day.log().size();
        Decision again = day.decide(race(1, "r-1", Map.of(1, 2_000L, 2, 2_100L)));
        assertThat(again).isInstanceOf(Decision.Ignored.class);
        assertThat(again.message()).contains("already recorded");
        assertThat(day.log()).hasSize(logSize);
    }

    @Test
    void recordRace_everyLaneDnf_ignoredAsGateFault_heatStaysStaged() {
        RaceDay day = racing(4, 1, 2);
        Decision d = day.decide(race(1, "r-1", Map.of()));
        assertThat(d).isInstanceOf(Decision.Ignored.class);
        assertThat(d.message()).isEqualTo("Every lane of heat 1 is DNF: a gate fault, not a race. "
                + "Heat 1 stays staged; race it again.");
        assertThat(day.section("kk").heatOnTrack()).isPresent();
    }

    @Test
    void recordRace_impossibleTime_heldUntilOperatorAccepts() {
        RaceDay day = racing(4, 1, 2);
        Heat heat = day.section("kk").heatOnTrack().orElseThrow();
        String carInLane2 = heat.carIn(2).orElseThrow();
        Command.RecordRace fast = race(1, "r-1", Map.of(1, 2_345L, 2, 412L));
        Decision held = day.decide(fast);
        assertThat(held).isInstanceOf(Decision.Held.class);
        assertThat(held.message()).isEqualTo("Heat 1 has an impossible time: lane 2 (car " + carInLane2 + ", Driver "
                + carInLane2 + "): 0.412 s is faster than the 1.000 s minimum. Accept the race as timed, or re-run the heat.");
        assertThat(held.events()).isEmpty();
        day.accept(fast.accepted());
        assertThat(day.section("kk").result(1)).isPresent();
    }

    /**
     * Issue 12: a held time named its car in parentheses inside parentheses ("lane 2 (car T106
     * (Uma F.))"); a lane and its car read "lane 2 (car T106, Uma F.)". The problem alone (what a
     * form of typed times shows) leaves out the console's choice.
     */
    @Test
    void recordRace_held_namesLaneAndCarWithoutNestedParentheses_issue12() {
        RaceDay day = racing(4, 1, 2);
        String car = day.section("kk").heatOnTrack().orElseThrow().carIn(2).orElseThrow();
        Decision held = day.decide(race(1, "r-1", Map.of(1, 2_345L, 2, 12_000L)));

        assertThat(held).isInstanceOfSatisfying(Decision.Held.class, h -> assertThat(h.problem())
                .isEqualTo("Heat 1 has an impossible time: lane 2 (car " + car + ", Driver " + car + "): 12.000 s is"
                        + " longer than the 10.000 s race timeout."));
        assertThat(held.message()).doesNotContain("((").doesNotContain("))")
                .endsWith(" Accept the race as timed, or re-run the heat.");
    }

    @Test
    void recordRace_zeroAndOverTimeout_held() {
        RaceDay day = racing(4, 1, 2);
        assertThat(day.decide(race(1, "a", Map.of(1, 0L, 2, 2_000L))).message()).contains("0.000 s is no time at all");
        assertThat(day.decide(race(1, "b", Map.of(1, 10_001L, 2, 2_000L))).message())
                .contains("10.001 s is longer than the 10.000 s race timeout");
    }

    /**
     * Issue 11: a time of 2^63 ms (the track's or a typing slip's) was held as impossible and, once
     * accepted, threw when the standings were computed. A time beyond any race is refused where it
     * enters; nothing is recorded and the heat stays staged.
     */
    @Test
    void recordRace_timeBeyondAnyRace_refusedNotHeld_issue11() {
        RaceDay day = racing(4, 1, 2);
        Command.RecordRace endless = race(1, "r-1", Map.of(1, Long.MAX_VALUE, 2, 2_000L));

        String car = day.section("kk").heatOnTrack().orElseThrow().carIn(1).orElseThrow();
        assertThat(day.reject(endless)).isEqualTo("Lane 1 (car " + car + ", Driver " + car + ") has a time of "
                + "9223372036854775.807 s, beyond any race (at most 600 s): it was not recorded. Re-run the heat, or"
                + " enter its times again.");
        assertThat(day.decide(endless.accepted())).isInstanceOf(Decision.Rejected.class);
        assertThat(day.decide(new Command.RecordRace("kk", 1, "r-2", Map.of(1, 2_000L, 2, 2_100L),
                Map.of(1, -1L), 10_000, false)).message()).contains("impossible time of -1 µs");
        assertThat(day.decide(new Command.RecordRace("kk", 1, "r-3", Map.of(1, 2_000L, 2, 2_100L), null, 0, false))
                .message()).contains("race timeout of 0 ms");
        assertThat(day.section("kk").heatOnTrack()).isPresent();
        assertThat(org.rallylab.domain.scoring.Scoring.standings(day.section("kk"))).isNotNull();
    }

    /** Issue 11: whatever a rule accepts is held to the event limits; a reason of 600 characters is refused. */
    @Test
    void anyCommand_eventBeyondTheLimits_rejectedNamingTheField_issue11() {
        RaceDay day = racing(4, 1, 2);
        day.race("kk");

        assertThat(day.reject(new Command.DeclareRerun("kk", 1, "x".repeat(600))))
                .isEqualTo("Not recorded: RerunDeclared: \"reason\" is 600 characters long; at most 500 are allowed.");
    }

    @Test
    void recordRace_wrongHeatOrNothingStaged_rejected() {
        RaceDay day = racing(4, 1, 2);
        assertThat(day.reject(race(2, "x", Map.of(1, 2_000L))))
                .isEqualTo("The track reported a race for heat 2, but heat 1 is staged.");
        day.race("kk");
        assertThat(day.reject(race(1, "y", Map.of(1, 2_000L))))
                .isEqualTo("No heat of Section kk is waiting for the track; stage the next heat first.");
    }

    @Test
    void enterManualResult_staged_lanesLeftOutAreDnf() {
        RaceDay day = racing(6, 1, 2, 3);
        Heat heat = day.section("kk").heatOnTrack().orElseThrow();
        var e = (ResultManuallyEntered) day.accept(new Command.EnterManualResult("kk", 1, Map.of(3, 1, 1, 2))).get(0);
        assertThat(e.rankings()).extracting(r -> r.lane()).containsExactly(3, 1);
        assertThat(e.rankings().get(0).carNumber()).isEqualTo(heat.carIn(3).orElseThrow());
        ManualResult result = (ManualResult) day.section("kk").result(1).orElseThrow();
        assertThat(result.isDnf(2)).isTrue();
        assertThat(result.isDnf(3)).isFalse();
    }

    @Test
    void enterManualResult_badLaneOrPlace_rejected() {
        RaceDay day = racing(6, 1, 2, 3);
        assertThat(day.reject(new Command.EnterManualResult("kk", 1, Map.of(5, 1))))
                .isEqualTo("Lane 5 has no car in heat 1.");
        assertThat(day.reject(new Command.EnterManualResult("kk", 1, Map.of(1, 4))))
                .isEqualTo("Place 4 for lane 1 is not possible: places are 1 to 3.");
        assertThat(day.reject(new Command.EnterManualResult("kk", 2, Map.of(1, 1))))
                .startsWith("Heat 2 is neither staged nor the latest heat with a result");
    }

    /** Issue 12: a real dead heat is entered as places shared, the next place skipped, as times place cars. */
    @Test
    void enterManualResult_deadHeat_sharesThePlaceAndSkipsTheNext_issue12() {
        RaceDay day = racing(6, 1, 2, 3, 4);
        var e = (ResultManuallyEntered) day.accept(new Command.EnterManualResult("kk", 1,
                Map.of(1, 1, 2, 1, 3, 3, 4, 4))).get(0);
        assertThat(e.rankings()).extracting(r -> r.place()).containsExactly(1, 1, 3, 4);

        day.accept(new Command.EnterManualResult("kk", 1, Map.of(1, 2, 2, 1, 3, 2)));
        assertThat(((ManualResult) day.section("kk").result(1).orElseThrow()).placeByLane())
                .isEqualTo(Map.of(1, 2, 2, 1, 3, 2));
    }

    /** Issue 12: a place left out (1st, 2nd, 3rd, 4th, 6th) is refused, naming the lane and its place. */
    @Test
    void enterManualResult_placeLeftOut_rejectedNamingTheLaneAndItsPlace_issue12() {
        RaceDay day = racing(6, 1, 2, 3, 4, 5, 6);
        Heat heat = day.section("kk").heatOnTrack().orElseThrow();
        String car5 = heat.carIn(5).orElseThrow();

        assertThat(day.reject(new Command.EnterManualResult("kk", 1, Map.of(1, 1, 2, 2, 3, 3, 4, 4, 5, 6))))
                .isEqualTo("Lane 5 (car " + car5 + ", Driver " + car5 + ") cannot be 6th: 4 cars are placed ahead of"
                        + " it, so it is 5th. Cars in a dead heat share a place and the next place is skipped"
                        + " (1st, 1st, 3rd).");
        assertThat(day.reject(new Command.EnterManualResult("kk", 1, Map.of(1, 1, 2, 1, 3, 2))))
                .startsWith("Lane 3 (car " + heat.carIn(3).orElseThrow()).contains("cannot be 2nd: 2 cars are placed"
                        + " ahead of it, so it is 3rd.");
        assertThat(day.reject(new Command.EnterManualResult("kk", 1, Map.of(4, 2))))
                .contains("cannot be 2nd: no car is placed ahead of it, so it is 1st.");
        assertThat(day.section("kk").result(1)).isEmpty();
    }

    @Test
    void correctLanes_swap_reattributesLanesKeepsTimes() {
        RaceDay day = racing(6, 1, 2, 3);
        day.race("kk", lane -> 2_000 + lane);
        Heat before = day.section("kk").heat(1).orElseThrow();
        String a = before.carIn(1).orElseThrow();
        String b = before.carIn(2).orElseThrow();
        var e = (ResultCorrected) day.accept(new Command.CorrectLanes("kk", 1, Map.of(1, b, 2, a), "swapped")).get(0);
        assertThat(e.correctedLanes()).hasSize(2);
        Heat after = day.section("kk").heat(1).orElseThrow();
        assertThat(after.carIn(1)).hasValue(b);
        assertThat(after.carIn(2)).hasValue(a);
    }

    @Test
    void correctLanes_carTwiceUnchangedOrFutureHeat_rejected() {
        RaceDay day = racing(6, 1, 2, 3);
        day.race("kk");
        Heat heat = day.section("kk").heat(1).orElseThrow();
        String inLane1 = heat.carIn(1).orElseThrow();
        assertThat(day.reject(new Command.CorrectLanes("kk", 1, Map.of(2, inLane1), null)))
                .isEqualTo("Car " + inLane1 + " would be in lanes 1 and 2 of heat 1; correct both lanes.");
        assertThat(day.reject(new Command.CorrectLanes("kk", 1, Map.of(1, inLane1), null)))
                .isEqualTo("Those are already the cars in heat 1: choose the car really in a lane.");
        assertThat(day.reject(new Command.CorrectLanes("kk", 3, Map.of(1, inLane1), null)))
                .isEqualTo("Heat 3 has not been staged yet; only staged or raced heats can be corrected.");
    }
}
