package org.rallylab.store;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.TreeMap;
import org.rallylab.domain.event.CarArrived;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.Extras;
import org.rallylab.domain.event.HeatStaged;
import org.rallylab.domain.event.LaneCar;
import org.rallylab.domain.event.Participant;
import org.rallylab.domain.event.RaceCompleted;
import org.rallylab.domain.event.RallyCreated;
import org.rallylab.domain.event.RosterLoaded;
import org.rallylab.domain.event.SectionCompleted;
import org.rallylab.domain.event.SectionCreated;
import org.rallylab.domain.event.SectionStarted;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.schedule.LaneAssignment;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.SectionState;

/** Realistic rally logs for store tests, built with the event records and raced along the derived schedule. */
final class RallyLogs {

    static final String RALLY = "8d4c5a2e-0d6b-4c55-9a0e-6f1d2b3c4d5e";
    static final String OTHER_RALLY = "5e4d3c2b-1f6d-4b0d-9e2a-c5a4d8e7f6a5";
    static final String SECTION = sectionId(1);
    static final long T0 = 1_771_146_000_000L; // 2026-02-15 09:00 UTC

    private RallyLogs() {
    }

    static String sectionId(int n) {
        return String.format("1b2c3d4e-5f60-4718-8293-%012d", n);
    }

    static RallyCreated rallyCreated() {
        return new RallyCreated(T0, RALLY, "Kub Kar Rally 2026", "2026-02-15", "organizer@example.org", Extras.NONE);
    }

    static SectionCreated sectionCreated(String section, String name) {
        return new SectionCreated(T0 + 1, RALLY, section, name, "organizer@example.org", Extras.NONE);
    }

    static RosterLoaded rosterLoaded(String section, int cars) {
        List<Participant> roster = new ArrayList<>();
        for (int i = 1; i <= cars; i++) {
            roster.add(new Participant(section.substring(24) + "-p" + i, "Driver " + i, String.valueOf(i)));
        }
        return new RosterLoaded(T0 + 2, RALLY, section, "Kub Kars", roster, Extras.NONE);
    }

    /** {@code n} roster loads of 400 cars each, for sections of their own: events of about 20 kB. */
    static List<DomainEvent> bigRosters(int n) {
        List<DomainEvent> rosters = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rosters.add(rosterLoaded(sectionId(10 + i), 400));
        }
        return rosters;
    }

    static CarArrived carArrived(String section, int car, long timestamp) {
        return new CarArrived(timestamp, RALLY, section, String.valueOf(car), Extras.NONE);
    }

    static RaceCompleted raceCompleted(String section, int heat, long timestamp, long... laneTimes) {
        TreeMap<Integer, Long> times = new TreeMap<>();
        for (int lane = 1; lane <= laneTimes.length; lane++) {
            times.put(lane, laneTimes[lane - 1]);
        }
        return new RaceCompleted(timestamp, RALLY, section, heat, "race-" + section.substring(24) + "-" + heat,
                times, null, false, null, Extras.NONE);
    }

    /** The start of a race day: the rally, one section, its roster of {@code cars} cars, all arrived. */
    static List<DomainEvent> opening(int cars) {
        List<DomainEvent> log = new ArrayList<>();
        log.add(rallyCreated());
        log.add(sectionCreated(SECTION, "Kub Kars"));
        log.add(rosterLoaded(SECTION, cars));
        for (int car = 1; car <= cars; car++) {
            log.add(carArrived(SECTION, car, T0 + 10 + car));
        }
        return log;
    }

    /**
     * A whole rally: {@code sections} sections of {@code cars} cars each, every heat of the
     * derived schedule staged and raced on {@code lanes} lanes, every section completed.
     */
    static List<DomainEvent> rally(int sections, int cars, int lanes, long seed) {
        Random random = new Random(seed);
        List<DomainEvent> log = new ArrayList<>();
        RallyState state = RallyState.empty();
        long[] clock = {T0};
        add(log, state, rallyCreated());
        List<Integer> laneList = new ArrayList<>();
        for (int lane = 1; lane <= lanes; lane++) {
            laneList.add(lane);
        }
        for (int s = 1; s <= sections; s++) {
            String section = sectionId(s);
            add(log, state, sectionCreated(section, "Section " + s));
            add(log, state, rosterLoaded(section, cars));
            for (int car = 1; car <= cars; car++) {
                add(log, state, carArrived(section, car, clock[0] += 7_000));
            }
            add(log, state, new SectionStarted(clock[0] += 60_000, RALLY, section, laneList, Extras.NONE));
            SectionState racing = state.section(section).orElseThrow();
            for (OptionalInt heat = racing.currentHeat(); heat.isPresent(); heat = racing.currentHeat()) {
                Heat staged = racing.heat(heat.getAsInt()).orElseThrow();
                List<LaneCar> laneCars = new ArrayList<>();
                TreeMap<Integer, Long> times = new TreeMap<>();
                for (LaneAssignment a : staged.lanes()) {
                    laneCars.add(new LaneCar(a.lane(), a.carNumber(), "Driver " + a.carNumber()));
                    times.put(a.lane(), 2_400L + random.nextInt(1_600));
                }
                add(log, state, new HeatStaged(clock[0] += 20_000, RALLY, section, staged.number(), laneCars,
                        false, false, Extras.NONE));
                add(log, state, new RaceCompleted(clock[0] += 40_000, RALLY, section, staged.number(),
                        "race-" + s + "-" + staged.number(), times, null, false, null, Extras.NONE));
            }
            add(log, state, new SectionCompleted(clock[0] += 10_000, RALLY, section, racing.heatCount(), false,
                    Extras.NONE));
        }
        return log;
    }

    private static void add(List<DomainEvent> log, RallyState state, DomainEvent event) {
        log.add(event);
        state.apply(event);
    }
}
