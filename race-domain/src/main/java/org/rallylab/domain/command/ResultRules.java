package org.rallylab.domain.command;

import static org.rallylab.domain.command.Guards.reject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.rallylab.domain.event.EventLimits;
import org.rallylab.domain.event.Extras;
import org.rallylab.domain.event.LaneCar;
import org.rallylab.domain.event.RaceCompleted;
import org.rallylab.domain.event.Ranking;
import org.rallylab.domain.event.ResultCorrected;
import org.rallylab.domain.event.ResultManuallyEntered;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.schedule.LaneAssignment;
import org.rallylab.domain.scoring.ImpossibleTimes;
import org.rallylab.domain.scoring.Ordinal;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.SectionState;

/** Results: races from the track, heats ranked by eye, and lane corrections. */
final class ResultRules {

    private ResultRules() {
    }

    static Decision recordRace(RallyState state, Command.RecordRace c, RaceSettings settings, long now) {
        SectionState s = Guards.section(state, c.sectionId());
        if (s.hasRace(c.raceId())) {
            return new Decision.Ignored("Race " + c.raceId() + " is already recorded; the track sent it again.");
        }
        Guards.racing(state, c.sectionId());
        Heat onTrack = s.heatOnTrack().orElseThrow(() ->
                reject("No heat of " + s.sectionName() + " is waiting for the track; stage the next heat first."));
        if (c.heat() != onTrack.number()) {
            throw reject("The track reported a race for heat " + c.heat() + ", but heat " + onTrack.number()
                    + " is staged.");
        }
        for (Map.Entry<Integer, Long> time : c.timesMs().entrySet()) {
            if (time.getKey() == null || time.getKey() < 1 || time.getValue() == null || time.getValue() < 0) {
                throw reject("The track sent an unreadable time (lane " + time.getKey() + ": " + time.getValue()
                        + "); re-run the heat.");
            }
            if (time.getValue() > EventLimits.MAX_RACE_TIME_MS) {
                String lane = Guards.laneLabel(s, time.getKey(), onTrack.carIn(time.getKey()).orElse(null));
                throw reject(Guards.capital(lane) + " has a time of "
                        + ImpossibleTimes.seconds(time.getValue()) + ", beyond any race (at most "
                        + EventLimits.MAX_RACE_TIME_MS / 1000 + " s): it was not recorded. Re-run the heat, or enter"
                        + " its times again.");
            }
        }
        if (c.timesUs() != null) {
            for (Map.Entry<Integer, Long> time : c.timesUs().entrySet()) {
                if (time.getKey() == null || time.getKey() < 1 || time.getValue() == null || time.getValue() < 0
                        || time.getValue() > EventLimits.MAX_RACE_TIME_MS * 1000) {
                    throw reject("The track sent lane " + time.getKey() + " an impossible time of " + time.getValue()
                            + " µs: it was not recorded. Re-run the heat.");
                }
            }
        }
        if (c.raceTimeoutMs() != null && (c.raceTimeoutMs() < 1 || c.raceTimeoutMs() > EventLimits.MAX_RACE_TIME_MS)) {
            throw reject("The track gave a race timeout of " + c.raceTimeoutMs() + " ms, which no track has (1 to "
                    + EventLimits.MAX_RACE_TIME_MS + " ms): check the track's settings, then re-run the heat.");
        }
        int timeout = c.raceTimeoutMs() == null ? RaceCompleted.DEFAULT_RACE_TIMEOUT_MS : c.raceTimeoutMs();
        boolean anyFinished = onTrack.laneNumbers().stream().anyMatch(c.timesMs()::containsKey);
        if (!anyFinished) {
            return new Decision.Ignored("Every lane of heat " + onTrack.number() + " is DNF: a gate fault, not a race. "
                    + "Heat " + onTrack.number() + " stays staged; race it again.");
        }
        if (!c.acceptImpossibleTimes()) {
            List<String> problems = new ArrayList<>();
            for (LaneAssignment a : onTrack.lanes()) {
                Long time = c.timesMs().get(a.lane());
                if (time != null) {
                    ImpossibleTimes.problem(time, settings.minimumTimeMs(), timeout).ifPresent(problem ->
                            problems.add(Guards.laneLabel(s, a.lane(), a.carNumber()) + ": " + problem));
                }
            }
            if (!problems.isEmpty()) {
                return new Decision.Held("Heat " + onTrack.number() + " has an impossible time: "
                        + String.join("; ", problems) + ".");
            }
        }
        RaceCompleted race = new RaceCompleted(now, Guards.rallyId(state), s.sectionId(), onTrack.number(),
                c.raceId(), new TreeMap<>(c.timesMs()), c.timesUs() == null ? null : new TreeMap<>(c.timesUs()),
                s.dnfRerunStaged(), c.raceTimeoutMs(), Extras.NONE);
        return new Decision.Accepted(List.of(race));
    }

