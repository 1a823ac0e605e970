package org.rallylab.domain.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits the owed runs into the fewest heats (step 3 of the general method).
 *
 * <p>Owed runs form a bipartite multigraph: cars on one side, lanes on the other, one edge per run
 * a car owes in a lane. A heat is a matching (no car twice, no lane twice), so a schedule is a
 * proper edge colouring, one colour per heat. König (1916): a bipartite multigraph of largest
 * degree D can be edge-coloured with D colours, and no schedule can do with fewer heats than the
 * busiest car or lane needs. The classic proof is the algorithm: to colour edge (c, l), take a
 * colour a free at c and b free at l; if a is busy at l, swap a and b along the a/b alternating
 * path leaving l. In a bipartite graph that path cannot reach c, so afterwards a is free at both.
 *
 * <p>Equitable: classes may come out lopsided (a full heat beside a one-car heat). While two
 * classes differ by 2 or more, the edges of the big and the small class form alternating paths and
 * even cycles; some path has one more big-class edge than small-class edges, and swapping its
 * colours moves one edge across while every vertex keeps a proper colouring (de Werra 1971,
 * "Equitable colorations of graphs"; McDiarmid 1972). The end state has class sizes within 1 of
 * each other: heats as full as the runs allow.
 *
 * <p>Opponents: König leaves a choice whenever several colours are free at both ends of an edge.
 * The car then joins the heat holding the fewest cars it has already met (in raced heats or heats
 * coloured so far), which spreads meetings without costing a heat. Edges are coloured in rounds
 * (every car's first owed run, then every car's second, …) so no car fills the early heats alone.
 *
 * <p>Everything runs in a fixed order (cars, then lanes, lowest first), so the result is determined
 * by the owed matrix and the past meetings alone.
 */
final class BipartiteEdgeColouring {

    private final int cars;
    private final int[] edgeCar;
    private final int[] edgeLane;
    private final int[] colour;
    private final int[][] atCar;
    private final int[][] atLane;
    /** The same as atLane, colour first: the edges of each colour class by lane. */
    private final int[][] byColour;
    private final int colours;
    private final int[][] met;

    private BipartiteEdgeColouring(int[][] owed, int[][] met) {
        this.met = met;
        cars = owed.length;
        int lanes = cars == 0 ? 0 : owed[0].length;
        int[] laneDegree = new int[lanes];
        int edges = 0;
        int degree = 0;
        for (int[] row : owed) {
            int carDegree = 0;
            for (int s = 0; s < lanes; s++) {
                carDegree += row[s];
                laneDegree[s] += row[s];
            }
            edges += carDegree;
            degree = Math.max(degree, carDegree);
        }
        for (int d : laneDegree) {
            degree = Math.max(degree, d);
        }
        colours = degree;
        edgeCar = new int[edges];
        edgeLane = new int[edges];
        colour = new int[edges];
        int[][] left = new int[cars][];
        for (int c = 0; c < cars; c++) {
            left[c] = owed[c].clone();
        }
        int e = 0;
        while (e < edges) {
            for (int c = 0; c < cars; c++) {
                for (int s = 0; s < lanes; s++) {
                    if (left[c][s] > 0) {
                        left[c][s]--;
                        edgeCar[e] = c;
                        edgeLane[e] = s;
                        e++;
                        break;
                    }
                }
            }
        }
        atCar = filled(cars, colours);
        atLane = filled(lanes, colours);
        byColour = filled(colours, lanes);
    }

    /**
     * Colour classes, one per heat: each an array of {car, slot} pairs, cars ascending. There are
     * exactly D classes (D = largest car or lane degree), sizes within 1 of each other.
     *
     * @param owed runs owed, [car][slot]
     * @param met  heats each pair of cars has shared so far, [car][car]; updated as heats form
     */
    static List<int[][]> heats(int[][] owed, int[][] met) {
        BipartiteEdgeColouring g = new BipartiteEdgeColouring(owed, met);
        for (int e = 0; e < g.edgeCar.length; e++) {
            g.colourEdge(e);
        }
        g.equalize();
        return g.classes();
    }

    private void colourEdge(int e) {
        int c = edgeCar[e];
        int l = edgeLane[e];
        int shared = leastMet(c, l);
        if (shared >= 0) {
            set(e, shared);
            return;
        }
        int a = firstFree(atCar[c]);
        int b = firstFree(atLane[l]);
        swapPath(alternatingPath(cars + l, a, b), a, b);
        set(e, a);
    }

