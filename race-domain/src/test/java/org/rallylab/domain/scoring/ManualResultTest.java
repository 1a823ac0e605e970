package org.rallylab.domain.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.rallylab.domain.scoring.RaceLog.DNF;

import org.junit.jupiter.api.Test;

/** docs/race-rules.md, "Manual ranking": synthetic times from the section average. */
class ManualResultTest {

    private static StandingsEntry entry(int rank, String car, long avg, long best, int heats, int dnf) {
        return new StandingsEntry(rank, car, RaceLog.driver(car), avg, best, heats, dnf, false);
    }

    @Test
    void manualResult_syntheticTimesFromSectionAverage() {
        RaceLog race = RaceLog.started(3, "1", "2", "3")
                .stage(1, "1", "2", "3").race(1, 2400, 2500, 2800)
                .stage(2, "2", "3", "1").manual(2, 3, 1, 2); // car 2 third, car 3 first, car 1 second

        // baseline B = (2400 + 2500 + 2800) / 3 = 7700 / 3 = 2566.667
        // car 1: 2400 and B + 50  -> (2400 + 2616.667) / 2 = 2508.333 -> 2508; best 2400
        // car 2: 2500 and B + 100 -> (2500 + 2666.667) / 2 = 2583.333 -> 2583; best 2500
        // car 3: 2800 and B       -> (2800 + 2566.667) / 2 = 2683.333 -> 2683; best B = 2566.667 -> 2567
        assertThat(Scoring.sectionAverageMs(race.section())).isCloseTo(7700.0 / 3, within(1e-9));
        assertThat(Scoring.standings(race.section()).entries()).containsExactly(
                entry(1, "1", 2508, 2400, 2, 0),
                entry(2, "2", 2583, 2500, 2, 0),
                entry(3, "3", 2683, 2567, 2, 0));
    }

    @Test
    void manualResult_noTimedResults_baseline3000() {
        RaceLog race = RaceLog.started(2, "1", "2")
                .stage(1, "1", "2").manual(1, 2, 1);

        // no timed result in the section: baseline 3000; car 2 first = 3000, car 1 second = 3000 + 50
        assertThat(Scoring.sectionAverageMs(race.section())).isEqualTo(3000.0);
        assertThat(Scoring.standings(race.section()).entries()).containsExactly(
                entry(1, "2", 3000, 3000, 1, 0),
                entry(2, "1", 3050, 3050, 1, 0));
    }

    @Test
    void manualResult_dnfCountsAsTimeout() {
        RaceLog race = RaceLog.started(3, "1", "2", "3")
                .stage(1, "1", "2", "3").raceWithTimeout(1, 9_000, 2400, 2500, 2600)
                .stage(2, "2", "3", "1").manual(2, 1, 0, 2); // car 3 (lane 2) did not finish

        // B = (2400 + 2500 + 2600) / 3 = 2500; the track's last timeout is 9000
        // car 1: 2400 and B + 50 = 2550 -> 4950 / 2 = 2475
        // car 2: 2500 and B = 2500      -> 2500
        // car 3: 2600 and DNF = 9000    -> 11600 / 2 = 5800, one DNF
        assertThat(Scoring.standings(race.section()).entries()).containsExactly(
                entry(1, "1", 2475, 2400, 2, 0),
                entry(2, "2", 2500, 2500, 2, 0),
                entry(3, "3", 5800, 2600, 2, 1));
    }

    @Test
    void manualResult_tiedPlaces_sameSyntheticTime() {
        RaceLog race = RaceLog.started(3, "1", "2", "3")
                .stage(1, "1", "2", "3").manual(1, 1, 1, 3);

        // cars 1 and 2 both placed 1st: both 3000, same best: T1; car 3 placed 3rd: 3000 + 2 * 50 = 3100
        assertThat(Scoring.standings(race.section()).entries()).containsExactly(
                entry(1, "1", 3000, 3000, 1, 0),
                entry(1, "2", 3000, 3000, 1, 0),
                entry(3, "3", 3100, 3100, 1, 0));
    }

    @Test
    void manualResult_baselineRecomputedFromWholeLog() {
        RaceLog race = RaceLog.started(2, "1", "2")
                .stage(1, "1", "2").manual(1, 1, 2);

        // before any timed race: car 1 = 3000, car 2 = 3050
        assertThat(Scoring.standings(race.section()).entries()).extracting(StandingsEntry::carNumber)
                .containsExactly("1", "2");

        race.stage(2, "2", "1").race(2, 2200, 2400);

        // now B = (2200 + 2400) / 2 = 2300, and heat 1's synthetic times follow it:
        // car 1: B + 2400 = 4700 / 2 = 2350;  car 2: (B + 50) + 2200 = 4550 / 2 = 2275
        assertThat(Scoring.standings(race.section()).entries()).containsExactly(
                entry(1, "2", 2275, 2200, 2, 0),
                entry(2, "1", 2350, 2300, 2, 0));
    }

    @Test
    void sectionAverage_onlyRealTimesOfCarsInAcceptedHeats() {
        RaceLog race = RaceLog.started(3, "1", "2")
                .stage(1, "1", "2").race(1, 2000, DNF, 1500)  // lane 3 has no car: its time is ignored
                .stage(2, "2", "1").manual(2, 1, 2)           // synthetic times are not real times
                .stage(3, "1", "2").race(3, 2200, 2300)
                .rerun(3).stage(3, "1", "2").race(3, 2100, 2400); // the voided 2200 and 2300 are gone

        // real times: 2000 (heat 1), 2100 and 2400 (heat 3 re-run) -> 6500 / 3 = 2166.667
        assertThat(Scoring.sectionAverageMs(race.section())).isCloseTo(6500.0 / 3, within(1e-9));
    }
}
