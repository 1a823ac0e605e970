package org.rallylab.domain.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.rallylab.domain.scoring.RaceLog.DNF;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** docs/race-rules.md, "Statistics": per car, time in each lane, average, best, spread. */
class CarStatisticsTest {

    @Test
    void carStatistics_spreadAndLaneTimes() {
        RaceLog race = RaceLog.started(2, "1", "2")
                .stage(1, "1", "2").race(1, 2400, 2600)
                .stage(2, "2", "1").race(2, 2550, 2300)
                .stage(3, "1", "2").race(3, 2450, DNF)
                .stage(4, "2", "1").manual(4, 1, 2);

        List<CarStatistics> cars = Scoring.carStatistics(race.section());

        // real times 2400, 2600, 2550, 2300, 2450 -> baseline 12300 / 5 = 2460
        // car 1: lane 1 [2400, 2450], lane 2 [2300]; heat 4 second = 2460 + 50 = 2510
        //        average (2400 + 2300 + 2450 + 2510) / 4 = 9660 / 4 = 2415; best 2300; spread 2450 - 2300 = 150
        // car 2: lane 1 [2550], lane 2 [2600]; heat 3 DNF = 10000; heat 4 first = 2460
        //        average (2600 + 2550 + 10000 + 2460) / 4 = 17610 / 4 = 4402.5; best 2460; spread 2600 - 2550 = 50
        assertThat(cars).hasSize(2);
        CarStatistics one = cars.get(0);
        assertThat(one.carNumber()).isEqualTo("1");
        assertThat(one.name()).isEqualTo(RaceLog.driver("1"));
        assertThat(one.timesByLane()).isEqualTo(new TreeMap<>(Map.of(1, List.of(2400L, 2450L), 2, List.of(2300L))));
        assertThat(one.averageMs()).isCloseTo(2415.0, within(1e-9));
        assertThat(one.bestMs()).isEqualTo(2300);
        assertThat(one.spreadMs()).isEqualTo(150);
        CarStatistics two = cars.get(1);
        assertThat(two.carNumber()).isEqualTo("2");
        assertThat(two.timesByLane()).isEqualTo(new TreeMap<>(Map.of(1, List.of(2550L), 2, List.of(2600L))));
        assertThat(two.averageMs()).isCloseTo(4402.5, within(1e-9));
        assertThat(two.bestMs()).isEqualTo(2460);
        assertThat(two.spreadMs()).isEqualTo(50);
    }

    @Test
    void carStatistics_averageAndBestAsStandingsUseThem() {
        RaceLog race = RaceLog.started(2, "1", "2")
                .stage(1, "1", "2").race(1, 2400, 2600)
                .stage(2, "2", "1").race(2, 2550, 2300)
                .stage(3, "1", "2").race(3, 2450, DNF)
                .stage(4, "2", "1").manual(4, 1, 2);

        // the standings show the same figures rounded half-up: 2415 and 4402.5 -> 4403
        assertThat(Scoring.standings(race.section()).entries())
                .extracting(StandingsEntry::carNumber, StandingsEntry::avgTimeMs, StandingsEntry::bestTimeMs)
                .containsExactly(
                        tuple("1", 2415L, 2300L),
                        tuple("2", 4403L, 2460L));
    }

    @Test
    void carStatistics_fewerThanTwoRealTimes_spreadZero() {
        RaceLog race = RaceLog.started(2, "1", "2")
                .stage(1, "1", "2").race(1, 2400, DNF)
                .stage(2, "2", "1").manual(2, 1, 2);

        List<CarStatistics> cars = Scoring.carStatistics(race.section());

        // car 1: one real time (2400); car 2: none (a DNF and a manual place): no lane list, spread 0
        assertThat(cars).extracting(CarStatistics::carNumber, CarStatistics::spreadMs)
                .containsExactly(tuple("1", 0L), tuple("2", 0L));
        assertThat(cars.get(1).timesByLane()).isEmpty();
    }

    @Test
    void carStatistics_onlyCarsThatRaced_inNaturalOrder() {
        RaceLog race = RaceLog.started(2, "10", "9", "2", "7")
                .stage(1, "10", "9").race(1, 2400, 2500)
                .stage(2, "2", "10").race(2, 2450, 2350);

        // car 7 has not raced; "2" < "9" < "10" in natural order
        assertThat(Scoring.carStatistics(race.section())).extracting(CarStatistics::carNumber)
                .containsExactly("2", "9", "10");
    }
}
