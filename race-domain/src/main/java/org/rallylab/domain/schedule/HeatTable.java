package org.rallylab.domain.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * New heats as a table, heat × lane slot → car (−1 when empty), with the meetings of every pair
 * of cars kept up to date. The one move {@link TradeSearch} makes is
 * a trade: two cars in the same slot of two different heats change places. Every car keeps its
 * runs per lane and every heat its size, so lane balance, the heat count and the fill survive any
 * number of trades.
 */
final class HeatTable {

    final int[][] carAt;
    private final int[][] met;

    /**
     * @param heats heats as {car, slot} pairs
     * @param lanes number of lane slots
     * @param met   meetings so far, [car][car], including these heats; updated by trades
     */
    HeatTable(List<int[][]> heats, int lanes, int[][] met) {
        this.met = met;
        this.carAt = new int[heats.size()][lanes];
        for (int k = 0; k < heats.size(); k++) {
            Arrays.fill(carAt[k], -1);
            for (int[] run : heats.get(k)) {
                carAt[k][run[1]] = run[0];
            }
        }
    }

    int heats() {
        return carAt.length;
    }

    int met(int a, int b) {
        return met[a][b];
    }

    /** Whether heat k holds car c (heats outside the table hold none). */
    boolean holds(int k, int c) {
        if (k < 0 || k >= carAt.length) {
            return false;
        }
        for (int y : carAt[k]) {
            if (y == c) {
                return true;
            }
        }
        return false;
    }

    /** Whether the cars in slot of heats a and b may trade (both present, neither in the other heat). */
    boolean canTrade(int a, int b, int slot) {
        int x = carAt[a][slot];
        int z = carAt[b][slot];
        return a != b && x >= 0 && z >= 0 && !holds(b, x) && !holds(a, z);
    }

    /** Change in Σ over pairs of (times met)² if the cars in slot of heats a and b trade. */
    long meetingChange(int a, int b, int slot) {
        int x = carAt[a][slot];
        int z = carAt[b][slot];
        return change(x, b, slot, 1) + change(z, a, slot, 1) + change(x, a, slot, -1) + change(z, b, slot, -1);
    }

    /** The (times met)² change for car c joining (+1) or leaving (−1) heat k's other cars. */
    private long change(int c, int k, int slot, int delta) {
        long sum = 0;
        for (int s = 0; s < carAt[k].length; s++) {
            int y = carAt[k][s];
            if (s != slot && y >= 0) {
                sum += 2L * delta * met[c][y] + 1;
            }
        }
        return sum;
    }

    void trade(int a, int b, int slot) {
        meet(carAt[a][slot], a, slot, -1);
        meet(carAt[b][slot], b, slot, -1);
        int x = carAt[a][slot];
        carAt[a][slot] = carAt[b][slot];
        carAt[b][slot] = x;
        meet(carAt[a][slot], a, slot, 1);
        meet(carAt[b][slot], b, slot, 1);
    }

    private void meet(int c, int k, int slot, int delta) {
        for (int s = 0; s < carAt[k].length; s++) {
            int y = carAt[k][s];
            if (s != slot && y >= 0) {
                met[c][y] += delta;
                met[y][c] += delta;
            }
        }
    }

    /** The heats as {car, slot} pairs, cars ascending. */
    List<int[][]> toHeats() {
        List<int[][]> heats = new ArrayList<>(carAt.length);
        for (int[] slots : carAt) {
            List<int[]> runs = new ArrayList<>();
            for (int s = 0; s < slots.length; s++) {
                if (slots[s] >= 0) {
                    runs.add(new int[] {slots[s], s});
                }
            }
            runs.sort((p, q) -> Integer.compare(p[0], q[0]));
            heats.add(runs.toArray(new int[0][]));
        }
        return heats;
    }
}
