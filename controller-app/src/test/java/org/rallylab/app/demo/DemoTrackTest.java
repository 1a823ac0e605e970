package org.rallylab.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.app.race.AudienceDirector;
import org.rallylab.app.race.LoopState;
import org.rallylab.app.race.ManualTime;
import org.rallylab.app.race.QueuedExecutor;
import org.rallylab.app.race.RaceDay;
import org.rallylab.app.race.RallySession;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.schedule.LaneAssignment;
import org.rallylab.domain.state.RosterEntry;
import org.rallylab.domain.state.SectionState;
import org.rallylab.track.CompletedRace;
import org.rallylab.track.SimulatedTrack;
import org.rallylab.track.StartGate;
import org.rallylab.track.TrackStatus;

/**
 * The demo's simulated track is a place to practise: like a real one it races only when the gate
 * drops, and the next heat is staged only when the gate is closed again (issue 12).
 */
class DemoTrackTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    @TempDir
    Path folder;

    @Test
    void theDemoTrack_racesNothingUntilTheGateDrops() throws Exception {
        SimulatedTrack track = DemoSetup.simulatedTrack(1, Double.POSITIVE_INFINITY);
        try {
            BlockingQueue<TrackStatus> statuses = new LinkedBlockingQueue<>();
            track.addStatusListener(statuses::add);
            track.start();
            CompletableFuture<CompletedRace> race = track.race(new Heat(1, List.of(new LaneAssignment(1, "1"),
                    new LaneAssignment(2, "2"))), null);
            await(statuses, s -> "ARMED".equals(s.phase()), "the track armed");
            TrackStatus settled = settled(track);
            assertThat(settled.phase()).as("the gate waits for the operator").isEqualTo("ARMED");
            assertThat(settled.gateReady()).isTrue();
            assertThat(race).isNotDone();
        } finally {
            track.close();
        }
    }

    @Test
    void aSectionOnTheDemoTrack_waitsForTheOperatorAtEveryHeat() throws Exception {
        ManualTime time = new ManualTime();
        QueuedExecutor ui = new QueuedExecutor();
        RallySession session = DemoSetup.create(folder.resolve("practice.rallylab"), time, 2026,
                new DemoSetup.Counts(4, 4, 4));
        SimulatedTrack track = DemoSetup.simulatedTrack(3, Double.POSITIVE_INFINITY);
        StartGate gate = StartGate.of(track).orElseThrow();
        RaceDay day = RaceDay.start(session, track, ui, time, AudienceDirector.Timing.DEFAULT);
        try {
            SectionState beavers = session.state().findSection(DemoSetup.BEAVER_BUGGIES).orElseThrow();
            for (RosterEntry car : beavers.roster()) {
                accept(session.execute(new Command.MarkArrived(beavers.sectionId(), car.carNumber())));
            }
            accept(session.execute(new Command.StartSection(beavers.sectionId(), List.of(1, 2, 3, 4, 5, 6))));
            ui.runUntil(() -> armed(day.loop().current()), WITHIN, "heat 1 armed on the track");
            settle(track, ui);
            assertThat(day.loop().current().phase()).as("heat 1 waits for the gate").isEqualTo(LoopState.Phase.STAGED);
            assertThat(section(session, beavers).results()).isEmpty();

            gate.dropGate();
            ui.runUntil(() -> day.loop().current().phase() == LoopState.Phase.RESULTS, WITHIN, "heat 1 raced");
            assertThat(section(session, beavers).results()).containsOnlyKeys(1);
            ui.runUntil(() -> "IDLE".equals(trackOf(day).phase()), WITHIN, "the timer idle after the race");
            settle(track, ui);
            assertThat(day.loop().current().phase()).as("the results stay until the gate is reset")
                    .isEqualTo(LoopState.Phase.RESULTS);
            assertThat(section(session, beavers).heatOnTrack()).isEmpty();

            gate.resetGate();
            ui.runUntil(() -> day.loop().current().phase() == LoopState.Phase.STAGED
                    && day.loop().current().heat() == 2, WITHIN, "heat 2 staged when the gate closed");
            ui.runUntil(() -> armed(day.loop().current()), WITHIN, "heat 2 armed on the track");
            settle(track, ui);
            assertThat(section(session, beavers).results()).as("heat 2 waits for the gate too").containsOnlyKeys(1);
        } finally {
            day.close();
        }
    }

    private static boolean armed(LoopState state) {
        return state.phase() == LoopState.Phase.STAGED && state.track() != null && "ARMED".equals(state.track().phase())
                && Boolean.TRUE.equals(state.track().gateReady());
    }

    private static TrackStatus trackOf(RaceDay day) {
        TrackStatus t = day.loop().current().track();
        return t == null ? new TrackStatus(false, null, null, null, null, null) : t;
    }

    private static SectionState section(RallySession session, SectionState s) {
        return session.state().section(s.sectionId()).orElseThrow();
    }

    /** Lets the track finish what it had queued, then runs what that queued on the UI. */
    private static void settle(SimulatedTrack track, QueuedExecutor ui) throws InterruptedException {
        settled(track);
        ui.runPending();
    }

    /**
     * The track's status once it has done everything it had queued: a listener added now gets the
     * current status on the track's event thread, after the tasks already there. Twice: the first
     * time lets the task the track is in finish, the second comes after whatever that task queued
     * (a gate the track would drop by itself at once has dropped by then).
     */
    static TrackStatus settled(SimulatedTrack track) throws InterruptedException {
        firstStatus(track);
        return firstStatus(track);
    }

    private static TrackStatus firstStatus(SimulatedTrack track) throws InterruptedException {
        BlockingQueue<TrackStatus> first = new LinkedBlockingQueue<>();
        Consumer<TrackStatus> listener = first::add;
        track.addStatusListener(listener);
        TrackStatus status = first.poll(WITHIN.toSeconds(), TimeUnit.SECONDS);
        track.removeStatusListener(listener);
        assertThat(status).as("the track answered").isNotNull();
        return status;
    }

    private static void await(BlockingQueue<TrackStatus> statuses, Predicate<TrackStatus> condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (true) {
            TrackStatus s = statuses.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (s == null) {
                throw new AssertionError("no status: " + what + " within " + WITHIN);
            }
            if (condition.test(s)) {
                return;
            }
        }
    }

    private static void accept(Decision d) {
        assertThat(d).as(d.message()).isInstanceOf(Decision.Accepted.class);
    }
}
