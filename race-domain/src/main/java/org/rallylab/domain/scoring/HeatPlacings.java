package org.rallylab.domain.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.schedule.LaneAssignment;
import org.rallylab.domain.state.HeatResult;
import org.rallylab.domain.state.ManualResult;
import org.rallylab.domain.state.SectionState;
import org.rallylab.domain.state.TimedResult;

/**
 * The ranked finish of one heat (docs/race-rules.md, Results). A timed heat is placed by microseconds when the
 * result carries them for every finisher, else by milliseconds; equal times share a place and
 * the next place is skipped (1, 2, 2, 4). A heat ranked by hand keeps the places given. DNFs
 * come last, all sharing the place after every finisher's. Rows are in place order, then lane.
 */
final class HeatPlacings {

    private HeatPlacings() {
    }

    static List<HeatPlace> of(SectionState section, int heatNumber, int minimumTimeMs) {
        Heat heat = section.heat(heatNumber).orElse(null);
        HeatResult result = section.result(heatNumber).orElse(null);
        if (heat == null || result == null) {
            return List.of();
        }
        List<Finish> finishers = new ArrayList<>();
        List<LaneAssignment> dnfs = new ArrayList<>();
        if (result instanceof TimedResult timed) {
            placeByTime(heat, timed, minimumTimeMs, finishers, dnfs);
        } else if (result instanceof ManualResult manual) {
            placeByHand(heat, manual, finishers, dnfs);
        }
        List<HeatPlace> places = new ArrayList<>(heat.lanes().size());
        int lastPlace = 0;
        for (Finish f : finishers) {
            String car = f.seat.carNumber();
            places.add(new HeatPlace(f.place, f.seat.lane(), car, section.nameOf(car), f.timeMs, false, f.impossible));
            lastPlace = Math.max(lastPlace, f.place);
        }
        int dnfPlace = Math.max(lastPlace, finishers.size()) + 1;
        for (LaneAssignment seat : dnfs) {
            String car = seat.carNumber();
            places.add(new HeatPlace(dnfPlace, seat.lane(), car, section.nameOf(car), null, true, false));
        }
        return List.copyOf(places);
    }

    private static void placeByHand(Heat heat, ManualResult manual, List<Finish> finishers,
                                    List<LaneAssignment> dnfs) {
        for (LaneAssignment seat : heat.lanes()) {
            Integer place = manual.placeByLane().get(seat.lane());
            if (place == null) {
                dnfs.add(seat);
            } else {
                finishers.add(new Finish(seat, place, null, false));
            }
        }
        finishers.sort(Comparator.comparingInt(Finish::place).thenComparingInt(f -> f.seat.lane()));
    }

    private static void placeByTime(Heat heat, TimedResult timed, int minimumTimeMs, List<Finish> finishers,
                                    List<LaneAssignment> dnfs) {
        List<LaneAssignment> finished = new ArrayList<>();
        boolean micros = timed.timesUs() != null;
        for (LaneAssignment seat : heat.lanes()) {
            if (timed.timesMs().has(seat.lane())) {
                finished.add(seat);
                micros = micros && timed.timesUs().has(seat.lane());
            } else {
                dnfs.add(seat);
            }
        }
        int n = finished.size();
        long[] keys = new long[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            int lane = finished.get(i).lane();
            keys[i] = micros ? timed.timesUs().get(lane) : timed.timesMs().get(lane);
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int cmp = Long.compare(keys[a], keys[b]);
            return cmp != 0 ? cmp : Integer.compare(finished.get(a).lane(), finished.get(b).lane());
        });
        int place = 0;
        for (int i = 0; i < n; i++) {
            int at = order[i];
            if (i == 0 || keys[at] != keys[order[i - 1]]) {
                place = i + 1;
            }
            LaneAssignment seat = finished.get(at);
            long ms = timed.timesMs().get(seat.lane());
            boolean impossible = ImpossibleTimes.isImpossible(ms, minimumTimeMs, timed.raceTimeoutMs());
            finishers.add(new Finish(seat, place, ms, impossible));
        }
    }

    private record Finish(LaneAssignment seat, int place, Long timeMs, boolean impossible) {
    }
}
