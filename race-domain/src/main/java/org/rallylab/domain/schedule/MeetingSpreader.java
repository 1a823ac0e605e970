package org.rallylab.domain.schedule;

import java.util.List;

/**
 * Spreads opponents over the new heats after colouring, without touching what the colouring
 * guarantees: the only move is a {@link HeatTable} trade (two cars in the same lane of two heats
 * change places), so lane balance, König's heat count and the equitable fill all stand; only who
 * meets whom changes. A trade is taken when it lowers the sum over pairs of (times met)², the usual
 * measure of how evenly meetings are spread: a pair meeting three times costs far more than two
 * pairs meeting twice. Only cars that meet someone at least twice are moved, each to the best
 * trade for it, and the work is bounded, so the result is deterministic and fast.
 */
final class MeetingSpreader {

    /** Candidate trades examined in one call, at most. */
    static final int TRADE_BUDGET = 400_000;

    private final HeatTable table;
    private int tradesLeft = TRADE_BUDGET;

    private MeetingSpreader(HeatTable table) {
        this.table = table;
    }

    /**
     * @param heats heats as {car, slot} pairs
     * @param lanes number of lane slots
     * @param met   meetings so far (raced heats and these), [car][car]; kept up to date
     * @return the heats after the trades, cars ascending
     */
    static List<int[][]> spread(List<int[][]> heats, int lanes, int[][] met) {
        MeetingSpreader spreader = new MeetingSpreader(new HeatTable(heats, lanes, met));
        boolean traded = true;
        while (traded && spreader.tradesLeft > 0) {
            traded = spreader.pass();
        }
        return spreader.table.toHeats();
    }

    private boolean pass() {
        boolean traded = false;
        for (int a = 0; a < table.heats() && tradesLeft > 0; a++) {
            for (int slot = 0; slot < table.carAt[a].length; slot++) {
                int x = table.carAt[a][slot];
                if (x >= 0 && mostMet(x, a) >= 2 && bestTrade(a, slot)) {
                    traded = true;
                }
            }
        }
        return traded;
    }

    /** Makes the best improving trade for the car in heat a, slot; says whether one was made. */
    private boolean bestTrade(int a, int slot) {
        int bestHeat = -1;
        long bestChange = 0;
        for (int b = 0; b < table.heats() && tradesLeft > 0; b++) {
            if (table.canTrade(a, b, slot)) {
                tradesLeft--;
                long change = table.meetingChange(a, b, slot);
                if (change < bestChange) {
                    bestChange = change;
                    bestHeat = b;
                }
            }
        }
        if (bestHeat < 0) {
            return false;
        }
        table.trade(a, bestHeat, slot);
        return true;
    }

    private int mostMet(int c, int k) {
        int most = 0;
        for (int y : table.carAt[k]) {
            if (y >= 0 && y != c) {
                most = Math.max(most, table.met(c, y));
            }
        }
        return most;
    }
}
