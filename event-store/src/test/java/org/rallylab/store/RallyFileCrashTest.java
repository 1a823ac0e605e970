package org.rallylab.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The power-cut drill: kills a writing process with SIGKILL at random moments (after a random number
 * of commits it reported, so a slow machine changes only how long it takes), again and again on
 * the same file ({@value #DEFAULT_KILLS} times in the default build, 1 000 with {@code -Pdrills},
 * or {@code -Drallylab.drills.kills=N}), and checks after each kill that nothing it reported as
 * committed was lost, that no batch is half there, and that the writer lock died with the process.
 */
class RallyFileCrashTest {

    static final int DEFAULT_KILLS = 200;
    static final int KILLS = Integer.getInteger("rallylab.drills.kills", DEFAULT_KILLS);
    static final long SEED = 20_260_215L;

    @TempDir
    Path folder;

    @Test
    @Timeout(3_600)
    void append_killedAgainAndAgainMidAppend_keepsEveryCommittedEventAndNoHalfBatch() throws Exception {
        Path file = folder.resolve("crash" + RallyFile.EXTENSION);
        RallyFile.create(file).close();
        Random random = new Random(SEED);
        long fileLast = 0;
        long reportedTotal = 0;
        long started = System.nanoTime();
        for (int kill = 1; kill <= KILLS; kill++) {
            long before = fileLast;
            List<String> lines;
            try (ChildJvm child = ChildJvm.start(folder, "append", file.toString(), String.valueOf(random.nextLong()))) {
                // kill at a random moment of the append cycle: after a random number of further commits (the
                // test sees them some milliseconds late, so the kill lands before, during or after an append)
                child.awaitCommits(1 + random.nextInt(30));
                child.kill();
                lines = child.lines();
            }
            Reported reported = Reported.of(lines, before);
            assertThat(reported.committed).as("kill %d: the child committed something", kill).isPositive();

            try (RallyFile log = RallyFile.openForWriting(file)) { // the lock died with the child
                IntegrityReport report = log.verify();
                assertThat(report.problems()).as("kill %d: verify", kill).isEmpty();
                fileLast = log.lastSequence();
                assertThat(report.eventCount()).isEqualTo(fileLast);
                assertThat(fileLast).as("kill %d: the file holds every committed sequence", kill)
                        .isGreaterThanOrEqualTo(reported.lastCommitted);
                assertThat(fileLast).as("kill %d: at most the append in flight is there too, whole", kill)
                        .isIn(reported.lastCommitted, reported.lastCommitted + reported.inFlight);
                assertThat(log.rebuild().eventCount()).isEqualTo(fileLast);
            }
            reportedTotal += reported.lastCommitted - before;
        }
        System.out.printf("crash test: %d kills, %d events in the file, %d of them reported committed before a kill,"
                + " %.1f s%n", KILLS, fileLast, reportedTotal, (System.nanoTime() - started) / 1e9);
    }

    /** What the child printed: the last committed sequence, and the size of an append begun but not reported. */
    private record Reported(long committed, long lastCommitted, int inFlight) {

        /** Parses the child's lines, checking that each commit continues exactly where the one before ended. */
        static Reported of(List<String> lines, long fileLastBefore) {
            long count = 0;
            long last = fileLastBefore;
            int inFlight = 0;
            for (String line : lines) {
                if (line.startsWith("appending ")) {
                    inFlight = Integer.parseInt(line.substring("appending ".length()));
                } else if (line.startsWith("committed ")) {
                    long sequence = Long.parseLong(line.substring("committed ".length()));
                    assertThat(sequence).as("a commit continues the log where it ended, by its batch size")
                            .isEqualTo(last + inFlight);
                    last = sequence;
                    inFlight = 0;
                    count++;
                }
            }
            return new Reported(count, last, inFlight);
        }
    }
}
