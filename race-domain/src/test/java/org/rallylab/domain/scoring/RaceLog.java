package org.rallylab.domain.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.command.RaceRules;
import org.rallylab.domain.event.CarArrived;
import org.rallylab.domain.event.CarRemoved;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.Extras;
import org.rallylab.domain.event.HeatStaged;
import org.rallylab.domain.event.LaneCar;
import org.rallylab.domain.event.Participant;
import org.rallylab.domain.event.RaceCompleted;
import org.rallylab.domain.event.Ranking;
import org.rallylab.domain.event.RerunDeclared;
import org.rallylab.domain.event.ResultCorrected;
import org.rallylab.domain.event.ResultManuallyEntered;
import org.rallylab.domain.event.RosterLoaded;
import org.rallylab.domain.event.SectionCompleted;
import org.rallylab.domain.event.SectionStarted;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.SectionState;

/**
 * Builds a section's log one event at a time, folding each into a state as it goes. Heats are
 * staged with explicit cars per lane so tests can work their figures out by hand; commands can
 * be driven through {@link RaceRules} too. {@link #section()} checks the invariant every domain
 * test relies on: replaying the whole log gives the same state (and the same standings) as the
 * step-by-step fold.
 */
final class RaceLog {

    static final String RALLY = "rally-1";
    static final String SECTION = "section-1";
    static final String SECTION_NAME = "Tigers";
    /** In a list of lane times: this lane did not finish (it is left out of times_ms). */
    static final long DNF = -1;

    private final List<DomainEvent> log = new ArrayList<>();
    private final RallyState state = RallyState.empty();
    private final RaceRules rules = new RaceRules();
    private long clock = 1_700_000_000_000L;
    private int raceIds;

    /** A section with {@code cars} (named "Driver &lt;car&gt;") on its roster and all checked in; not started. */
    static RaceLog checkedIn(String... cars) {
        RaceLog race = rosterOnly(cars);
        for (String car : cars) {
            race.append(new CarArrived(race.tick(), RALLY, SECTION, car, Extras.NONE));
        }
        return race;
    }

    /** An empty log, to be filled through {@link #command}. */
    static RaceLog empty() {
        return new RaceLog();
    }

    static RaceLog rosterOnly(String... cars) {
        RaceLog race = new RaceLog();
        List<Participant> roster = new ArrayList<>();
        for (String car : cars) {
            roster.add(new Participant("p-" + car, driver(car), car));
        }
        race.append(new RosterLoaded(race.tick(), RALLY, SECTION, SECTION_NAME, roster, Extras.NONE));
        return race;
    }

    /** {@link #checkedIn} and started on lanes 1 to {@code lanes}. */
    static RaceLog started(int lanes, String... cars) {
        RaceLog race = checkedIn(cars);
        List<Integer> laneSet = new ArrayList<>();
        for (int lane = 1; lane <= lanes; lane++) {
            laneSet.add(lane);
        }
        race.append(new SectionStarted(race.tick(), RALLY, SECTION, laneSet, Extras.NONE));
        return race;
    }

    static String driver(String car) {
        return "Driver " + car;
    }

    /** Stages {@code heat} with {@code carsByLane[i]} in lane i + 1 (null: lane left empty). */
    RaceLog stage(int heat, String... carsByLane) {
        return append(new HeatStaged(tick(), RALLY, SECTION, heat, seats(carsByLane), false, false, Extras.NONE));
    }

    /** Stages a re-run of only these lanes of {@code heat} (the DNF lanes). */
    RaceLog stageDnfRerun(int heat, String... carsByLane) {
        return append(new HeatStaged(tick(), RALLY, SECTION, heat, seats(carsByLane), false, true, Extras.NONE));
    }

    /** The track's race for {@code heat}: {@code msByLane[i]} for lane i + 1 ({@link #DNF}: no time). */
    RaceLog race(int heat, long... msByLane) {
        return append(raceCompleted(heat, lanes(msByLane), null, false, null));
    }

    RaceLog raceWithTimeout(int heat, int timeoutMs, long... msByLane) {
        return append(raceCompleted(heat, lanes(msByLane), null, false, timeoutMs));
    }

    RaceLog raceWithMicros(int heat, long[] msByLane, long[] usByLane) {
        return append(raceCompleted(heat, lanes(msByLane), lanes(usByLane), false, null));
    }

    /** A re-run of the DNF lanes, merged into the heat's result. */
    RaceLog partialRace(int heat, long... msByLane) {
        return append(raceCompleted(heat, lanes(msByLane), null, true, null));
    }

