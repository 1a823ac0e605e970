package org.rallylab.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToLongFunction;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.command.RaceRules;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.Participant;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.SectionState;

/**
 * A race day driven through commands, for tests. After every accepted command it checks the
 * fold invariant: replaying the whole log gives a state equal to the one built step by step.
 */
public final class RaceDay {

    public static final String RALLY = "rally-1";

    private final RaceRules rules;
    private final List<DomainEvent> log = new ArrayList<>();
    private RallyState state = RallyState.empty();
    private long clock = 1_708_000_000_000L;
    private int races;

    public RaceDay(RaceRules rules) {
        this.rules = rules;
    }

    public RaceDay() {
        this(new RaceRules());
    }

    /** A rally with one section whose roster holds cars "1".."n" (participants "Driver 1".."Driver n"). */
    public static RaceDay withSection(String sectionId, int cars) {
        RaceDay day = new RaceDay();
        day.accept(new Command.CreateRally(RALLY, "Test Rally", "2026-02-15", "organizer@example.org"));
        day.addSection(sectionId, cars);
        return day;
    }

    public RaceDay addSection(String sectionId, int cars) {
        accept(new Command.CreateSection(sectionId, "Section " + sectionId, "organizer@example.org"));
        List<Participant> roster = new ArrayList<>();
        for (int i = 1; i <= cars; i++) {
            roster.add(new Participant("p-" + sectionId + "-" + i, "Driver " + i, String.valueOf(i)));
        }
        accept(new Command.LoadRoster(RALLY, sectionId, "Section " + sectionId, roster));
        return this;
    }

    public Decision decide(Command command) {
        clock += 1_000;
        return rules.decide(state, command, clock);
    }

    /** Runs a command that must be accepted; appends and applies its events. */
    public List<DomainEvent> accept(Command command) {
        Decision d = decide(command);
        assertThat(d).as("decision for %s: %s", command, d.message()).isInstanceOf(Decision.Accepted.class);
        for (DomainEvent e : d.events()) {
            log.add(e);
            state.apply(e);
        }
        assertThat(RallyState.replay(log)).as("replayed log equals the state built step by step").isEqualTo(state);
        return d.events();
    }

    /** Runs a command that must be rejected; returns the message. Nothing is appended. */
    public String reject(Command command) {
        Decision d = decide(command);
        assertThat(d).as("decision for %s", command).isInstanceOf(Decision.Rejected.class);
        return d.message();
    }

    public RaceDay checkIn(String sectionId, String... cars) {
        for (String car : cars) {
            accept(new Command.MarkArrived(sectionId, car));
        }
        return this;
    }

    public RaceDay checkInAll(String sectionId) {
        for (var entry : section(sectionId).roster()) {
            if (!section(sectionId).hasArrived(entry.carNumber())) {
                accept(new Command.MarkArrived(sectionId, entry.carNumber()));
            }
        }
        return this;
    }

    public RaceDay start(String sectionId, Integer... lanes) {
        accept(new Command.StartSection(sectionId, List.of(lanes)));
        return this;
    }

    /** Races the heat on the track: {@code timeOfLane} gives each lane's ms, or -1 for DNF. */
    public List<DomainEvent> race(String sectionId, IntToLongFunction timeOfLane) {
        Heat heat = section(sectionId).heatOnTrack().orElseThrow();
        Map<Integer, Long> times = new HashMap<>();
        for (int lane : heat.laneNumbers()) {
            long t = timeOfLane.applyAsLong(lane);
            if (t >= 0) {
                times.put(lane, t);
            }
        }
        return accept(new Command.RecordRace(sectionId, heat.number(), "race-" + (++races), times, null, null, false));
    }

    /** Races the heat on the track with lane 1 fastest (2000 + 100 ms per lane). */
    public List<DomainEvent> race(String sectionId) {
        return race(sectionId, lane -> 2_000L + 100L * lane);
    }

    public List<DomainEvent> next(String sectionId) {
        return accept(new Command.StageNextHeat(sectionId));
    }

    /** Races and advances until the section completes. */
    public RaceDay raceToTheEnd(String sectionId) {
        while (!section(sectionId).completed()) {
            if (section(sectionId).heatOnTrack().isPresent()) {
                race(sectionId);
            }
            next(sectionId);
        }
        return this;
    }

    public RallyState state() {
        return state;
    }

    public SectionState section(String sectionId) {
        return state.section(sectionId).orElseThrow();
    }

    public List<DomainEvent> log() {
        return List.copyOf(log);
    }

    public long now() {
        return clock;
    }
}
