package org.rallylab.domain.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rallylab.domain.roster.CarNumbers;
import org.rallylab.domain.state.SectionState;

/**
 * Results, standings and statistics of a section (docs/race-rules.md), derived from its folded state and
 * never stored. Every figure is recomputed from the accepted results on each call, so it always
 * follows the log: re-runs, partial re-runs, lane corrections and removals included.
 * Nothing here throws on a state the fold can produce.
 */
public final class Scoring {

    private Scoring() {
    }

    /** The section's standings: complete cars by average time, then incomplete ones; cars that never raced are left out. */
    public static Standings standings(SectionState section) {
        Objects.requireNonNull(section, "section");
        return StandingsRanker.rank(section, AcceptedTimes.of(section, false));
    }

    /**
     * The ranked finish of {@code heat} for the results screen, DNFs last; empty when the heat
     * has no accepted result. {@code minimumTimeMs} is the operator's minimum believable time,
     * used to flag impossible times that were accepted anyway.
     */
    public static List<HeatPlace> heatPlaces(SectionState section, int heat, int minimumTimeMs) {
        Objects.requireNonNull(section, "section");
        return HeatPlacings.of(section, heat, minimumTimeMs);
    }

    /**
     * The average of every real time in the section's accepted results (timed, not DNF), the
     * baseline of heats ranked by hand; 3 000 ms when there is none.
     */
    public static double sectionAverageMs(SectionState section) {
        Objects.requireNonNull(section, "section");
        return AcceptedTimes.sectionAverageMs(section);
    }

    /** Per-lane averages over real times and a one-way ANOVA for lane bias. */
    public static LaneStatistics laneStatistics(SectionState section) {
        Objects.requireNonNull(section, "section");
        return LaneAnova.of(section);
    }

    /**
     * For every car with at least one accepted heat, in standings order: which of its figures are
     * measured times (DNFs and places given by hand are counted, never shown as times).
     */
    public static List<RealTimes> realTimes(SectionState section) {
        Objects.requireNonNull(section, "section");
        AcceptedTimes times = AcceptedTimes.of(section, false);
        java.util.Map<String, CarTally> byCar = new java.util.HashMap<>();
        times.cars.forEach(car -> byCar.put(car.carNumber, car));
        List<RealTimes> out = new ArrayList<>(times.cars.size());
        for (StandingsEntry e : StandingsRanker.rank(section, times).entries()) {
            CarTally car = byCar.get(e.carNumber());
            out.add(new RealTimes(car.carNumber, car.realCount, car.dnfCount, car.placedByHand,
                    car.realCount == 0 ? null : car.fastestRealMs));
        }
        return List.copyOf(out);
    }

    /** Figures for every car with at least one accepted heat, in natural car-number order. */
    public static List<CarStatistics> carStatistics(SectionState section) {
        Objects.requireNonNull(section, "section");
        AcceptedTimes times = AcceptedTimes.of(section, true);
        List<CarStatistics> cars = new ArrayList<>(times.cars.size());
        for (CarTally car : times.cars) {
            cars.add(new CarStatistics(car.carNumber, section.nameOf(car.carNumber), car.realTimesByLane,
                    times.averageMs(car), times.roundedBestMs(car), car.spreadMs()));
        }
        cars.sort((a, b) -> CarNumbers.NATURAL.compare(a.carNumber(), b.carNumber()));
        return List.copyOf(cars);
    }
}