    static Decision enterManualResult(RallyState state, Command.EnterManualResult c, long now) {
        SectionState s = Guards.racing(state, c.sectionId());
        Heat heat = Guards.heat(s, c.heat());
        Optional<Heat> onTrack = s.heatOnTrack();
        boolean staged = onTrack.isPresent() && onTrack.get().number() == c.heat();
        boolean showing = s.result(c.heat()).isPresent() && c.heat() == s.lastResultHeat();
        if (!staged && !showing) {
            throw reject("Heat " + c.heat() + " is neither staged nor the latest heat with a result; "
                    + "only that heat can be ranked by hand.");
        }
        if (c.placeByLane().isEmpty()) {
            throw reject("Place at least one car; lanes left out count as DNF. If no car finished, re-run the heat instead.");
        }
        List<Ranking> rankings = new ArrayList<>();
        for (Map.Entry<Integer, Integer> entry : new TreeMap<>(c.placeByLane()).entrySet()) {
            int lane = entry.getKey();
            int place = entry.getValue();
            String car = heat.carIn(lane).orElseThrow(() ->
                    reject("Lane " + lane + " has no car in heat " + c.heat() + "."));
            if (place < 1 || place > heat.lanes().size()) {
                throw reject("Place " + place + " for lane " + lane + " is not possible: places are 1 to "
                        + heat.lanes().size() + ".");
            }
            rankings.add(new Ranking(place, lane, car));
        }
        rankings.sort(Comparator.comparingInt(Ranking::place).thenComparingInt(Ranking::lane));
        placesFollowOn(s, rankings);
        return new Decision.Accepted(List.of(new ResultManuallyEntered(now, Guards.rallyId(state), s.sectionId(),
                c.heat(), rankings, Extras.NONE)));
    }

    /**
     * Places by eye read the way times place cars (docs/race-rules.md): cars in a dead heat share a place and
     * the place after them is skipped (1st, 1st, 3rd); no place is left out before another
     * (1st, 2nd, 4th). {@code rankings} are in place order.
     */
    private static void placesFollowOn(SectionState s, List<Ranking> rankings) {
        int previous = 0;
        for (int ahead = 0; ahead < rankings.size(); ahead++) {
            Ranking r = rankings.get(ahead);
            int place = r.place() == previous ? previous : ahead + 1;
            if (r.place() != place) {
                String before = ahead == 0 ? "no car is" : ahead == 1 ? "1 car is" : ahead + " cars are";
                throw reject(Guards.capital(Guards.laneLabel(s, r.lane(), r.carNumber())) + " cannot be "
                        + Ordinal.of(r.place()) + ": " + before + " placed ahead of it, so it is "
                        + Ordinal.of(place) + ". Cars in a dead heat share a place and the next place is skipped"
                        + " (1st, 1st, 3rd).");
            }
            previous = place;
        }
    }

    static Decision correctLanes(RallyState state, Command.CorrectLanes c, long now) {
        SectionState s = Guards.section(state, c.sectionId());
        if (!s.started()) {
            throw reject(s.sectionName() + " has not started; there is no heat to correct.");
        }
        Heat heat = Guards.heat(s, c.heat());
        if (c.heat() > Math.max(s.stagedHeatNumber(), s.lastResultHeat())) {
            throw reject("Heat " + c.heat() + " has not been staged yet; only staged or raced heats can be corrected.");
        }
        if (c.carByLane().isEmpty()) {
            throw reject("Say which car was in which lane.");
        }
        TreeMap<Integer, String> seats = new TreeMap<>();
        heat.lanes().forEach(a -> seats.put(a.lane(), a.carNumber()));
        List<LaneCar> changed = new ArrayList<>();
        for (Map.Entry<Integer, String> entry : new TreeMap<>(c.carByLane()).entrySet()) {
            int lane = entry.getKey();
            String car = entry.getValue() == null ? "" : entry.getValue().strip();
            if (!seats.containsKey(lane)) {
                throw reject("Lane " + lane + " has no car in heat " + c.heat() + ".");
            }
            if (!s.hasArrived(car)) {
                throw reject("Car " + car + " is not checked in to " + s.sectionName() + ".");
            }
            if (!seats.get(lane).equals(car)) {
                seats.put(lane, car);
                changed.add(new LaneCar(lane, car, s.nameOf(car)));
            }
        }
        if (changed.isEmpty()) {
            throw reject("Those are already the cars in heat " + c.heat() + ": choose the car really in a lane.");
        }
        Map<String, Integer> laneOf = new HashMap<>();
        for (Map.Entry<Integer, String> seat : seats.entrySet()) {
            Integer other = laneOf.putIfAbsent(seat.getValue(), seat.getKey());
            if (other != null) {
                throw reject("Car " + seat.getValue() + " would be in lanes " + other + " and " + seat.getKey()
                        + " of heat " + c.heat() + "; correct both lanes.");
            }
        }
        String reason = c.reason() == null || c.reason().isBlank() ? null : c.reason().strip();
        return new Decision.Accepted(List.of(new ResultCorrected(now, Guards.rallyId(state), s.sectionId(), c.heat(),
                changed, reason, Extras.NONE)));
    }
}
