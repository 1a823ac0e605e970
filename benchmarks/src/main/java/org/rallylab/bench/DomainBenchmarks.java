package org.rallylab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.schedule.Schedule;
import org.rallylab.domain.schedule.Scheduler;
import org.rallylab.domain.scoring.Standings;
import org.rallylab.domain.state.RallyState;

/** In memory: the fold of a large log with standings, and the scheduler. */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DomainBenchmarks {

    static final List<Integer> EIGHT_LANES = List.of(1, 2, 3, 4, 5, 6, 7, 8);

    /** 200 sections of about 500 race-day events, already decoded. */
    @State(Scope.Benchmark)
    public static class LargeLog {
        List<DomainEvent> events;

        @Setup(Level.Trial)
        public void build() {
            events = BenchmarkRallies.largeRally(200);
        }
    }

    /** 200 cars, and the first 100 heats of their schedule on 8 lanes. */
    @State(Scope.Benchmark)
    public static class TwoHundredCars {
        List<String> cars;
        List<String> afterRemoval;
        List<Heat> firstHundredHeats;

        @Setup(Level.Trial)
        public void build() {
            cars = new ArrayList<>();
            for (int i = 1; i <= 200; i++) {
                cars.add(String.valueOf(i));
            }
            Schedule schedule = Scheduler.plan(cars, EIGHT_LANES, 8);
            firstHundredHeats = schedule.heats().subList(0, 100);
            afterRemoval = new ArrayList<>(cars);
            afterRemoval.remove(firstHundredHeats.get(99).cars().get(0));
        }
    }

    /** Fold about 100 000 events and compute the standings of all 200 sections. */
    @Benchmark
    public List<Standings> fold100k(LargeLog log) {
        return RallyFileBenchmarks.standingsOfEverySection(RallyState.replay(log.events));
    }

    /** Schedule 200 cars on 8 lanes (the offsets for a size are cached after the first schedule). */
    @Benchmark
    public Schedule schedule200x8(TwoHundredCars roster) {
        return Scheduler.plan(roster.cars, EIGHT_LANES, 8);
    }

    /** Re-plan the rest of that schedule after a car is removed at heat 100. */
    @Benchmark
    public Schedule regenerate200x8(TwoHundredCars roster) {
        return Scheduler.replan(roster.firstHundredHeats, 0, roster.afterRemoval, EIGHT_LANES, 8);
    }
}
