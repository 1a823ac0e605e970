package org.rallylab.domain.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.rallylab.domain.scoring.RaceLog.DNF;

import org.junit.jupiter.api.Test;

/** docs/race-rules.md, "Results": which result of a heat counts, as the log changes it. */
class ResultLogTest {

    private static StandingsEntry entry(int rank, String car, long avg, long best, int heats, int dnf) {
        return new StandingsEntry(rank, car, RaceLog.driver(car), avg, best, heats, dnf, false);
    }

    @Test
    void partialRerun_mergedTimesCount() {
        RaceLog race = RaceLog.started(3, "1", "2", "3")
                .stage(1, "1", "2", "3").race(1, 2400, DNF, DNF)
                .stageDnfRerun(1, null, "2", "3").partialRace(1, DNF, 2500, DNF);

        // merged heat 1: lane 1 2400 (first race), lane 2 2500 (re-run), lane 3 still DNF = 10000
        assertThat(Scoring.standings(race.section()).entries()).containsExactly(
                entry(1, "1", 2400, 2400, 1, 0),
                entry(2, "2", 2500, 2500, 1, 0),
                entry(3, "3", 10_000, 10_000, 1, 1));
        assertThat(Scoring.heatPlaces(race.section(), 1, 1_000)).extracting(HeatPlace::lane, HeatPlace::place)
                .containsExactly(
                        tuple(1, 1),
                        tuple(2, 2),
                        tuple(3, 3));
    }

    @Test
    void rerun_supersededResultIgnored() {
        RaceLog race = RaceLog.started(2, "1", "2")
                .stage(1, "1", "2").race(1, 2400, 2600)
                .rerun(1)
                .stage(1, "1", "2").race(1, 2700, 2500);

        // only the re-run counts: car 2 2500, car 1 2700, one heat each
        assertThat(Scoring.standings(race.section()).entries()).containsExactly(
                entry(1, "2", 2500, 2500, 1, 0),
                entry(2, "1", 2700, 2700, 1, 0));
    }

    @Test
    void rerun_heatWithoutNewResult_notCounted() {
        RaceLog race = RaceLog.started(2, "1", "2")
                .stage(1, "1", "2").race(1, 2400, 2600)
                .rerun(1);

        assertThat(Scoring.standings(race.section()).entries()).isEmpty();
        assertThat(Scoring.sectionAverageMs(race.section())).isEqualTo(3000.0);
    }

    @Test
    void laterResult_supersedesEarlier() {
        RaceLog race = RaceLog.started(2, "1", "2")
                .stage(1, "1", "2").race(1, 2400, 2600)
                .manual(1, 2, 1);

        // the ranking by hand replaced the race: no timed result remains, baseline 3000;
        // car 2 first = 3000, car 1 second = 3050
        assertThat(Scoring.standings(race.section()).entries()).containsExactly(
                entry(1, "2", 3000, 3000, 1, 0),
                entry(2, "1", 3050, 3050, 1, 0));
    }

    @Test
    void duplicateRace_countedOnce() {
        RaceLog race = RaceLog.started(2, "1", "2")
                .stage(1, "1", "2").race(1, 2400, 2600)
                .stage(2, "2", "1").race(2, 2500, 2300)
                .redeliverLastRace();

        // car 1: (2400 + 2300) / 2 = 2350; car 2: (2600 + 2500) / 2 = 2550; two heats each, not three
        assertThat(Scoring.standings(race.section()).entries()).containsExactly(
                entry(1, "1", 2350, 2300, 2, 0),
                entry(2, "2", 2550, 2500, 2, 0));
    }

    @Test
    void correction_timesFollowLanes() {
        RaceLog race = RaceLog.started(2, "1", "2")
                .stage(1, "1", "2").race(1, 2400, 2600)
                .correct(1, "2", "1");

        // lane 1 (2400) really held car 2, lane 2 (2600) car 1
        assertThat(Scoring.standings(race.section()).entries()).containsExactly(
                entry(1, "2", 2400, 2400, 1, 0),
                entry(2, "1", 2600, 2600, 1, 0));
        assertThat(Scoring.heatPlaces(race.section(), 1, 1_000)).extracting(HeatPlace::lane, HeatPlace::carNumber)
                .containsExactly(
                        tuple(1, "2"),
                        tuple(2, "1"));
    }

    @Test
    void correction_carMovedOutOfHeat_losesTheTime() {
        RaceLog race = RaceLog.started(2, "1", "2", "3")
                .stage(1, "1", "2").race(1, 2400, 2600)
                .correct(1, null, "3");

        // lane 2 held car 3, not car 2: car 3 gets 2600, car 2 has no result and is not listed
        assertThat(Scoring.standings(race.section()).entries()).containsExactly(
                entry(1, "1", 2400, 2400, 1, 0),
                entry(2, "3", 2600, 2600, 1, 0));
    }
}
