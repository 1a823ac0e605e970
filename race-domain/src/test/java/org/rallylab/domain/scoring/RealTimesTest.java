package org.rallylab.domain.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rallylab.domain.scoring.RaceLog.DNF;

import org.junit.jupiter.api.Test;

/** The audience never sees a made-up time: which standings figures are measured. */
class RealTimesTest {

    @Test
    void realTimes_dnfAndPlaceByHand_countedNotTimed() {
        RaceLog race = RaceLog.started(3, "1", "2", "3")
                .stage(1, "1", "2", "3").raceWithTimeout(1, 9_000, 2400, DNF, 2600)
                .stage(2, "2", "3", "1").manual(2, 1, 0, 2); // car 3 (lane 2) did not finish

        assertThat(Scoring.realTimes(race.section())).containsExactly(
                new RealTimes("1", 1, 0, 1, 2400L),  // 2475 average
                new RealTimes("2", 0, 1, 1, null),   // 5750: no measured time at all
                new RealTimes("3", 1, 1, 0, 2600L)); // 5800
    }

    @Test
    void realTimes_onlyTimedHeats_averageIsReal() {
        RaceLog race = RaceLog.started(2, "1", "2")
                .stage(1, "1", "2").race(1, 2400, 2500)
                .stage(2, "2", "1").race(2, 2450, 2380);

        assertThat(Scoring.realTimes(race.section())).allMatch(RealTimes::averageIsReal);
        assertThat(Scoring.realTimes(race.section())).extracting(RealTimes::bestRealMs).containsExactly(2380L, 2450L);
    }

    @Test
    void realTimes_placedByHandOnly_averageIsNotReal() {
        RaceLog race = RaceLog.started(2, "1", "2").stage(1, "1", "2").manual(1, 2, 1);

        assertThat(Scoring.realTimes(race.section())).noneMatch(RealTimes::averageIsReal);
        assertThat(Scoring.realTimes(race.section())).extracting(RealTimes::placedByHand).containsExactly(1, 1);
    }
}
