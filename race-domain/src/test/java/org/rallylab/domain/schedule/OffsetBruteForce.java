package org.rallylab.domain.schedule;

/**
 * Plain exhaustive search over cyclic-chart offsets, independent of {@link DifferenceOffsets}: is
 * there a set of L offsets mod N, every cyclic gap ≥ minGap, whose ordered differences repeat at
 * most m times? Used to prove that what the scheduler could not do cannot be done.
 */
final class OffsetBruteForce {

    private final int n;
    private final int l;
    private final int m;
    private final int minGap;
    private final int[] marks;
    private final int[] count;

    private OffsetBruteForce(int n, int l, int m, int minGap) {
        this.n = n;
        this.l = l;
        this.m = m;
        this.minGap = minGap;
        this.marks = new int[l];
        this.count = new int[n];
    }

    static boolean exists(int n, int l, int m, int minGap) {
        if (l * (l - 1) > m * (n - 1)) {
            return false; // L(L−1) ordered differences cannot fit N−1 residues m times each
        }
        return new OffsetBruteForce(n, l, m, minGap).extend(1);
    }

    /** Marks 0..i−1 placed (mark 0 at 0: a chart and its shift are the same chart). */
    private boolean extend(int i) {
        if (i == l) {
            return n - marks[l - 1] >= minGap;
        }
        for (int x = marks[i - 1] + minGap; x < n; x++) {
            marks[i] = x;
            boolean ok = true;
            int j = 0;
            for (; j < i && ok; j++) {
                count[x - marks[j]]++;
                count[n - x + marks[j]]++;
                ok = count[x - marks[j]] <= m && count[n - x + marks[j]] <= m;
            }
            if (ok && extend(i + 1)) {
                return true;
            }
            for (int k = 0; k < j; k++) {
                count[x - marks[k]]--;
                count[n - x + marks[k]]--;
            }
        }
        return false;
    }
}
