package org.rallylab.domain.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.rallylab.domain.roster.CarNumbers;
import org.rallylab.domain.state.Removal;
import org.rallylab.domain.state.SectionState;

/**
 * Ranks the cars of a section (docs/race-rules.md, Scoring and standings): complete cars first, by exact average, then
 * best single time; equal on both share a rank and the next rank is skipped (1, 2, 2, 4).
 * Incomplete cars follow, ranked the same way, their ranks continuing after the complete ones.
 * Cars tied on both figures are listed in natural car-number order.
 */
final class StandingsRanker {

    private StandingsRanker() {
    }

    static Standings rank(SectionState section, AcceptedTimes times) {
        Map<String, Removal> removals = section.removals();
        boolean running = !section.completed();
        int mostHeats = 0;
        for (CarTally car : times.cars) {
            if (!removals.containsKey(car.carNumber)) {
                mostHeats = Math.max(mostHeats, car.heatsRun);
            }
        }
        int n = times.cars.size();
        Ranked[] ranked = new Ranked[n];
        for (int i = 0; i < n; i++) {
            CarTally car = times.cars.get(i);
            boolean incomplete = removals.containsKey(car.carNumber) || running && car.heatsRun < mostHeats;
            ranked[i] = new Ranked(car, incomplete);
        }
        Arrays.sort(ranked, ORDER);
        List<StandingsEntry> entries = new ArrayList<>(n);
        int rank = 0;
        for (int i = 0; i < n; i++) {
            Ranked r = ranked[i];
            if (i == 0 || !tied(ranked[i - 1], r)) {
                rank = i + 1;
            }
            CarTally car = r.car;
            entries.add(new StandingsEntry(rank, car.carNumber, section.nameOf(car.carNumber),
                    times.roundedAverageMs(car), times.roundedBestMs(car), car.heatsRun, car.dnfCount, r.incomplete));
        }
        return new Standings(section.sectionId(), section.sectionName(), section.completed() && section.endedEarly(),
                entries);
    }

    private static boolean tied(Ranked a, Ranked b) {
        return a.incomplete == b.incomplete && AcceptedTimes.compareAverages(a.car, b.car) == 0
                && a.car.bestScaled == b.car.bestScaled;
    }

    private static final Comparator<Ranked> ORDER = (a, b) -> {
        if (a.incomplete != b.incomplete) {
            return a.incomplete ? 1 : -1;
        }
        int cmp = AcceptedTimes.compareAverages(a.car, b.car);
        if (cmp != 0) {
            return cmp;
        }
        cmp = Long.compare(a.car.bestScaled, b.car.bestScaled);
        return cmp != 0 ? cmp : CarNumbers.NATURAL.compare(a.car.carNumber, b.car.carNumber);
    };

    private record Ranked(CarTally car, boolean incomplete) {
    }
}
