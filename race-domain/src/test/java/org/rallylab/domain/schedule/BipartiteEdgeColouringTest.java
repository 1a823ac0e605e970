package org.rallylab.domain.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** König's bound, matchings, equitable sizes and the meeting bookkeeping, on any owed runs. */
class BipartiteEdgeColouringTest {

    @Property(tries = 300)
    void heats_anyOwedRuns_exactlyDMatchingsWithinOneCarOfEachOther(@ForAll("owed") int[][] owed) {
        int[][] met = new int[owed.length][owed.length];
        List<int[][]> heats = BipartiteEdgeColouring.heats(owed, met);

        assertThat(heats).hasSize(maxDegree(owed));
        assertThat(met).isDeepEqualTo(meetings(heats, owed.length));
        assertCoversExactly(heats, owed);
        assertThat(heats.stream().mapToInt(h -> h.length).max().orElse(0)
                - heats.stream().mapToInt(h -> h.length).min().orElse(0)).isLessThanOrEqualTo(1);

        List<int[][]> spread = MeetingSpreader.spread(heats, owed[0].length, met);
        assertThat(spread).hasSameSizeAs(heats);
        for (int k = 0; k < heats.size(); k++) {
            assertThat(spread.get(k).length).isEqualTo(heats.get(k).length);
        }
        assertCoversExactly(spread, owed);
        assertThat(met).isDeepEqualTo(meetings(spread, owed.length));
    }

    @Provide
    Arbitrary<int[][]> owed() {
        return Arbitraries.integers().between(1, 8).flatMap(lanes -> Arbitraries.integers().between(0, 3)
                .array(int[].class).ofSize(lanes).array(int[][].class).ofMinSize(1).ofMaxSize(15));
    }

    private static void assertCoversExactly(List<int[][]> heats, int[][] owed) {
        int[][] covered = new int[owed.length][owed[0].length];
        for (int[][] heat : heats) {
            Set<Integer> cars = new HashSet<>();
            Set<Integer> slots = new HashSet<>();
            for (int[] run : heat) {
                assertThat(cars.add(run[0])).as("car %d twice in a heat", run[0]).isTrue();
                assertThat(slots.add(run[1])).as("slot %d twice in a heat", run[1]).isTrue();
                covered[run[0]][run[1]]++;
            }
        }
        assertThat(covered).isDeepEqualTo(owed);
    }

    private static int maxDegree(int[][] owed) {
        int max = 0;
        for (int[] row : owed) {
            max = Math.max(max, Arrays.stream(row).sum());
        }
        for (int s = 0; s < owed[0].length; s++) {
            int load = 0;
            for (int[] row : owed) {
                load += row[s];
            }
            max = Math.max(max, load);
        }
        return max;
    }

    private static int[][] meetings(List<int[][]> heats, int cars) {
        int[][] met = new int[cars][cars];
        for (int[][] heat : heats) {
            for (int[] a : heat) {
                for (int[] b : heat) {
                    if (a[0] != b[0]) {
                        met[a[0]][b[0]]++;
                    }
                }
            }
        }
        return met;
    }
}
