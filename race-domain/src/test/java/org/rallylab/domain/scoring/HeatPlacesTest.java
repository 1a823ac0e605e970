package org.rallylab.domain.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rallylab.domain.scoring.RaceLog.DNF;

import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/race-rules.md, "Times, DNF and impossible times": the ranked finish of one heat for the results screen. */
class HeatPlacesTest {

    private static final int MINIMUM_MS = 1_000;

    private static HeatPlace finish(int place, int lane, String car, long ms) {
        return new HeatPlace(place, lane, car, RaceLog.driver(car), ms, false, false);
    }

    private static HeatPlace dnf(int place, int lane, String car) {
        return new HeatPlace(place, lane, car, RaceLog.driver(car), null, true, false);
    }

    private static HeatPlace ranked(int place, int lane, String car) {
        return new HeatPlace(place, lane, car, RaceLog.driver(car), null, false, false);
    }

    private static RaceLog fourCars() {
        return RaceLog.started(4, "1", "2", "3", "4").stage(1, "1", "2", "3", "4");
    }

    @Test
    void heatPlaces_fastestFirst_dnfLast() {
        RaceLog race = fourCars().race(1, 2500, DNF, 2300, 2400);

        assertThat(Scoring.heatPlaces(race.section(), 1, MINIMUM_MS)).containsExactly(
                finish(1, 3, "3", 2300),
                finish(2, 4, "4", 2400),
                finish(3, 1, "1", 2500),
                dnf(4, 2, "2"));
    }

    @Test
    void heatPlaces_equalTimesSharePlace() {
        RaceLog race = fourCars().race(1, 2300, 2400, 2400, 2500);

        // lanes 2 and 3 both 2400: both 2nd, no 3rd
        assertThat(Scoring.heatPlaces(race.section(), 1, MINIMUM_MS)).containsExactly(
                finish(1, 1, "1", 2300),
                finish(2, 2, "2", 2400),
                finish(2, 3, "3", 2400),
                finish(4, 4, "4", 2500));
    }

    @Test
    void heatPlaces_microsecondsBreakMillisecondTie() {
        RaceLog race = RaceLog.started(3, "1", "2", "3").stage(1, "1", "2", "3")
                .raceWithMicros(1, new long[] {2400, 2400, 2500}, new long[] {2_400_400, 2_399_900, 2_500_000});

        // 2 399 900 us < 2 400 400 us: lane 2 wins though both show 2400 ms
        assertThat(Scoring.heatPlaces(race.section(), 1, MINIMUM_MS)).containsExactly(
                finish(1, 2, "2", 2400),
                finish(2, 1, "1", 2400),
                finish(3, 3, "3", 2500));
    }

    @Test
    void heatPlaces_equalMicroseconds_sharePlace() {
        RaceLog race = RaceLog.started(3, "1", "2", "3").stage(1, "1", "2", "3")
                .raceWithMicros(1, new long[] {2400, 2400, 2300}, new long[] {2_400_123, 2_400_123, 2_300_000});

        assertThat(Scoring.heatPlaces(race.section(), 1, MINIMUM_MS)).containsExactly(
                finish(1, 3, "3", 2300),
                finish(2, 1, "1", 2400),
                finish(2, 2, "2", 2400));
    }

    @Test
    void heatPlaces_microsecondsMissingForAFinisher_placedByMilliseconds() {
        RaceLog race = RaceLog.started(3, "1", "2", "3").stage(1, "1", "2", "3")
                .raceWithMicros(1, new long[] {2400, 2400, 2300}, new long[] {2_400_400, 2_399_900, DNF});

        // lane 3 finished without microseconds: the whole heat is placed by milliseconds, lanes 1 and 2 tie
        assertThat(Scoring.heatPlaces(race.section(), 1, MINIMUM_MS)).containsExactly(
                finish(1, 3, "3", 2300),
                finish(2, 1, "1", 2400),
                finish(2, 2, "2", 2400));
    }

    @Test
    void heatPlaces_dnfsShareThePlaceAfterEveryFinisher() {
        RaceLog race = fourCars().race(1, 2300, DNF, 2400, DNF);

        // two finishers: both DNFs are 3rd
        assertThat(Scoring.heatPlaces(race.section(), 1, MINIMUM_MS)).containsExactly(
                finish(1, 1, "1", 2300),
                finish(2, 3, "3", 2400),
                dnf(3, 2, "2"),
                dnf(3, 4, "4"));
    }

    @Test
    void heatPlaces_impossibleTimeFlagged() {
        RaceLog race = fourCars().race(1, 0, 900, 2400, 10_001); // accepted anyway; timeout 10 000

        List<HeatPlace> places = Scoring.heatPlaces(race.section(), 1, MINIMUM_MS);

        // 0 ms: no time; 900 < 1000 minimum; 10 001 > 10 000 timeout; 2400 is fine
        assertThat(places).containsExactly(
                new HeatPlace(1, 1, "1", RaceLog.driver("1"), 0L, false, true),
                new HeatPlace(2, 2, "2", RaceLog.driver("2"), 900L, false, true),
                new HeatPlace(3, 3, "3", RaceLog.driver("3"), 2400L, false, false),
                new HeatPlace(4, 4, "4", RaceLog.driver("4"), 10_001L, false, true));
        // the minimum is the operator's setting: at 2 500 ms, 2400 is impossible too
        assertThat(Scoring.heatPlaces(race.section(), 1, 2_500)).extracting(HeatPlace::impossible)
                .containsExactly(true, true, true, true);
    }

    @Test
    void heatPlaces_manualResult_placesAsGiven_dnfLast() {
        RaceLog race = fourCars().manual(1, 2, 0, 1, 2);

        // lane 3 first, lanes 1 and 4 tied second; lane 2 unranked (DNF) comes after the three ranked cars: 4th
        assertThat(Scoring.heatPlaces(race.section(), 1, MINIMUM_MS)).containsExactly(
                ranked(1, 3, "3"),
                ranked(2, 1, "1"),
                ranked(2, 4, "4"),
                dnf(4, 2, "2"));
    }

    @Test
    void heatPlaces_manualResultWithGap_dnfAfterLastPlaceGiven() {
        RaceLog race = fourCars().manual(1, 1, 0, 0, 4);

        // places 1 and 4 given: the DNFs come after place 4, not at 3
        assertThat(Scoring.heatPlaces(race.section(), 1, MINIMUM_MS)).containsExactly(
                ranked(1, 1, "1"),
                ranked(4, 4, "4"),
                dnf(5, 2, "2"),
                dnf(5, 3, "3"));
    }

    @Test
    void heatPlaces_noResult_empty() {
        RaceLog race = fourCars();

        assertThat(Scoring.heatPlaces(race.section(), 1, MINIMUM_MS)).as("staged, not raced").isEmpty();
        assertThat(Scoring.heatPlaces(race.section(), 99, MINIMUM_MS)).as("no such heat").isEmpty();

        race.race(1, 2300, 2400, 2500, 2600).rerun(1);

        assertThat(Scoring.heatPlaces(race.section(), 1, MINIMUM_MS)).as("result voided by a re-run").isEmpty();
    }

    @Test
    void heatPlaces_timeForLaneWithoutCar_ignored() {
        RaceLog race = RaceLog.started(3, "1", "2").stage(1, "1", null, "2").race(1, 2500, 1200, 2400);

        assertThat(Scoring.heatPlaces(race.section(), 1, MINIMUM_MS)).containsExactly(
                finish(1, 3, "2", 2400),
                finish(2, 1, "1", 2500));
    }
}
