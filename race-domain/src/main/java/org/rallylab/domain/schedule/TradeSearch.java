package org.rallylab.domain.schedule;

import java.util.List;

/**
 * Hill climbing over {@link HeatTable} trades (two cars in the same lane slot of two heats change
 * places, so lane balance, heat sizes and the heat count never change). Each pass visits every
 * car that {@link #wantsToMove} and makes the trade that lowers {@link #costChange} the most, if
 * any does; passes repeat until none helps or the budget of examined trades runs out, so the
 * result is deterministic and the work bounded. Subclasses say only which cars look for a better
 * place and what a trade costs.
 */
abstract class TradeSearch {

    /** Candidate trades examined in one search, at most. */
    static final int TRADE_BUDGET = 400_000;

    final HeatTable table;
    private int tradesLeft = TRADE_BUDGET;

    TradeSearch(HeatTable table) {
        this.table = table;
    }

    /** Whether car {@code car}, in heat {@code heat}, should look for a better place. */
    abstract boolean wantsToMove(int heat, int car);

    /** The change in cost if the cars in {@code slot} of heats a and b trade; negative is better. */
    abstract long costChange(int a, int b, int slot);

    /** Trades until nothing improves; the heats after the trades, cars ascending. */
    final List<int[][]> run() {
        boolean traded = true;
        while (traded && tradesLeft > 0) {
            traded = pass();
        }
        return table.toHeats();
    }

    private boolean pass() {
        boolean traded = false;
        for (int a = 0; a < table.heats() && tradesLeft > 0; a++) {
            for (int slot = 0; slot < table.carAt[a].length; slot++) {
                int car = table.carAt[a][slot];
                if (car >= 0 && wantsToMove(a, car) && bestTrade(a, slot)) {
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
                long change = costChange(a, b, slot);
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
}
