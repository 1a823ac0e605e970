package org.rallylab.domain.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * What one car scored in the accepted heats, in the exact units of {@link AcceptedTimes}
 * (milliseconds times the section's scale). Mutable while {@link AcceptedTimes} folds; read only after.
 */
final class CarTally {

    final String carNumber;
    int heatsRun;
    int dnfCount;
    int placedByHand;
    long sumScaled;
    long bestScaled = Long.MAX_VALUE;

    /** Real times per lane; null unless the fold was asked to keep them. */
    final TreeMap<Integer, List<Long>> realTimesByLane;
    long fastestRealMs = Long.MAX_VALUE;
    long slowestRealMs = Long.MIN_VALUE;
    int realCount;

    CarTally(String carNumber, boolean keepLaneTimes) {
        this.carNumber = carNumber;
        this.realTimesByLane = keepLaneTimes ? new TreeMap<>() : null;
    }

    void score(long scaled) {
        heatsRun++;
        sumScaled += scaled;
        if (scaled < bestScaled) {
            bestScaled = scaled;
        }
    }

    void real(int lane, long ms) {
        realCount++;
        fastestRealMs = Math.min(fastestRealMs, ms);
        slowestRealMs = Math.max(slowestRealMs, ms);
        if (realTimesByLane != null) {
            realTimesByLane.computeIfAbsent(lane, l -> new ArrayList<>()).add(ms);
        }
    }

    long spreadMs() {
        return realCount < 2 ? 0 : slowestRealMs - fastestRealMs;
    }
}
