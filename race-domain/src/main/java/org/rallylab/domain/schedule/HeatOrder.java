package org.rallylab.domain.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * Orders new heats after the raced ones (steps 4 and 5 of the general method). One-car heats are
 * catch-up heats and come first. The others follow greedily: next is a heat that puts no car in
 * back-to-back heats, preferring the heat whose most recently raced car has waited longest, then
 * the largest total wait, then the heat whose cars come first in natural order. Cars that have not
 * raced yet count as having waited since long before heat 1. The greedy can corner itself at the
 * end (only heats with a car that just raced are left); a repair pass then swaps such a heat with
 * an earlier one wherever that removes back-to-back runs without adding any.
 */
final class HeatOrder {

    private static final int NEVER = -1_000_000;

    private HeatOrder() {
    }

    /**
     * @param classes  heats as {car, slot} pairs, cars ascending
     * @param lastRun  per car, the number of the last raced heat it ran in, or 0
     * @param raced    how many heats are raced
     * @return the heats in racing order
     */
    static List<int[][]> order(List<int[][]> classes, int[] lastRun, int raced) {
        int[] last = new int[lastRun.length];
        for (int c = 0; c < last.length; c++) {
            last[c] = lastRun[c] == 0 ? NEVER : lastRun[c];
        }
        List<int[][]> ordered = new ArrayList<>(classes.size());
        List<int[][]> rest = new ArrayList<>();
        List<int[][]> solos = new ArrayList<>();
        for (int[][] heat : classes) {
            (heat.length == 1 ? solos : rest).add(heat);
        }
        solos.sort(HeatOrder::byCars);
        for (int[][] solo : solos) {
            ordered.add(solo);
            last[solo[0][0]] = raced + ordered.size();
        }
        while (!rest.isEmpty()) {
            int number = raced + ordered.size() + 1;
            int best = 0;
            long bestScore = score(rest.get(0), last, number);
            for (int i = 1; i < rest.size(); i++) {
                long score = score(rest.get(i), last, number);
                if (score > bestScore || (score == bestScore && byCars(rest.get(i), rest.get(best)) < 0)) {
                    best = i;
                    bestScore = score;
                }
            }
            int[][] next = rest.remove(best);
            ordered.add(next);
            for (int[] run : next) {
                last[run[0]] = number;
            }
        }
        repair(ordered, solos.size(), lastRaced(lastRun, raced));
        return ordered;
    }

    /** The cars of the last raced heat, as a one-slot-per-car heat (empty when nothing is raced). */
    private static int[][] lastRaced(int[] lastRun, int raced) {
        List<int[]> cars = new ArrayList<>();
        for (int c = 0; c < lastRun.length; c++) {
            if (raced > 0 && lastRun[c] == raced) {
                cars.add(new int[] {c, 0});
            }
        }
        return cars.toArray(new int[0][]);
    }

    /** Swaps heats at or after {@code from} while that lowers the number of back-to-back runs. */
    private static void repair(List<int[][]> ordered, int from, int[][] before) {
        boolean improved = true;
        for (int pass = 0; improved && pass < ordered.size(); pass++) {
            improved = false;
            for (int p = from; p < ordered.size(); p++) {
                if (clashes(ordered, p - 1, p, before) == 0) {
                    continue;
                }
                for (int q = from; q < ordered.size(); q++) {
                    if (q != p && swapHelps(ordered, p, q, before)) {
                        improved = true;
                        break;
                    }
                }
            }
        }
    }

    /** Swaps heats p and q if that lowers the back-to-back runs around them; says whether it did. */
    private static boolean swapHelps(List<int[][]> ordered, int p, int q, int[][] before) {
        int was = around(ordered, p, q, before);
        Collections.swap(ordered, p, q);
        if (around(ordered, p, q, before) < was) {
            return true;
        }
        Collections.swap(ordered, p, q);
        return false;
    }

    private static int around(List<int[][]> ordered, int p, int q, int[][] before) {
        TreeSet<Integer> pairs = new TreeSet<>(List.of(p, p + 1, q, q + 1));
        int clashes = 0;
        for (int i : pairs) {
            if (i < ordered.size()) {
                clashes += clashes(ordered, i - 1, i, before);
            }
        }
        return clashes;
    }

    /** Cars heat i shares with heat i − 1 (index −1 is the last raced heat). */
    private static int clashes(List<int[][]> ordered, int previous, int i, int[][] before) {
        int[][] a = previous < 0 ? before : ordered.get(previous);
        int shared = 0;
        for (int[] x : a) {
            for (int[] y : ordered.get(i)) {
                shared += x[0] == y[0] ? 1 : 0;
            }
        }
        return shared;
    }

    /** Higher is better: no back-to-back run, then the shortest wait, then the total wait. */
    private static long score(int[][] heat, int[] last, int number) {
        int shortest = Integer.MAX_VALUE;
        long total = 0;
        for (int[] run : heat) {
            int wait = number - last[run[0]];
            shortest = Math.min(shortest, wait);
            total += wait;
        }
        long clear = shortest > 1 ? 1 : 0;
        return (clear << 62) | ((long) shortest << 32) | total;
    }

    private static int byCars(int[][] a, int[][] b) {
        int[] carsA = Arrays.stream(a).mapToInt(run -> run[0]).toArray();
        int[] carsB = Arrays.stream(b).mapToInt(run -> run[0]).toArray();
        int cmp = Arrays.compare(carsA, carsB);
        if (cmp != 0) {
            return cmp;
        }
        return Arrays.compare(Arrays.stream(a).mapToInt(run -> run[1]).toArray(),
                Arrays.stream(b).mapToInt(run -> run[1]).toArray());
    }
}
