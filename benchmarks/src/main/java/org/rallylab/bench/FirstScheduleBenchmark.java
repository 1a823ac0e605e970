package org.rallylab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.rallylab.domain.schedule.Schedule;
import org.rallylab.domain.schedule.Scheduler;

/**
 * The first schedule of 200 cars on 8 lanes in a fresh JVM: class loading, no JIT and the
 * offset search all included. The worst a user can see; one shot per fork.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FirstScheduleBenchmark {

    @Benchmark
    public Schedule firstSchedule200x8() {
        List<String> cars = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            cars.add(String.valueOf(i));
        }
        return Scheduler.plan(cars, DomainBenchmarks.EIGHT_LANES, 8);
    }
}
