package org.rallylab.domain.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.schedule.LaneAssignment;
import org.rallylab.domain.state.HeatResult;
import org.rallylab.domain.state.SectionState;
import org.rallylab.domain.state.TimedResult;

/** Invariants every figure of a section must keep, whatever the log; counted independently of the code under test. */
final class ScoringChecks {

    private ScoringChecks() {
    }

    static void check(SectionState s) {
        int laneRuns = 0;
        int dnfs = 0;
        int realTimes = 0;
        double realSum = 0;
        Set<String> raced = new HashSet<>();
        for (Map.Entry<Integer, HeatResult> r : s.results().entrySet()) {
            Heat heat = s.heat(r.getKey()).orElseThrow();
            for (LaneAssignment seat : heat.lanes()) {
                laneRuns++;
                raced.add(seat.carNumber());
                if (r.getValue().isDnf(seat.lane())) {
                    dnfs++;
                } else if (r.getValue() instanceof TimedResult t) {
                    realTimes++;
                    realSum += t.timesMs().get(seat.lane());
                }
            }
            checkHeatPlaces(s, heat, r.getValue());
        }
        List<StandingsEntry> entries = Scoring.standings(s).entries();
        checkRanks(entries);
        assertThat(entries).extracting(StandingsEntry::carNumber).containsExactlyInAnyOrderElementsOf(raced);
        assertThat(entries.stream().mapToInt(StandingsEntry::heatsRun).sum()).isEqualTo(laneRuns);
        assertThat(entries.stream().mapToInt(StandingsEntry::dnfCount).sum()).isEqualTo(dnfs);
        for (StandingsEntry e : entries) {
            if (s.isRemoved(e.carNumber())) {
                assertThat(e.incomplete()).as("removed car %s", e.carNumber()).isTrue();
            }
        }

        List<CarStatistics> cars = Scoring.carStatistics(s);
        assertThat(cars).hasSameSizeAs(entries);
        for (CarStatistics car : cars) {
            StandingsEntry e = entries.stream().filter(x -> x.carNumber().equals(car.carNumber())).findFirst()
                    .orElseThrow();
            assertThat(Math.round(car.averageMs())).isEqualTo(e.avgTimeMs());
            assertThat(car.bestMs()).isEqualTo(e.bestTimeMs());
            assertThat(car.spreadMs()).isNotNegative();
        }

        LaneStatistics lanes = Scoring.laneStatistics(s);
        assertThat(lanes.lanes().stream().mapToInt(LaneStatistics.LaneFigures::races).sum()).isEqualTo(realTimes);
        assertThat(cars.stream().flatMap(c -> c.timesByLane().values().stream()).mapToInt(List::size).sum())
                .isEqualTo(realTimes);
        if (!Double.isNaN(lanes.pValue())) {
            assertThat(lanes.pValue()).isBetween(0.0, 1.0);
        }
        assertThat(lanes.significant()).isEqualTo(lanes.pValue() < 0.05);
        double average = Scoring.sectionAverageMs(s);
        if (realTimes == 0) {
            assertThat(average).isEqualTo(3000.0);
        } else {
            assertThat(average).isCloseTo(realSum / realTimes, within(1e-6));
            assertThat(lanes.overallAverageMs()).isCloseTo(realSum / realTimes, within(1e-6));
        }
    }

    /** Standard competition ranking, complete cars first, each group sorted by average. */
    static void checkRanks(List<StandingsEntry> entries) {
        for (int i = 0; i < entries.size(); i++) {
            StandingsEntry e = entries.get(i);
            if (i == 0) {
                assertThat(e.rank()).isEqualTo(1);
                continue;
            }
            StandingsEntry prev = entries.get(i - 1);
            assertThat(!prev.incomplete() || e.incomplete()).as("complete cars before incomplete ones").isTrue();
            if (prev.incomplete() == e.incomplete()) {
                assertThat(e.avgTimeMs()).isGreaterThanOrEqualTo(prev.avgTimeMs());
            }
            if (e.rank() != i + 1) {
                assertThat(e.rank()).as("a shared rank").isEqualTo(prev.rank());
                assertThat(e.incomplete()).isEqualTo(prev.incomplete());
                assertThat(e.avgTimeMs()).isEqualTo(prev.avgTimeMs());
                assertThat(e.bestTimeMs()).isEqualTo(prev.bestTimeMs());
            }
        }
    }

    private static void checkHeatPlaces(SectionState s, Heat heat, HeatResult result) {
        List<HeatPlace> places = Scoring.heatPlaces(s, heat.number(), 1_000);
        assertThat(places).hasSize(heat.lanes().size());
        boolean seenDnf = false;
        for (int i = 0; i < places.size(); i++) {
            HeatPlace p = places.get(i);
            assertThat(p.carNumber()).isEqualTo(heat.carIn(p.lane()).orElseThrow());
            assertThat(p.dnf()).isEqualTo(result.isDnf(p.lane()));
            assertThat(p.dnf() || !seenDnf).as("DNFs last").isTrue();
            seenDnf |= p.dnf();
            if (i > 0) {
                assertThat(p.place()).isGreaterThanOrEqualTo(places.get(i - 1).place());
            }
            if (result instanceof TimedResult && !p.dnf()) {
                assertThat(p.place() == i + 1 || p.place() == places.get(i - 1).place()).isTrue();
                assertThat(p.timeMs()).isNotNull();
            }
        }
    }
}