    /** The same race delivered again by the track (same race id). */
    RaceLog redeliverLastRace() {
        for (int i = log.size() - 1; i >= 0; i--) {
            if (log.get(i) instanceof RaceCompleted race) {
                return append(race);
            }
        }
        throw new IllegalStateException("no race to deliver again");
    }

    /** The heat ranked by hand: {@code placeByLane[i]} for lane i + 1 (0: DNF, left out). */
    RaceLog manual(int heat, int... placeByLane) {
        SectionState s = state.section(SECTION).orElseThrow();
        List<Ranking> rankings = new ArrayList<>();
        for (int i = 0; i < placeByLane.length; i++) {
            int lane = i + 1;
            if (placeByLane[i] > 0) {
                String car = s.heat(heat).flatMap(h -> h.carIn(lane)).orElse("?");
                rankings.add(new Ranking(placeByLane[i], lane, car));
            }
        }
        return append(new ResultManuallyEntered(tick(), RALLY, SECTION, heat, rankings, Extras.NONE));
    }

    RaceLog rerun(int heat) {
        return append(new RerunDeclared(tick(), RALLY, SECTION, heat, "gate bounced", Extras.NONE));
    }

    RaceLog remove(String car, int atHeat) {
        return append(new CarRemoved(tick(), RALLY, SECTION, car, atHeat, CarRemoved.DESTROYED, Extras.NONE));
    }

    RaceLog arrive(String car) {
        return append(new CarArrived(tick(), RALLY, SECTION, car, Extras.NONE));
    }

    /** The lanes of {@code heat} really held {@code carsByLane[i]} in lane i + 1 (null: lane unchanged). */
    RaceLog correct(int heat, String... carsByLane) {
        return append(new ResultCorrected(tick(), RALLY, SECTION, heat, seats(carsByLane), "swapped at the gate",
                Extras.NONE));
    }

    RaceLog complete() {
        SectionState s = state.section(SECTION).orElseThrow();
        return append(new SectionCompleted(tick(), RALLY, SECTION, s.heatCount(), false, Extras.NONE));
    }

    RaceLog endEarly() {
        SectionState s = state.section(SECTION).orElseThrow();
        return append(new SectionCompleted(tick(), RALLY, SECTION, s.results().size(), true, Extras.NONE));
    }

    /** Decides {@code command} through the real rules and appends what they accept. */
    Decision command(Command command) {
        Decision decision = rules.decide(state, command, tick());
        decision.events().forEach(this::append);
        return decision;
    }

    RaceLog append(DomainEvent event) {
        log.add(event);
        state.apply(event);
        return this;
    }

    List<DomainEvent> log() {
        return List.copyOf(log);
    }

    /** The section as folded step by step, after checking that a full replay gives the same. */
    SectionState section() {
        SectionState stepwise = state.section(SECTION).orElseThrow();
        SectionState replayed = RallyState.replay(log).section(SECTION).orElseThrow();
        assertThat(replayed).as("replay of the whole log equals the step-by-step state").isEqualTo(stepwise);
        assertThat(Scoring.standings(replayed)).isEqualTo(Scoring.standings(stepwise));
        return stepwise;
    }

    /** The section without the replay check (for timing loops). */
    SectionState sectionUnchecked() {
        return state.section(SECTION).orElseThrow();
    }

    private RaceCompleted raceCompleted(int heat, SortedMap<Integer, Long> ms, SortedMap<Integer, Long> us,
                                        boolean partial, Integer timeoutMs) {
        return new RaceCompleted(tick(), RALLY, SECTION, heat, "race-" + (++raceIds), ms, us, partial, timeoutMs,
                Extras.NONE);
    }

    private static List<LaneCar> seats(String... carsByLane) {
        List<LaneCar> seats = new ArrayList<>();
        for (int i = 0; i < carsByLane.length; i++) {
            if (carsByLane[i] != null) {
                seats.add(new LaneCar(i + 1, carsByLane[i], driver(carsByLane[i])));
            }
        }
        return seats;
    }

    private static SortedMap<Integer, Long> lanes(long... byLane) {
        TreeMap<Integer, Long> times = new TreeMap<>();
        for (int i = 0; i < byLane.length; i++) {
            if (byLane[i] != DNF) {
                times.put(i + 1, byLane[i]);
            }
        }
        return times;
    }

    private long tick() {
        return clock += 1_000;
    }
}
