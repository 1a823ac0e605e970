package org.rallylab.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.app.settings.OpenRallyMarker;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.RaceCompleted;
import org.rallylab.domain.scoring.Scoring;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.SectionState;
import org.rallylab.domain.testing.Await;

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
    void relaunch_killedMidSection_showsTheSameSectionHeatAndResultsWithTheTrackBack() throws Exception {
        Path data = Files.createDirectories(folder.resolve("data"));
        Path rally = folder.resolve("killed.rallylab");
        Process first = AppProcess.start(data, folder.resolve("first.log"), List.of(), "--demo", "--rally", rally.toString(),
                "--autopilot", "--speed", "30", "--counts", "4,8,4");
        try {
            AppProcess.awaitRaces(rally, "Kub Kars", 3, first);
        } finally {
            AppProcess.pullThePlug(first);
        }
        assertThat(new OpenRallyMarker(data).leftOpen()).as("the killed app left its marker").isPresent();
        List<DomainEvent> atKill = AppProcess.events(rally);
        RallyState state = RallyState.replay(atKill);
        SectionState kubKars = state.findSection("Kub Kars").orElseThrow();
        assertThat(kubKars.started()).isTrue();
        assertThat(kubKars.completed()).as("killed mid-section").isFalse();

        Path probe = folder.resolve("probe.json");
        Process second = AppProcess.start(data, folder.resolve("second.log"), List.of("-Drallylab.probe=" + probe,
                "-Drallylab.probe.exit=true", "-Drallylab.probe.when=track"));
        assertThat(second.waitFor(Await.timeout().toSeconds(), TimeUnit.SECONDS)).as("relaunched app reports and exits")
                .isTrue();
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
        List<DomainEvent> after = AppProcess.events(rally);
        assertThat(after.subList(0, atKill.size())).isEqualTo(atKill);
        List<String> raceIds = after.stream().filter(RaceCompleted.class::isInstance)
                .map(e -> ((RaceCompleted) e).raceId()).toList();
        assertThat(raceIds).doesNotHaveDuplicates();
        // the standings the relaunched app shows are the standings at the kill (plus a race the track
        // delivered after the relaunch, if one was in flight)
        assertThat(report.path("standings")).isEqualTo(standingsJson(after.size() == atKill.size() ? state
                : RallyState.replay(after.subList(0, (int) report.path("events").asLong()))));
    }

    /** Section name -> "rank car average" lines, the way StartProbe reports what the app shows. */
    static JsonNode standingsJson(RallyState state) {
        var json = JSON.createObjectNode();
        for (SectionState section : state.sections()) {
            var lines = json.putArray(section.sectionName());
            Scoring.standings(section).entries().forEach(e -> lines.add(e.rank() + " " + e.carNumber() + " "
                    + e.avgTimeMs()));
        }
        return json;
    }
}
