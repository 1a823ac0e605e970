package org.rallylab.domain.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * The first schedule when N ≥ L and every car runs k·L times: a cyclic chart.
 *
 * <p>Why it works. Number the cars 0..N−1 in natural order and pick L distinct offsets
 * o_0 < … < o_{L−1} in Z_N. Heat h (h = 0..N−1) puts car (h + o_j) mod N in lane slot j. For a
 * fixed slot j, as h runs over all N heats, h + o_j runs over every car exactly once, so:
 * <ul>
 * <li>Lane balance: every car races every lane exactly once per round, for every N ≥ L, whatever
 *     the offsets; k rounds repeat the chart, so R = k·L runs, k per lane, spread 0.</li>
 * <li>Heat count: N heats per round, every lane filled: N·R/L heats, the minimum.</li>
 * <li>Opponents: cars x and y share heat h exactly when y − x ≡ o_b − o_a for the two slots a, b
 *     they sit in, so a pair meets once per ordered offset pair with that difference. If all
 *     L(L−1) differences o_b − o_a are distinct mod N (a modular Golomb ruler, a Sidon set in
 *     Z_N) every pair meets at most once per round. That needs N − 1 ≥ L(L−1); at N = L(L−1)+1
 *     it needs a perfect difference set, which exists when L − 1 is a prime power (Singer 1938)
 *     and not, for instance, for L = 7 (Bruck–Ryser 1949: no plane of order 6).</li>
 * <li>Spacing: car c races in heats c − o_j, so the heats between its runs are the cyclic gaps
 *     between consecutive offsets; gaps ≥ 2 mean it never races back to back, which is possible
 *     only when N ≥ 2L. (A perfect difference set contains the difference 1, so at
 *     N = L(L−1)+1 distinct meetings cost one back-to-back pair of runs.)</li>
 * </ul>
 * The public RallyLab app uses o_j = j, which meets neighbours L−1 times and runs a car in L
 * consecutive heats; {@link DifferenceOffsets} searches for better offsets per (N, L).
 */
final class CyclicChart {

    private CyclicChart() {
    }

    /** {@code rounds} rounds of N heats; cars sorted naturally, lanes ascending. */
    static List<Heat> heats(List<String> cars, List<Integer> lanes, int rounds) {
        int n = cars.size();
        int l = lanes.size();
        int[] offsets = DifferenceOffsets.of(n, l);
        List<Heat> heats = new ArrayList<>(n * rounds);
        for (int round = 0; round < rounds; round++) {
            for (int h = 0; h < n; h++) {
                List<LaneAssignment> slots = new ArrayList<>(l);
                for (int j = 0; j < l; j++) {
                    slots.add(new LaneAssignment(lanes.get(j), cars.get((h + offsets[j]) % n)));
                }
                heats.add(new Heat(heats.size() + 1, slots, false));
            }
        }
        return heats;
    }

    /**
     * N < L: every heat holds all N cars and car i sits in lane slot (i + h) mod L in heat h, so
     * over L heats each car tries every lane once; {@code rounds} repeats it.
     */
    static List<Heat> rotation(List<String> cars, List<Integer> lanes, int rounds) {
        int n = cars.size();
        int l = lanes.size();
        List<Heat> heats = new ArrayList<>(l * rounds);
        for (int round = 0; round < rounds; round++) {
            for (int h = 0; h < l; h++) {
                List<LaneAssignment> slots = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    slots.add(new LaneAssignment(lanes.get((i + h) % l), cars.get(i)));
                }
                heats.add(new Heat(heats.size() + 1, slots, false));
            }
        }
        return heats;
    }
}
