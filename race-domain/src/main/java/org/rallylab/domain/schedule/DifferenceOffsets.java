package org.rallylab.domain.schedule;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the L lane offsets of a cyclic chart on N cars (see {@link CyclicChart} for why offsets
 * are all that matters). Two offsets a, b make the cars at distance b − a (mod N) meet once per
 * round, so the number of times a pair of cars meets is the number of ordered offset pairs with
 * that difference; the cyclic gaps between sorted offsets are the heats between a car's runs.
 *
 * <p>Goals, in order: (0) when N ≥ 2L, every gap ≥ 2, so no car races back to back (the track
 * crew needs a heat to carry a car back to the gate; scoring is by time, so whom a car meets is
 * only a nicety); (1) the smallest multiplicity m of any difference (m = 1 is a modular Golomb
 * ruler: every pair of cars meets at most once), (2) the largest smallest gap g. The search is a depth-first search over gap sequences with the first mark
 * at 0 and the first gap a smallest one (every offset set has such a rotation, and shifting a chart
 * changes nothing), pruned by the difference counts and by a lower bound on the room the remaining
 * gaps need (each gap is itself a difference, so with m = 1 the gaps are distinct). For each m from
 * the counting bound ⌈L(L−1)/(N−1)⌉ upward it finds any chart, then raises g until a search fails.
 * Every attempt stops after a fixed number of nodes, so the result is deterministic (nodes, not
 * time) and the worst case stays fast; a cut-off attempt counts as a failure and the best chart
 * found so far stands. For every L ≤ 8 and N ≤ 70 the budget never binds: the result equals an
 * exhaustive search (CyclicChartOptimalityTest). Results are cached per (N, L).
 */
final class DifferenceOffsets {

    /** Search nodes one attempt (one m, one least gap) may visit. */
    static final int NODES_PER_ATTEMPT = 200_000;

    private static final Map<Long, int[]> CACHE = new ConcurrentHashMap<>();

    private final int n;
    private final int l;
    private final int budget;
    private final int[] marks;
    private final int[] count;
    private int m;
    private int nodesLeft;

    private DifferenceOffsets(int n, int l, int budget) {
        this.n = n;
        this.l = l;
        this.budget = budget;
        this.marks = new int[l];
        this.count = new int[n];
    }

    /** Sorted offsets, the first 0, for a cyclic chart of {@code n} cars on {@code l} lanes (1 ≤ l ≤ n). */
    static int[] of(int n, int l) {
        if (l < 1 || l > n) {
            throw new IllegalArgumentException("a cyclic chart needs 1 to " + n + " lanes, not " + l);
        }
        return CACHE.computeIfAbsent(((long) n << 32) | l, key -> search(n, l, NODES_PER_ATTEMPT)).clone();
    }

    /** The uncached search with {@code budget} nodes per attempt (tests compare budgets). */
    static int[] search(int n, int l, int budget) {
        return new DifferenceOffsets(n, l, budget).search();
    }

    /** Times the most frequent difference occurs among ordered pairs of {@code offsets} mod {@code n}. */
    static int maxMultiplicity(int[] offsets, int n) {
        int[] seen = new int[n];
        int max = 0;
        for (int a : offsets) {
            for (int b : offsets) {
                if (a != b) {
                    max = Math.max(max, ++seen[Math.floorMod(b - a, n)]);
                }
            }
        }
        return max;
    }

    /** Smallest cyclic gap between sorted {@code offsets} mod {@code n}. */
    static int minGap(int[] offsets, int n) {
        int min = n - offsets[offsets.length - 1] + offsets[0];
        for (int i = 1; i < offsets.length; i++) {
            min = Math.min(min, offsets[i] - offsets[i - 1]);
        }
        return min;
    }

    private int[] search() {
        if (l == 1) {
            return new int[] {0};
        }
        int lowest = Math.max(1, (l * (l - 1) + n - 2) / (n - 1));
        int requiredGap = n >= 2 * l ? 2 : 1;
        for (m = lowest; m <= l; m++) {
            int[] best = null;
            int gap = requiredGap;
            while (gap * l <= n) {
                int[] found = attempt(gap);
                if (found == null) {
                    break;
                }
                best = found;
                gap = minGap(found, n) + 1;
            }
            if (best != null) {
                return best;
            }
        }
        // Unreachable in practice: offsets 0, g, 2g, ... (g = requiredGap) have multiplicity at most L.
        int[] consecutive = new int[l];
        for (int i = 0; i < l; i++) {
            consecutive[i] = i;
        }
        return consecutive;
    }

    /** An offset set of multiplicity ≤ m whose gaps are all ≥ {@code leastGap}, or null. */
    private int[] attempt(int leastGap) {
        Arrays.fill(count, 0);
        nodesLeft = budget;
        marks[0] = 0;
        for (int first = leastGap; first * l <= n; first++) {
            if (--nodesLeft < 0) {
                return null;
            }
            if (add(1, first)) {
                if (l == 2 || (roomFor(first, l - 1, first) && place(2, first))) {
                    return marks.clone();
                }
                remove(1, first);
            }
        }
        return null;
    }

    /** Places marks i..l−1 after marks[i−1], every gap ≥ gap (the first, smallest gap). */
    private boolean place(int i, int gap) {
        int gapsAfter = l - i;
        int highest = n - gapsAfter * gap;
        for (int x = marks[i - 1] + gap; x <= highest; x++) {
            if (--nodesLeft < 0) {
                return false;
            }
            if (!add(i, x)) {
                continue;
            }
            if (i == l - 1 || (roomFor(x, gapsAfter, gap) && place(i + 1, gap))) {
                return true;
            }
            remove(i, x);
            if (nodesLeft < 0) {
                return false;
            }
        }
        return false;
    }

    /**
     * Whether the {@code gaps} gaps still to come (the last wraps round to N) fit after x: each
     * is ≥ gap and is itself a difference, so it can only take a value still below multiplicity m.
     */
    private boolean roomFor(int x, int gaps, int gap) {
        int room = n - x;
        int need = gaps;
        int sum = 0;
        for (int v = gap; need > 0; v++) {
            if (v >= n) {
                return false;
            }
            int free = 2 * v == n ? (m - count[v]) / 2 : m - count[v];
            int take = Math.min(Math.max(free, 0), need);
            sum += take * v;
            need -= take;
            if (sum > room) {
                return false;
            }
        }
        return true;
    }

    /** Marks x as mark i, counting its differences with marks 0..i−1; false (undone) if one exceeds m. */
    private boolean add(int i, int x) {
        marks[i] = x;
        for (int j = 0; j < i; j++) {
            int d = x - marks[j];
            if (++count[d] > m | ++count[n - d] > m) {
                undo(j, x);
                return false;
            }
        }
        return true;
    }

    /** Takes back the differences of x with marks 0..upTo. */
    private void undo(int upTo, int x) {
        for (int j = 0; j <= upTo; j++) {
            int d = x - marks[j];
            count[d]--;
            count[n - d]--;
        }
    }

    private void remove(int i, int x) {
        undo(i - 1, x);
    }
}
