package org.rallylab.domain.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.EventJson;
import org.rallylab.domain.testing.ReplayDigestMain;
import org.rallylab.domain.testing.RandomRaceDay;
import org.rallylab.domain.testing.StateDigest;

/** Same log, equal state, in another process: the exported log replayed by a fresh JVM. */
class FoldDeterminismTest {

    @TempDir
    Path folder;

    @Test
    void replay_exportedLogInNewProcess_equalsStateTheCommandsWorkedOn() throws Exception {
        List<Path> logs = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (long seed = 1; seed <= 6; seed++) {
            Random random = new Random(seed);
            RandomRaceDay day = new RandomRaceDay(seed, 6 + random.nextInt(40),
                    RandomRaceDay.randomLanes(random, 2 + random.nextInt(7)), 2);
            day.run(80, d -> { });
            Path log = folder.resolve("day-" + seed + ".jsonl");
            List<String> lines = new ArrayList<>();
            for (DomainEvent e : day.log()) {
                lines.add(EventJson.write(e));
            }
            Files.write(log, lines, StandardCharsets.UTF_8);
            List<DomainEvent> readBack = new ArrayList<>();
            for (String line : lines) {
                readBack.add(EventJson.read(line));
            }
            assertThat(RallyState.replay(readBack)).isEqualTo(day.day().state());
            logs.add(log);
            expected.add(StateDigest.sha256(day.day().state()));
        }
        for (int i = 0; i < logs.size(); i++) {
            assertThat(digestInChildJvm(logs.get(i))).as("digest of %s", logs.get(i).getFileName())
                    .isEqualTo(expected.get(i));
        }
    }

    private static String digestInChildJvm(Path log) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                ReplayDigestMain.class.getName(), log.toString()).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        return output;
    }
}
