package org.rallylab.domain.schedule;

import java.util.List;

/**
 * Removes back-to-back runs that no heat order can avoid, by changing who is in the ordered new
 * heats. The move is a {@link HeatTable} trade (two cars in the same lane of two heats change
 * places, {@link TradeSearch}), so lanes, heat sizes and the heat count stay exactly as the
 * colouring made them. A trade is taken when it lowers, first, the number of back-to-back runs
 * (the last raced heat counts as the heat before the first new one), then the sum over pairs of
 * (times met)². Only cars racing back to back look for a better heat.
 */
final class SpacingRepair extends TradeSearch {

    /** One back-to-back run outweighs any meeting change a single trade can make. */
    private static final long BACK_TO_BACK = 1L << 32;

    private final int[] before;

    private SpacingRepair(HeatTable table, int[] before) {
        super(table);
        this.before = before;
    }

    /**
     * @param ordered heats in racing order as {car, slot} pairs
     * @param lanes   number of lane slots
     * @param before  cars of the last raced heat (empty when nothing is raced)
     * @param met     meetings so far, [car][car]; kept up to date
     * @return the same heats in the same order, cars traded, cars ascending
     */
    static List<int[][]> repair(List<int[][]> ordered, int lanes, int[] before, int[][] met) {
        return new SpacingRepair(new HeatTable(ordered, lanes, met), before).run();
    }

    @Override
    boolean wantsToMove(int heat, int car) {
        return in(heat - 1, car) || in(heat + 1, car);
    }

    @Override
    long costChange(int p, int q, int slot) {
        return BACK_TO_BACK * backToBackChange(p, q, slot) + table.meetingChange(p, q, slot);
    }

    /** Change in back-to-back runs when the cars in slot of heats p and q trade: only they move. */
    private int backToBackChange(int p, int q, int slot) {
        return moved(table.carAt[p][slot], p, q) + moved(table.carAt[q][slot], q, p);
    }

    /** Change in c's back-to-back runs when it leaves heat {@code from} for heat {@code to}. */
    private int moved(int c, int from, int to) {
        int was = (in(from - 1, c) ? 1 : 0) + (in(from + 1, c) ? 1 : 0);
        int now = (inAfter(to - 1, c, from, to) ? 1 : 0) + (inAfter(to + 1, c, from, to) ? 1 : 0);
        return now - was;
    }

    /** Whether heat k holds car c once c has moved from heat {@code from} to heat {@code to}. */
    private boolean inAfter(int k, int c, int from, int to) {
        return k != from && (k == to || in(k, c));
    }

    /** Whether heat k holds car c; heat −1 is the last raced heat. */
    private boolean in(int k, int c) {
        if (k >= 0) {
            return table.holds(k, c);
        }
        for (int y : before) {
            if (y == c) {
                return true;
            }
        }
        return false;
    }
}
