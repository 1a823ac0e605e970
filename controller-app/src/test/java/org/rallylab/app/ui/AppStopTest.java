package org.rallylab.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.domain.testing.Await;

/**
 * Issue 11: closing the window or stopping the app with SIGTERM while it races left {@code -wal},
 * {@code -shm} and {@code .lock} beside the rally file (and the events only in {@code -wal}). A
 * stop that is not a crash now leaves only the {@code .rallylab} file, holding every race.
 */
class AppStopTest {

    @TempDir
    Path folder;

    private static List<String> listing(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    @Timeout(180)
    void windowClosed_whileRacing_leavesOnlyTheRallyFile() throws Exception {
        Path data = Files.createDirectories(folder.resolve("data"));
        Path rallies = Files.createDirectories(folder.resolve("rallies"));
        Path rally = rallies.resolve("closed.rallylab");
        Path probe = folder.resolve("probe.json");
        // the probe reports once a race is recorded, then closes the app the way the window's close button does
        Process app = AppProcess.start(data, folder.resolve("app.log"), List.of("-Drallylab.probe=" + probe,
                "-Drallylab.probe.exit=true", "-Drallylab.probe.when=racing"), "--demo", "--rally", rally.toString(),
                "--autopilot", "--speed", "30", "--counts", "4,6,4");
        assertThat(app.waitFor(120, TimeUnit.SECONDS)).as(Files.readString(folder.resolve("app.log"))).isTrue();
        assertThat(probe).exists();

        assertThat(listing(rallies)).containsExactly("closed.rallylab");
        assertThat(AppProcess.events(rally)).isNotEmpty();
    }

    @Test
    @Timeout(180)
    void sigterm_whileRacing_leavesOnlyTheRallyFileWithEveryRace() throws Exception {
        Path data = Files.createDirectories(folder.resolve("data"));
        Path rallies = Files.createDirectories(folder.resolve("rallies"));
        Path rally = rallies.resolve("stopped.rallylab");
        Process app = AppProcess.start(data, folder.resolve("app.log"), List.of(), "--demo", "--rally",
                rally.toString(), "--autopilot", "--speed", "30", "--counts", "6,6,4");
        AppProcess.awaitRaces(rally, "Beaver Buggies", 2, app);
        assertThat(listing(rallies)).contains("stopped.rallylab-wal");

        Process term = new ProcessBuilder("kill", "-TERM", String.valueOf(app.pid())).start();
        assertThat(term.waitFor(Await.timeout().toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(app.waitFor(Await.timeout().toSeconds(), TimeUnit.SECONDS)).as("the app stops on SIGTERM").isTrue();

        assertThat(listing(rallies)).containsExactly("stopped.rallylab");
        assertThat(AppProcess.readable(rally).orElseThrow().findSection("Beaver Buggies").orElseThrow().results())
                .hasSizeGreaterThanOrEqualTo(2);
    }
}
