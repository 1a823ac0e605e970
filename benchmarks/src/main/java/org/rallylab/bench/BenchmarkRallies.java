package org.rallylab.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rallylab.app.demo.DemoRally;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.store.RallyFile;
import org.rallylab.store.RallyFileException;

/**
 * The logs the benchmarks fold: race days produced by the same commands an operator uses
 * (simulated times, a re-run, a DNF re-run, a removal and a late arrival per section).
 */
public final class BenchmarkRallies {

    private BenchmarkRallies() {
    }

    /** A typical race day of about 500 events: three sections of 60, 50 and 50 cars. */
    public static List<DomainEvent> typicalDay() {
        return flatten(DemoRally.build(7, "Benchmark Rally", List.of(
                new DemoRally.SectionPlan("Beaver Buggies", 60, List.of(1, 2, 3, 4, 5, 6), "", 3, 5, 0, 9, 4),
                new DemoRally.SectionPlan("Kub Kars", 50, List.of(1, 2, 3, 4), "", 2, 0, 6, 10, 3),
                new DemoRally.SectionPlan("Scout Trucks", 50, List.of(1, 3, 5), "T", 4, 0, 2, 0, 0))));
    }

    /** {@code sections} sections of about 500 race-day events each (165 cars on 8 lanes, with incidents). */
    public static List<DomainEvent> largeRally(int sections) {
        List<DemoRally.SectionPlan> plans = new ArrayList<>();
        for (int i = 1; i <= sections; i++) {
            plans.add(new DemoRally.SectionPlan("Section " + i, 165, List.of(1, 2, 3, 4, 5, 6, 7, 8), "",
                    2 + i % 7, 0, 4 + i % 5, 20 + i % 11, 10 + i % 13));
        }
        return flatten(DemoRally.build(11, "Large Benchmark Rally", plans));
    }

    public static Path write(Path file, List<DomainEvent> events) throws RallyFileException {
        try (RallyFile rally = RallyFile.create(file)) {
            rally.append(events);
        }
        return file;
    }

    private static List<DomainEvent> flatten(List<List<DomainEvent>> batches) {
        List<DomainEvent> all = new ArrayList<>();
        batches.forEach(all::addAll);
        return all;
    }
}
