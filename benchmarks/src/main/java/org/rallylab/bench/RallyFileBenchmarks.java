package org.rallylab.bench;

import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.rallylab.domain.event.CarArrived;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.Extras;
import org.rallylab.domain.scoring.Scoring;
import org.rallylab.domain.scoring.Standings;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.SectionState;
import org.rallylab.store.RallyFile;

/** Rally files on disk: open and rebuild, replay a large log, durable append. */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RallyFileBenchmarks {

    /** A rally file of a typical race day (about 500 events). */
    @State(Scope.Benchmark)
    public static class TypicalDay {
        Path folder;
        Path file;

        @Setup(Level.Trial)
        public void write() throws Exception {
            folder = Files.createTempDirectory("rallylab-bench");
            file = BenchmarkRallies.write(folder.resolve("typical.rallylab"), BenchmarkRallies.typicalDay());
        }

        @TearDown(Level.Trial)
        public void delete() throws Exception {
            deleteFolder(folder);
        }
    }

    /** A rally file of 200 sections of about 500 events. */
    @State(Scope.Benchmark)
    public static class LargeRally {
        Path folder;
        Path file;

        @Setup(Level.Trial)
        public void write() throws Exception {
            folder = Files.createTempDirectory("rallylab-bench");
            file = BenchmarkRallies.write(folder.resolve("large.rallylab"), BenchmarkRallies.largeRally(200));
        }

        @TearDown(Level.Trial)
        public void delete() throws Exception {
            deleteFolder(folder);
        }
    }

    /** A rally file of 20 sections of about 500 events (about 10 000 events). */
    @State(Scope.Benchmark)
    public static class TenThousand {
        Path folder;
        Path file;

        @Setup(Level.Trial)
        public void write() throws Exception {
            folder = Files.createTempDirectory("rallylab-bench");
            file = BenchmarkRallies.write(folder.resolve("ten-thousand.rallylab"), BenchmarkRallies.largeRally(20));
        }

        @TearDown(Level.Trial)
        public void delete() throws Exception {
            deleteFolder(folder);
        }
    }

    /** An open rally file that single events are appended to. */
    @State(Scope.Benchmark)
    public static class OpenForAppend {
        Path folder;
        RallyFile rally;
        long counter;

        @Setup(Level.Trial)
        public void open() throws Exception {
            folder = Files.createTempDirectory("rallylab-bench");
            rally = RallyFile.openForWriting(BenchmarkRallies.write(folder.resolve("append.rallylab"),
                    BenchmarkRallies.typicalDay()));
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            rally.close();
            deleteFolder(folder);
        }
    }

    /** Open a rally file of a typical race day, rebuild the state and every section's standings. */
    @Benchmark
    public List<Standings> replay500(TypicalDay day) throws Exception {
        try (RallyFile rally = RallyFile.openReadOnly(day.file)) {
            return standingsOfEverySection(rally.rebuild());
        }
    }

    /** The same for 200 sections of about 500 events (about 100 000 events). */
    @Benchmark
    public List<Standings> replay100k(LargeRally large) throws Exception {
        try (RallyFile rally = RallyFile.openReadOnly(large.file)) {
            return standingsOfEverySection(rally.rebuild());
        }
    }

    /**
     * {@code rallylab verify} of about 100 000 events: quick_check, the exact schema, the hash chain,
     * every payload decoded, the sequence and the fold.
     */
    @Benchmark
    public Object verify100k(LargeRally large) throws Exception {
        return RallyFile.verify(large.file);
    }

    /**
     * What the app does before it shows a rally of about 10 000 events: open it for writing (the
     * writer lock, the exact schema, the hash chain of every event) and close it again.
     */
    @Benchmark
    public long open10k(TenThousand rally) throws Exception {
        try (RallyFile file = RallyFile.openForWriting(rally.file)) {
            return file.lastSequence();
        }
    }

    /**
     * One event appended and committed durably (WAL, synchronous=FULL), chained to the one before,
     * then folded into the main file so a plain copy of it holds every event.
     */
    @Benchmark
    public Object appendOne(OpenForAppend open) throws Exception {
        DomainEvent event = new CarArrived(++open.counter, open.rally.rallyId().orElseThrow(), "bench-section",
                String.valueOf(open.counter), Extras.NONE);
        return open.rally.append(event);
    }

    static List<Standings> standingsOfEverySection(RallyState state) {
        List<Standings> all = new ArrayList<>();
        for (SectionState section : state.sections()) {
            all.add(Scoring.standings(section));
        }
        return all;
    }

    static void deleteFolder(Path folder) throws Exception {
        try (var files = Files.walk(folder)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
