package org.rallylab.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.state.RallyState;

/**
 * Hand measurements of the store (not a test, no timed assertions; JMH in the benchmarks
 * module is the reference). Run: {@code java -cp <test classpath> org.rallylab.store.StoreMeasurements [folder]}.
 */
public final class StoreMeasurements {

    private StoreMeasurements() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("rallylab-measure");
        Files.createDirectories(folder);
        appendLatency(folder.resolve("latency.rallylab"));
        openAndRebuild(folder.resolve("small.rallylab"), 500);
        replayLarge(folder.resolve("large.rallylab"), 100_000);
    }

    private static void appendLatency(Path file) throws Exception {
        Files.deleteIfExists(file);
        List<DomainEvent> opening = RallyLogs.opening(40);
        long[] micros = new long[1_000];
        try (RallyFile log = RallyFile.create(file)) {
            log.append(opening.subList(0, 3));
            for (int i = 0; i < micros.length; i++) {
                DomainEvent e = i % 2 == 0 ? RallyLogs.carArrived(RallyLogs.SECTION, 1 + i % 40, RallyLogs.T0 + i)
                        : RallyLogs.raceCompleted(RallyLogs.SECTION, 1 + i / 2, RallyLogs.T0 + i, 2345, 2401, 2517, 2650);
                long start = System.nanoTime();
                log.append(e);
                micros[i] = (System.nanoTime() - start) / 1_000;
            }
        }
        long[] measured = Arrays.copyOfRange(micros, 100, micros.length);
        Arrays.sort(measured);
        System.out.printf("single-event append (synchronous=FULL, WAL), %d appends: median %.2f ms, p90 %.2f ms,"
                        + " p99 %.2f ms, max %.2f ms%n", measured.length, measured[measured.length / 2] / 1000.0,
                measured[measured.length * 9 / 10] / 1000.0, measured[measured.length * 99 / 100] / 1000.0,
                measured[measured.length - 1] / 1000.0);
    }

    private static void openAndRebuild(Path file, int events) throws Exception {
        Files.deleteIfExists(file);
        List<DomainEvent> log = take(RallyLogs.rally(20, 12, 4, 1), events);
        try (RallyFile f = RallyFile.create(file)) {
            f.append(log);
        }
        RallyState expected = RallyState.replay(log);
        double[] writing = new double[200];
        double[] reading = new double[200];
        double[] openClose = new double[200];
        for (int i = 0; i < writing.length; i++) {
            RallyState rebuilt;
            long start = System.nanoTime();
            try (RallyFile f = RallyFile.openForWriting(file)) {
                rebuilt = f.rebuild();
            }
            writing[i] = (System.nanoTime() - start) / 1e6;
            check(rebuilt, expected);
            start = System.nanoTime();
            try (RallyFile f = RallyFile.openReadOnly(file)) {
                rebuilt = f.rebuild();
            }
            reading[i] = (System.nanoTime() - start) / 1e6;
            check(rebuilt, expected);
            start = System.nanoTime();
            try (RallyFile f = RallyFile.openForWriting(file)) {
                f.lastSequence();
            }
            openClose[i] = (System.nanoTime() - start) / 1e6;
        }
        System.out.printf("open + rebuild + close of %d events: for writing median %.2f ms, read-only median %.2f ms;"
                + " open + close alone %.2f ms (after 150 warm-up rounds)%n", events, median(writing, 150),
                median(reading, 150), median(openClose, 150));
    }

    private static void replayLarge(Path file, int events) throws Exception {
        Files.deleteIfExists(file);
        RallyState expected = writeLarge(file, events); // the fixture is garbage from here on
        System.gc();
        double[] rebuild = new double[12];
        double[] replayOnly = new double[12];
        for (int i = 0; i < rebuild.length; i++) {
            try (RallyFile f = RallyFile.openReadOnly(file)) {
                long t = System.nanoTime();
                RallyState rebuilt = f.rebuild();
                rebuild[i] = (System.nanoTime() - t) / 1e6;
                check(rebuilt, expected);
                long[] count = {0};
                t = System.nanoTime();
                f.replay(e -> count[0]++);
                replayOnly[i] = (System.nanoTime() - t) / 1e6;
            }
        }
        System.out.printf("replay + fold of %d events from a file: median %.0f ms, min %.0f ms (replay and decode"
                + " alone: median %.0f ms; after 4 warm-up rounds)%n", events, median(rebuild, 4),
                Arrays.stream(rebuild).skip(4).min().orElse(0), median(replayOnly, 4));
    }

    private static RallyState writeLarge(Path file, int events) throws Exception {
        List<DomainEvent> log = take(RallyLogs.rally(1_100, 30, 4, 2), events);
        long start = System.nanoTime();
        try (RallyFile f = RallyFile.create(file)) {
            f.append(log);
        }
        System.out.printf("append of %d events in one transaction: %.0f ms (%d bytes)%n", events,
                (System.nanoTime() - start) / 1e6, Files.size(file));
        return RallyState.replay(log);
    }

    private static List<DomainEvent> take(List<DomainEvent> log, int n) {
        if (log.size() < n) {
            throw new IllegalStateException("fixture too small: " + log.size());
        }
        return log.subList(0, n);
    }

    private static void check(RallyState actual, RallyState expected) {
        if (!actual.equals(expected)) {
            throw new AssertionError("rebuilt state differs");
        }
    }

    private static double median(double[] values, int skip) {
        double[] measured = Arrays.copyOfRange(values, skip, values.length);
        Arrays.sort(measured);
        return measured[measured.length / 2];
    }
}
