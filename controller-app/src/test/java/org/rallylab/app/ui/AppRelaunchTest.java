package org.rallylab.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.app.cli.Main;
import org.rallylab.app.settings.OpenRallyMarker;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.RaceCompleted;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.SectionState;
import org.rallylab.store.RallyFile;
import org.rallylab.store.RallyFileException;
import org.rallylab.store.StoredEvent;

/**
 * The app in a child JVM (headless JavaFX), racing the demo rally on the simulated track under
 * the autopilot, is killed with SIGKILL in the middle of a section. Started again with no options,
 * it reopens that rally on the same section, heat and results, with the track connected.
 */
class AppRelaunchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void killed_mid_section_relaunch_shows_the_same_section_heat_and_results_with_the_track_back() throws Exception {
        Path data = Files.createDirectories(folder.resolve("data"));
        Path rally = folder.resolve("killed.rallylab");
        Process first = app(data, folder.resolve("first.log"), List.of(), "--demo", "--rally", rally.toString(),
                "--autopilot", "--speed", "30", "--counts", "4,8,4");
        try {
            awaitRaces(rally, "Kub Kars", 3, first);
        } finally {
            first.destroyForcibly(); // SIGKILL on Linux and macOS
            assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(new OpenRallyMarker(data).leftOpen()).as("the killed app left its marker").isPresent();
        List<DomainEvent> atKill = events(rally);
        RallyState state = RallyState.replay(atKill);
        SectionState kubKars = state.findSection("Kub Kars").orElseThrow();
        assertThat(kubKars.started()).isTrue();
        assertThat(kubKars.completed()).as("killed mid-section").isFalse();

        Path probe = folder.resolve("probe.json");
        Process second = app(data, folder.resolve("second.log"), List.of("-Drallylab.probe=" + probe,
                "-Drallylab.probe.exit=true", "-Drallylab.probe.delay=700"));
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("relaunched app reports and exits").isTrue();
        assertThat(probe).as(Files.readString(folder.resolve("second.log"))).exists();
        JsonNode report = JSON.readTree(probe.toFile());

        assertThat(report.path("rally_file").asText()).isEqualTo(rally.toAbsolutePath().toString());
        assertThat(report.path("section").asText()).isEqualTo("Kub Kars");
        assertThat(report.path("screen").asText()).contains("Kub Kars");
        assertThat(report.path("notice").asText()).contains("not closed properly");
        assertThat(report.path("heat").asInt()).isEqualTo(kubKars.stagedHeatNumber());
        assertThat(report.path("results").asInt()).isEqualTo(kubKars.results().size());
        assertThat(report.path("events").asLong()).isGreaterThanOrEqualTo(atKill.size());
        assertThat(report.path("phase").asText()).isIn("STAGED", "RESULTS");
        assertThat(report.path("track_connected").asBoolean()).as("the track session resumes").isTrue();
        // nothing the killed app had committed was lost, and every race is recorded once
        List<DomainEvent> after = events(rally);
        assertThat(after.subList(0, atKill.size())).isEqualTo(atKill);
        List<String> raceIds = after.stream().filter(RaceCompleted.class::isInstance)
                .map(e -> ((RaceCompleted) e).raceId()).toList();
        assertThat(raceIds).doesNotHaveDuplicates();
    }

    private static void awaitRaces(Path rally, String section, int races, Process app) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            assertThat(app.isAlive()).as("the app is still running").isTrue();
            if (Files.exists(rally)) {
                Optional<SectionState> s = readable(rally).flatMap(st -> st.findSection(section));
                if (s.isPresent() && s.get().results().size() >= races) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the autopilot did not race " + races + " heats of " + section + " within 90 s");
    }

    private static Optional<RallyState> readable(Path rally) {
        try {
            return Optional.of(RallyState.replay(events(rally)));
        } catch (RallyFileException | RuntimeException e) {
            return Optional.empty(); // still being created
        }
    }

    private static List<DomainEvent> events(Path rally) throws RallyFileException {
        List<DomainEvent> events = new ArrayList<>();
        try (RallyFile file = RallyFile.openReadOnly(rally)) {
            file.replay((StoredEvent e) -> events.add(e.event()));
        }
        return events;
    }

    private static Process app(Path data, Path log, List<String> jvm, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Drallylab.data=" + data));
        command.addAll(jvm);
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