    /** Of the colours free at car c and lane l, the one whose cars c has met least; -1 if none. */
    private int leastMet(int c, int l) {
        int best = -1;
        long bestCost = Long.MAX_VALUE;
        for (int k = 0; k < colours; k++) {
            if (atCar[c][k] >= 0 || atLane[l][k] >= 0) {
                continue;
            }
            int most = 0;
            int total = 0;
            for (int other : byColour[k]) {
                if (other >= 0) {
                    int times = met[c][edgeCar[other]];
                    most = Math.max(most, times);
                    total += times;
                }
            }
            long cost = ((long) most << 32) | total;
            if (cost < bestCost) {
                best = k;
                bestCost = cost;
            }
        }
        return best;
    }

    /** Edges of the path leaving {@code vertex} along colour {@code first}, then {@code second}, … */
    private List<Integer> alternatingPath(int vertex, int first, int second) {
        List<Integer> path = new ArrayList<>();
        int v = vertex;
        int want = first;
        while (true) {
            int e = v < cars ? atCar[v][want] : atLane[v - cars][want];
            if (e < 0) {
                return path;
            }
            path.add(e);
            v = v < cars ? cars + edgeLane[e] : edgeCar[e];
            want = want == first ? second : first;
        }
    }

    private void swapPath(List<Integer> path, int a, int b) {
        for (int e : path) {
            unset(e);
        }
        for (int e : path) {
            colour[e] = colour[e] == a ? b : a;
            set(e, colour[e]);
        }
    }

    /** Moves edges from the largest class to the smallest until sizes differ by at most 1. */
    private void equalize() {
        int[] size = new int[colours];
        for (int k : colour) {
            size[k]++;
        }
        while (colours > 0) {
            int big = 0;
            int small = 0;
            for (int k = 1; k < colours; k++) {
                big = size[k] > size[big] ? k : big;
                small = size[k] < size[small] ? k : small;
            }
            if (size[big] - size[small] <= 1) {
                return;
            }
            List<Integer> path = pathWithMoreOf(big, small);
            swapPath(path, big, small);
            size[big]--;
            size[small]++;
        }
    }

    /** A big/small alternating path starting and ending with a big-class edge. */
    private List<Integer> pathWithMoreOf(int big, int small) {
        for (int v = 0; v < cars + atLane.length; v++) {
            int[] at = v < cars ? atCar[v] : atLane[v - cars];
            if (at[big] >= 0 && at[small] < 0) {
                List<Integer> path = alternatingPath(v, big, small);
                if (path.size() % 2 == 1) {
                    return path;
                }
            }
        }
        throw new IllegalStateException("no alternating path between heats " + big + " and " + small);
    }

    private List<int[][]> classes() {
        List<int[][]> classes = new ArrayList<>(colours);
        for (int k = 0; k < colours; k++) {
            List<int[]> members = new ArrayList<>();
            for (int c = 0; c < cars; c++) {
                int e = atCar[c][k];
                if (e >= 0) {
                    members.add(new int[] {c, edgeLane[e]});
                }
            }
            classes.add(members.toArray(new int[0][]));
        }
        return classes;
    }

    private void set(int e, int k) {
        colour[e] = k;
        meet(e, k, 1);
        atCar[edgeCar[e]][k] = e;
        atLane[edgeLane[e]][k] = e;
        byColour[k][edgeLane[e]] = e;
    }

    private void unset(int e) {
        atCar[edgeCar[e]][colour[e]] = -1;
        atLane[edgeLane[e]][colour[e]] = -1;
        byColour[colour[e]][edgeLane[e]] = -1;
        meet(e, colour[e], -1);
    }

    /** Adds {@code delta} to the meetings of edge e's car with the other cars of class k. */
    private void meet(int e, int k, int delta) {
        int c = edgeCar[e];
        for (int other : byColour[k]) {
            if (other >= 0 && other != e) {
                met[c][edgeCar[other]] += delta;
                met[edgeCar[other]][c] += delta;
            }
        }
    }

    private static int firstFree(int[] at) {
        for (int k = 0; k < at.length; k++) {
            if (at[k] < 0) {
                return k;
            }
        }
        throw new IllegalStateException("a vertex has more edges than colours");
    }

    private static int[][] filled(int rows, int columns) {
        int[][] table = new int[rows][columns];
        for (int[] row : table) {
            Arrays.fill(row, -1);
        }
        return table;
    }
}
