package org.rallylab.store;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.testing.Await;

/**
 * A second process for the lock and crash tests, started by {@link ChildJvm}. Modes:
 * <ul>
 *   <li>{@code append <file> <seed>}: opens the file for writing and appends forever, single
 *       events and batches of 3 (after a first batch opening the race day), printing {@code appending <n>} before and
 *       {@code committed <last sequence>} after each append returns;</li>
 *   <li>{@code hold <file>}: opens the file for writing, prints {@code holding}, and keeps it
 *       open until its standard input closes;</li>
 *   <li>{@code append-n <file> <n>}: opens the file for writing, appends {@code n} events one by
 *       one (a race day's pace: one commit each), prints {@code done <last sequence>} and keeps the
 *       file open until it is killed;</li>
 *   <li>{@code try <file>}: tries to open the file for writing and prints {@code opened} or
 *       {@code refused <REASON> <message>}.</li>
 * </ul>
 * Whatever the mode, it exits when its standard input closes (the test JVM died) or after
 * {@link #MAX_LIFE_MS}, so it never outlives the test run.
 */
public final class RallyFileChild {

    /** Twice the longest a test waits for the child: it never dies before a test gives up on it. */
    static final long MAX_LIFE_MS = 2_000L * Await.TIMEOUT_SECONDS;

    private RallyFileChild() {
    }

    public static void main(String[] args) throws Exception {
        exitWhenParentGoes();
        Path file = Path.of(args[1]);
        PrintStream out = System.out;
        switch (args[0]) {
            case "append" -> append(file, Long.parseLong(args[2]), out);
            case "hold" -> {
                try (RallyFile held = RallyFile.openForWriting(file)) {
                    out.println("holding " + held.lastSequence());
                    out.flush();
                    holdUntilStopped();
                }
            }
            case "append-n" -> {
                try (RallyFile log = RallyFile.openForWriting(file)) {
                    long last = log.lastSequence();
                    for (int i = 1; i <= Integer.parseInt(args[2]); i++) {
                        last = log.append(RallyLogs.carArrived(RallyLogs.SECTION, i % 4 + 1, RallyLogs.T0 + 1000 + i))
                                .sequence();
                    }
                    out.println("done " + last);
                    out.flush();
                    holdUntilStopped();
                }
            }
            case "try" -> {
                try (RallyFile opened = RallyFile.openForWriting(file)) {
                    out.println("opened " + opened.lastSequence());
                } catch (RallyFileException e) {
                    out.println("refused " + e.reason() + " " + e.getMessage());
                }
                out.flush();
            }
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
        System.exit(0);
    }

    private static void append(Path file, long seed, PrintStream out) throws RallyFileException {
        Random random = new Random(seed);
        try (RallyFile log = RallyFile.openForWriting(file)) {
            long last = log.lastSequence();
            if (last == 0) {
                List<DomainEvent> opening = RallyLogs.opening(4);
                out.println("appending " + opening.size());
                out.flush();
                last = log.append(opening).get(opening.size() - 1).sequence();
                out.println("committed " + last);
                out.flush();
            }
            while (true) {
                int count = random.nextInt(2) == 0 ? 1 : 3;
                List<DomainEvent> batch = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    long n = last + i + 1;
                    batch.add(n % 2 == 0 ? RallyLogs.carArrived(RallyLogs.SECTION, (int) (n % 4) + 1, RallyLogs.T0 + n)
                            : RallyLogs.raceCompleted(RallyLogs.SECTION, (int) (n % 9_000) + 1, RallyLogs.T0 + n, 2345, 2401, 2517));
                }
                out.println("appending " + count);
                out.flush();
                List<StoredEvent> stored = log.append(batch);
                last = stored.get(stored.size() - 1).sequence();
                out.println("committed " + last);
                out.flush();
            }
        }
    }

    /**
     * Keeps the file open until the process is stopped: killed by the test, or halted when the
     * parent's input ends or the life limit passes ({@link #exitWhenParentGoes}).
     */
    private static void holdUntilStopped() throws InterruptedException {
        new java.util.concurrent.CountDownLatch(1).await();
    }

    private static void exitWhenParentGoes() {
        long deadline = System.currentTimeMillis() + MAX_LIFE_MS;
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the parent never writes; wait for the end of input
                }
            } catch (IOException e) {
                // the pipe broke: the parent is gone
            }
            Runtime.getRuntime().halt(3);
        });
        watcher.setDaemon(true);
        watcher.start();
        Thread timer = new Thread(() -> {
            try {
                Thread.sleep(Math.max(0, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(4);
        });
        timer.setDaemon(true);
        timer.start();
    }
}
