package org.rallylab.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.app.race.AudienceDirector;
import org.rallylab.app.race.AudienceMessage;
import org.rallylab.app.race.ManualTime;
import org.rallylab.app.race.QueuedExecutor;
import org.rallylab.app.race.RaceDay;
import org.rallylab.app.race.RallySession;
import org.rallylab.app.race.Recorder;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.SectionStarted;
import org.rallylab.domain.state.SectionState;
import org.rallylab.store.RallyFile;
import org.rallylab.store.StoredEvent;
import org.rallylab.track.SimulatedTrack;

class AutopilotTest {

    @TempDir
    Path folder;

    @Test
    void demoRally_racedUnattendedOnTheSimulatedTrack_everySectionComplete() throws Exception {
        ManualTime time = new ManualTime();
        QueuedExecutor ui = new QueuedExecutor();
        Path file = folder.resolve("demo.rallylab");
        RallySession session = DemoSetup.create(file, time, 2026, DemoSetup.Counts.DEFAULT);
        SimulatedTrack track = DemoSetup.simulatedTrack(2026, Double.POSITIVE_INFINITY);
        RaceDay day = RaceDay.start(session, track, ui, time, AudienceDirector.Timing.DEFAULT);
        Recorder<AudienceMessage.Screen> screens = new Recorder<>();
        day.audience().screens().subscribe(Runnable::run, screens);
        Recorder<String> progress = new Recorder<>();
        Autopilot autopilot = Autopilot.forDay(day, ui, time, Autopilot.Pace.INSTANT, progress);
        CompletableFuture<Void> done = autopilot.start();
        assertThat(track.isAutomatic()).as("the autopilot's crew works the demo track's gate").isTrue();
        ui.runUntil(done::isDone, Duration.ofSeconds(60), "the autopilot to finish");
        assertThat(done).isCompleted();
        assertThat(track.isAutomatic()).as("the gate is the operator's again").isFalse();

        assertThat(session.state().sections()).allMatch(SectionState::completed);
        List<DomainEvent> log = session.events().stream().map(StoredEvent::event).toList();
        assertThat(log).filteredOn(e -> e.type().equals("RerunDeclared")).hasSize(1);
        assertThat(log).filteredOn(e -> e.type().equals("ResultManuallyEntered")).hasSize(1);
        assertThat(log).filteredOn(e -> e instanceof SectionStarted).extracting(e -> ((SectionStarted) e).availableLanes())
                .containsExactly(List.of(1, 2, 3, 4, 5, 6), List.of(1, 2, 3, 4, 5, 6), List.of(1, 3, 5));
        assertThat(progress.all()).anyMatch(line -> line.contains("re-run"))
                .anyMatch(line -> line.contains("ranked by hand"))
                .last().isEqualTo("Every section is complete.");
        assertThat(screens.all()).anyMatch(s -> s instanceof AudienceMessage.Staging)
                .anyMatch(s -> s instanceof AudienceMessage.Results);
        day.close();

        try (RallyFile reader = RallyFile.openReadOnly(file)) {
            assertThat(reader.verify().ok()).isTrue();
            assertThat(reader.rebuild().sections()).allMatch(SectionState::completed);
        }
    }

    @Test
    void aRallyReopenedWhileAHeatsResultsShow_isRacedOnToTheEnd() throws Exception {
        ManualTime time = new ManualTime();
        QueuedExecutor ui = new QueuedExecutor();
        Path file = folder.resolve("reopened.rallylab");
        try (RallySession before = DemoSetup.create(file, time, 2026, new DemoSetup.Counts(4, 4, 4))) {
            SectionState beavers = before.state().findSection(DemoSetup.BEAVER_BUGGIES).orElseThrow();
            beavers.roster().forEach(car -> before.execute(new Command.MarkArrived(beavers.sectionId(), car.carNumber())));
            before.execute(new Command.StartSection(beavers.sectionId(), List.of(1, 2, 3, 4, 5, 6)));
            SectionState started = before.state().section(beavers.sectionId()).orElseThrow();
            Map<Integer, Long> times = new java.util.HashMap<>();
            started.heatOnTrack().orElseThrow().laneNumbers().forEach(lane -> times.put(lane, 2_500L + lane));
            assertThat(before.execute(new Command.RecordRace(beavers.sectionId(), 1, "race-before-the-plug", times,
                    null, null, false))).isInstanceOf(Decision.Accepted.class);
        }
        // the laptop came back (or another one restored the rally): heat 1's results are showing, and a
        // fresh track session never saw its gate open, so no gate reset will stage heat 2
        RallySession session = RallySession.open(file, time);
        SimulatedTrack track = DemoSetup.simulatedTrack(7, Double.POSITIVE_INFINITY);
        RaceDay day = RaceDay.start(session, track, ui, time, AudienceDirector.Timing.DEFAULT);
        Autopilot autopilot = Autopilot.forDay(day, ui, time, Autopilot.Pace.INSTANT, new Recorder<>());
        CompletableFuture<Void> done = autopilot.start();
        ui.runUntil(done::isDone, Duration.ofSeconds(60), "the autopilot to finish the reopened rally");
        assertThat(done).isCompleted();
        assertThat(session.state().sections()).allMatch(SectionState::completed);
        day.close();
    }

    @Test
    void stoppedMidSection_theDemoTrackWaitsForTheOperatorAgain() throws Exception {
        ManualTime time = new ManualTime();
        QueuedExecutor ui = new QueuedExecutor();
        RallySession session = DemoSetup.create(folder.resolve("stopped.rallylab"), time, 2026,
                new DemoSetup.Counts(4, 4, 4));
        SimulatedTrack track = DemoSetup.simulatedTrack(5, Double.POSITIVE_INFINITY);
        RaceDay day = RaceDay.start(session, track, ui, time, AudienceDirector.Timing.DEFAULT);
        Autopilot autopilot = Autopilot.forDay(day, ui, time, Autopilot.Pace.INSTANT, new Recorder<>());
        autopilot.start();
        ui.runUntil(() -> session.state().findSection(DemoSetup.BEAVER_BUGGIES).orElseThrow().results().size() >= 2,
                Duration.ofSeconds(60), "two heats raced by the autopilot");
        autopilot.close();
        assertThat(track.isAutomatic()).isFalse();
        assertThat(autopilot.done()).isNotDone();
        day.close();
    }
}
