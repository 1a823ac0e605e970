package org.rallylab.domain.schedule;

import java.util.List;

/**
 * Spreads opponents over the new heats after colouring, without touching what the colouring
 * guarantees: the only move is a trade ({@link TradeSearch}), so lane balance, König's heat count
 * and the equitable fill all stand; only who meets whom changes. A trade is taken when it lowers
 * the sum over pairs of (times met)², the usual measure of how evenly meetings are spread: a pair
 * meeting three times costs far more than two pairs meeting twice. Only cars that meet someone
 * at least twice look for a better heat.
 */
final class MeetingSpreader extends TradeSearch {

    private MeetingSpreader(HeatTable table) {
        super(table);
    }

    /**
     * @param heats heats as {car, slot} pairs
     * @param lanes number of lane slots
     * @param met   meetings so far (raced heats and these), [car][car]; kept up to date
     * @return the heats after the trades, cars ascending
     */
    static List<int[][]> spread(List<int[][]> heats, int lanes, int[][] met) {
        return new MeetingSpreader(new HeatTable(heats, lanes, met)).run();
    }

    @Override
    boolean wantsToMove(int heat, int car) {
        int most = 0;
        for (int other : table.carAt[heat]) {
            if (other >= 0 && other != car) {
                most = Math.max(most, table.met(car, other));
            }
        }
        return most >= 2;
    }

    @Override
    long costChange(int a, int b, int slot) {
        return table.meetingChange(a, b, slot);
    }
}
