package org.rallylab.app.race;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rallylab.app.race.RaceDayFixture.types;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.event.RaceCompleted;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.track.CompletedRace;
import org.rallylab.track.TrackRestartedException;

/** The race loop against a track the test drives by hand. */
class RaceLoopTest {

    private static final Map<Integer, Long> GOOD = Map.of(1, 2_500L, 2, 2_600L, 3, 2_700L, 4, 2_800L);

    @TempDir
    Path folder;

    private RaceDayFixture f;
    private FakeTrack track;
    private String section;

    /** Six cars checked in, the loop on a 4-lane fake track (connected, gate ready), heat 1 staged. */
    private void started() throws Exception {
        started(RaceDayFixture.create(folder));
    }

    /** The same on {@code fixture}'s rally file. */
    private void started(RaceDayFixture fixture) {
        f = fixture;
        section = f.section("Kub Kars", 6);
        IntStream.rangeClosed(1, 6).forEach(car -> f.ok(new Command.MarkArrived(section, String.valueOf(car))));
        track = new FakeTrack(4);
        f.attach(track);
        track.status(track.ready(true, "IDLE"));
        f.ok(new Command.StartSection(section, List.of(1, 2, 3, 4)));
        f.ui.runPending();
        f.newOnDisk();
    }

    private void gate(boolean ready) {
        track.status(track.ready(ready, ready ? "IDLE" : "RACING"));
        f.ui.runPending();
    }

    /** Heat on the track: the gate drops, the race comes in, the gate is closed again. */
    private CompletedRace raceHeat() {
        gate(false);
        CompletedRace race = track.finish(GOOD);
        f.ui.runPending();
        gate(true);
        return race;
    }

    private int onTrack() {
        return f.s(section).heatOnTrack().map(Heat::number).orElse(0);
    }

    @Test
    void start_asksTheTrackForHeat1WithNoRaceBefore() throws Exception {
        started();
        assertThat(track.started()).isTrue();
        assertThat(track.calls()).singleElement().satisfies(call -> {
            assertThat(call.heat()).isEqualTo(f.s(section).heat(1).orElseThrow());
            assertThat(call.after()).isNull();
        });
        assertThat(f.loop.current().phase()).isEqualTo(LoopState.Phase.STAGED);
        assertThat(f.loop.current().status()).contains("Heat 1");
    }

    @Test
    void race_thenGateClosedAgain_recordsAndStagesTheNextHeat() throws Exception {
        started();
        CompletedRace race = raceHeat();
        assertThat(types(f.newOnDisk())).containsExactly("RaceCompleted", "HeatStaged");
        assertThat(onTrack()).isEqualTo(2);
        assertThat(track.lastCall().after()).isEqualTo(race.raceId());
        assertThat(track.lastCall().heat().number()).isEqualTo(2);
    }

    @Test
    void race_gateClosedBeforeTheResultArrives_stagesTheNextHeatWithTheResult() throws Exception {
        started();
        gate(false);
        gate(true);
        assertThat(f.newOnDisk()).isEmpty();
        track.finish(GOOD);
        f.ui.runPending();
        assertThat(types(f.newOnDisk())).containsExactly("RaceCompleted", "HeatStaged");
    }

    @Test
    void race_autoAdvanceOff_waitsForNextHeat() throws Exception {
        started();
        f.loop.setAutoAdvance(false);
        raceHeat();
        assertThat(types(f.newOnDisk())).containsExactly("RaceCompleted");
        assertThat(f.loop.current().phase()).isEqualTo(LoopState.Phase.RESULTS);
        assertThat(f.loop.current().status()).contains("Heat 1 has its result", "stage heat 2");
        assertThat(f.loop.nextHeat()).isInstanceOf(Decision.Accepted.class);
        assertThat(types(f.newOnDisk())).containsExactly("HeatStaged");
    }

    @Test
    void race_allLanesDnf_nothingWrittenAndTheSameHeatRacedAgain() throws Exception {
        started();
        gate(false);
        track.finish(Map.of());
        f.ui.runPending();
        assertThat(f.newOnDisk()).isEmpty();
        assertThat(f.loop.current().notice()).contains("gate fault", "Heat 1 stays staged");
        assertThat(track.calls()).hasSize(2);
        assertThat(track.lastCall().heat().number()).isEqualTo(1);
        gate(true);
        assertThat(f.newOnDisk()).isEmpty();
        raceHeat();
        assertThat(types(f.newOnDisk())).containsExactly("RaceCompleted", "HeatStaged");
        assertThat(f.loop.current().notice()).isEmpty();
    }

    @Test
    void race_impossibleTime_heldUntilTheOperatorAccepts() throws Exception {
        started();
        gate(false);
        track.finish(Map.of(1, 400L, 2, 2_600L, 3, 2_700L, 4, 2_800L));
        f.ui.runPending();
        gate(true);
        assertThat(f.newOnDisk()).isEmpty();
        LoopState held = f.loop.current();
        assertThat(held.phase()).isEqualTo(LoopState.Phase.HELD);
        assertThat(held.held()).hasValueSatisfying(h -> {
            assertThat(h.heat()).isEqualTo(1);
            assertThat(h.message()).contains("lane 1", "0.400 s");
        });
        assertThat(track.calls()).hasSize(1); // no new race while the decision is pending
        assertThat(f.loop.acceptHeld()).isInstanceOf(Decision.Accepted.class);
        assertThat(types(f.newOnDisk())).containsExactly("RaceCompleted", "HeatStaged"); // the gate was closed already
        assertThat(f.loop.current().held()).isEmpty();
        assertThat(f.screens.all()).anySatisfy(s -> assertThat(s).isInstanceOfSatisfying(AudienceMessage.Results.class,
                r -> assertThat(r.results()).anyMatch(AudienceMessage.Finish::impossible)));
    }

    @Test
    void heldRace_rerun_writesNothingAndRacesTheHeatAgain() throws Exception {
        started();
        track.finish(Map.of(1, 0L, 2, 2_600L));
        f.ui.runPending();
        assertThat(f.loop.current().phase()).isEqualTo(LoopState.Phase.HELD);
        f.loop.rerunHeld();
        assertThat(f.newOnDisk()).isEmpty();
        assertThat(f.loop.current().phase()).isEqualTo(LoopState.Phase.STAGED);
        assertThat(track.calls()).hasSize(2);
        assertThat(track.lastCall().heat().number()).isEqualTo(1);
    }

    @Test
    void race_alreadyRecorded_ignored() throws Exception {
        started();
        f.loop.setAutoAdvance(false);
        CompletedRace first = raceHeat();
        f.loop.nextHeat();
        f.newOnDisk();
        track.finish(first);
        f.ui.runPending();
        assertThat(f.newOnDisk()).isEmpty();
        assertThat(f.loop.current().notice()).isEmpty();
        assertThat(track.lastCall().heat().number()).isEqualTo(2);
        assertThat(track.lastCall().future()).isNotDone();
    }

    /**
     * Issue 11: the track keeps answering with a race the rally already has (its race ids repeat).
     * It was asked again for ever; now the second repeat stops the asking and says what to do,
     * until the track reconnects.
     */
    @Test
    void race_trackRepeatsARecordedRace_reportedAfterTheSecondTime_issue11() throws Exception {
        started();
        f.loop.setAutoAdvance(false);
        CompletedRace first = raceHeat();
        f.loop.nextHeat();
        f.newOnDisk();
        track.finish(first);
        f.ui.runPending();
        assertThat(f.loop.current().notice()).as("once: an old race after a reconnect").isEmpty();
        int asked = track.calls().size();

        track.finish(first);
        f.ui.runPending();

        assertThat(f.loop.current().notice()).isEqualTo("The track keeps reporting race " + first.raceId()
                + ", which is already recorded, for heat 2: it repeats its race ids. Reset the track (unplug it and"
                + " plug it back in), or rank heat 2 by hand.");
        assertThat(track.calls()).as("not asked again").hasSize(asked);
        assertThat(f.newOnDisk()).isEmpty();
        f.time.advance(Duration.ofSeconds(10));
        assertThat(track.calls()).hasSize(asked);

        track.status(track.disconnected("unplugged"));
        f.ui.runPending();
        track.status(track.ready(true, "IDLE"));
        f.ui.runPending();
        assertThat(track.calls()).as("asked again after the reset").hasSize(asked + 1);
        assertThat(f.loop.current().notice()).isEmpty();
        raceHeat();
        assertThat(types(f.newOnDisk())).containsExactly("RaceCompleted");
    }

    /**
     * Issue 11: the disk fills during a race. The race is kept, not shown as recorded, the operator
     * reads that racing resumes by itself, the track is not asked again meanwhile, and once there
     * is space the same race is recorded without anyone doing anything.
     */
    @Test
    void race_diskFull_raceKeptAndRecordedByItselfOnceThereIsSpace_issue11() throws Exception {
        RaceDayFixture.DiskThatFills disk = new RaceDayFixture.DiskThatFills();
        started(RaceDayFixture.createOnDiskThatFills(folder, disk));
        disk.full = true;

        gate(false);
        CompletedRace race = track.finish(GOOD);
        f.ui.runPending();

        assertThat(f.loop.current().notice()).isEqualTo("The disk is full: free some space; racing resumes by itself.");
        assertThat(f.s(section).result(1)).as("nothing unwritten is shown as recorded").isEmpty();
        assertThat(f.newOnDisk()).isEmpty();
        assertThat(f.screens.all()).noneMatch(m -> m instanceof AudienceMessage.Results);
        assertThat(track.calls()).as("the track is not asked again meanwhile").hasSize(1);
        f.time.advance(RaceLoop.RETRY);
        assertThat(f.newOnDisk()).as("still full").isEmpty();
        assertThat(f.loop.current().notice()).startsWith("The disk is full");

        disk.full = false; // the operator deleted some files
        f.time.advance(RaceLoop.RETRY);

        assertThat(f.newOnDisk()).singleElement().isInstanceOfSatisfying(RaceCompleted.class,
                r -> assertThat(r.raceId()).isEqualTo(race.raceId()));
        assertThat(f.s(section).result(1)).isPresent();
        assertThat(f.loop.current().notice()).isEmpty();
        gate(true);
        assertThat(types(f.newOnDisk())).containsExactly("HeatStaged");
    }

    @Test
    void trackDisconnected_heatStaysStagedAndTheLoopSaysSo() throws Exception {
        started();
        track.status(track.disconnected("Lost the connection to the track on /dev/ttyACM0 (unplugged)."));
        f.ui.runPending();
        assertThat(onTrack()).isEqualTo(1);
        assertThat(f.loop.current().status()).contains("Heat 1 stays staged", "not connected", "unplugged");
        assertThat(f.overlays.last()).isInstanceOfSatisfying(AudienceMessage.TrackStatus.class, o -> {
            assertThat(o.connected()).isFalse();
            assertThat(o.message()).contains("not connected");
        });
        assertThat(track.lastCall().future()).isNotDone(); // the track re-issues its wait when it is back
        track.status(track.ready(true, "ARMED"));
        f.ui.runPending();
        assertThat(f.overlays.last()).isInstanceOf(AudienceMessage.NoOverlay.class);
        assertThat(f.loop.current().status()).contains("load the cars");
        raceHeat();
        assertThat(types(f.newOnDisk())).containsExactly("RaceCompleted", "HeatStaged");
    }

    @Test
    void dryRun_raceShownNotRecorded_heatRacedAgain() throws Exception {
        started();
        assertThat(f.loop.dryRun()).isTrue();
        gate(false);
        track.finish(Map.of(1, 2_500L, 2, 2_600L, 3, 2_700L));
        f.ui.runPending();
        gate(true);
        assertThat(f.newOnDisk()).isEmpty();
        assertThat(f.loop.current().notice()).contains("Dry run of heat 1", "lane 1 2.500 s", "lane 4 DNF");
        assertThat(track.calls()).hasSize(2);
        raceHeat();
        assertThat(types(f.newOnDisk())).containsExactly("RaceCompleted", "HeatStaged");
    }

    @Test
    void heldRace_heatChanges_heldRaceDroppedWithANotice() throws Exception {
        started();
        track.finish(Map.of(1, 0L, 2, 2_600L, 3, 2_700L, 4, 2_800L));
        f.ui.runPending();
        String car = track.lastCall().heat().cars().get(0);
        f.ok(new Command.RemoveCar(section, car, "destroyed"));
        assertThat(f.loop.current().held()).isEmpty();
        assertThat(f.loop.current().notice()).contains("held race of heat 1 was dropped");
        assertThat(track.lastCall().heat().cars()).doesNotContain(car);
    }

    @Test
    void trackFailure_raceAskedAgainAfterADelay() throws Exception {
        started();
        track.fail(new IOException("the port is gone"));
        f.ui.runPending();
        assertThat(f.loop.current().notice()).contains("could not race heat 1", "the port is gone");
        assertThat(track.calls()).hasSize(1);
        f.time.advance(Duration.ofSeconds(2));
        assertThat(track.calls()).hasSize(2);
    }

    @Test
    void trackRestartedDuringTheHeat_noticeSaysToRunItAgain_theHeatStaysStagedAndIsRacedAgain() throws Exception {
        started();
        gate(false);
        track.fail(new TrackRestartedException(1, "fault"));
        f.ui.runPending();
        assertThat(f.newOnDisk()).isEmpty();
        LoopState state = f.loop.current();
        assertThat(state.notice()).isEqualTo("The track controller restarted during heat 1 (reason: fault): run heat 1"
                + " again.");
        assertThat(state.phase()).isEqualTo(LoopState.Phase.STAGED);
        assertThat(onTrack()).isEqualTo(1);
        f.time.advance(Duration.ofSeconds(2));
        assertThat(track.calls()).hasSize(2);
        assertThat(track.lastCall().heat().number()).isEqualTo(1);

        gate(true);
        assertThat(f.newOnDisk()).as("closing the gate stages nothing: heat 1 has no result").isEmpty();
        assertThat(f.loop.current().notice()).startsWith("The track controller restarted during heat 1");
        raceHeat();
        assertThat(types(f.newOnDisk())).containsExactly("RaceCompleted", "HeatStaged");
        assertThat(f.loop.current().notice()).isEmpty();
    }

    @Test
    void stagedHeatChanges_outstandingRaceCancelledAndTheNewHeatAsked() throws Exception {
        started();
        FakeTrack.Call before = track.lastCall();
        String car = before.heat().cars().get(0);
        f.ok(new Command.RemoveCar(section, car, "disqualified"));
        f.ui.runPending();
        assertThat(before.future()).isCancelled();
        assertThat(track.lastCall().heat().cars()).doesNotContain(car);
        f.ok(new Command.ChangeLanes(section, List.of(1, 2, 3), "lane 4 is broken"));
        assertThat(track.lastCall().heat().laneNumbers()).doesNotContain(4);
    }

    @Test
    void manualRank_whileStaged_cancelsTheRaceAndWaitsForNextHeat() throws Exception {
        started();
        FakeTrack.Call call = track.lastCall();
        assertThat(f.loop.rankByHand(Map.of(1, 1, 2, 2, 3, 3, 4, 4))).isInstanceOf(Decision.Accepted.class);
        assertThat(call.future()).isCancelled();
        assertThat(types(f.newOnDisk())).containsExactly("ResultManuallyEntered");
        gate(true); // no gate cycle: nothing happens
        assertThat(f.newOnDisk()).isEmpty();
        f.loop.nextHeat();
        assertThat(types(f.newOnDisk())).containsExactly("HeatStaged");
        assertThat(track.lastCall().heat().number()).isEqualTo(2);
    }

    @Test
    void manualMode_withoutATrack_operatorEntersTimesAndPlaces() throws Exception {
        f = RaceDayFixture.create(folder);
        section = f.section("Kub Kars", 4);
        IntStream.rangeClosed(1, 4).forEach(car -> f.ok(new Command.MarkArrived(section, String.valueOf(car))));
        f.attach(null);
        f.ok(new Command.StartSection(section, List.of(1, 2)));
        f.newOnDisk();
        assertThat(f.loop.current().manual()).isTrue();
        assertThat(f.loop.current().status()).contains("no track is connected", "enter the times");
        assertThat(f.overlays.last()).isInstanceOf(AudienceMessage.NoOverlay.class);

        assertThat(f.loop.enterTimes(Map.of(1, 2_345L, 2, 2_456L))).isInstanceOf(Decision.Accepted.class);
        assertThat(f.newOnDisk()).singleElement().isInstanceOfSatisfying(RaceCompleted.class,
                r -> assertThat(r.raceId()).startsWith("manual-"));
        assertThat(f.loop.current().status()).contains("Press Next heat");
        assertThat(f.loop.nextHeat()).isInstanceOf(Decision.Accepted.class);
        assertThat(f.loop.enterTimes(Map.of(1, 20L))).isInstanceOf(Decision.Held.class);
        assertThat(f.loop.current().phase()).isEqualTo(LoopState.Phase.HELD);
        f.loop.rerunHeld();
        assertThat(f.loop.rankByHand(Map.of(1, 2, 2, 1))).isInstanceOf(Decision.Accepted.class);
        assertThat(types(f.newOnDisk())).containsExactly("HeatStaged", "ResultManuallyEntered");
        assertThat(f.loop.enterTimes(Map.of(1, 2_000L))).isInstanceOfSatisfying(Decision.Rejected.class,
                d -> assertThat(d.message()).contains("Next heat"));
    }

    @Test
    void manualModeChosen_withATrack_noRaceAskedUntilTurnedOff() throws Exception {
        started();
        FakeTrack.Call call = track.lastCall();
        f.loop.setManualMode(true);
        assertThat(call.future()).isCancelled();
        assertThat(f.loop.current().status()).contains("manual mode");
        f.loop.setManualMode(false);
        assertThat(track.calls()).hasSize(2);
    }

    @Test
    void killMidSection_reopened_sameHeatAndResults_racesWithAfterTheLastRecordedRace() throws Exception {
        started();
        raceHeat();
        CompletedRace second = raceHeat();
        assertThat(onTrack()).isEqualTo(3);
        var resultsBefore = new TreeMap<>(f.s(section).results());
        Heat heat3 = f.s(section).heat(3).orElseThrow();
        f.session.close(); // the power goes: no loop, audience or track shutdown

        RaceDayFixture g = RaceDayFixture.reopen(f.file);
        FakeTrack again = new FakeTrack(4);
        g.attach(again);
        assertThat(g.session.activeSection()).hasValueSatisfying(s -> assertThat(s.sectionId()).isEqualTo(section));
        assertThat(g.s(section).heatOnTrack()).contains(heat3);
        assertThat(g.s(section).results()).isEqualTo(resultsBefore);
        assertThat(again.calls()).singleElement().satisfies(call -> {
            assertThat(call.heat()).isEqualTo(heat3);
            assertThat(call.after()).isEqualTo(second.raceId());
        });
        assertThat(g.screens.last()).isInstanceOfSatisfying(AudienceMessage.Staging.class,
                s -> assertThat(s.heat()).isEqualTo(3));
        again.status(again.ready(false, "RACING"));
        again.finish(GOOD);
        g.ui.runPending();
        assertThat(types(g.newOnDisk())).as("%s", g.loop.current()).containsExactly("RaceCompleted");
        assertThat(g.s(section).result(3)).isPresent();
        g.assertStateIsTheFoldOfTheFile();
        g.session.close();
    }

    @Test
    void killWhileResultsShow_reopened_waitsForNextHeatThenRaces() throws Exception {
        started();
        f.loop.setAutoAdvance(false);
        CompletedRace first = raceHeat();
        f.session.close();

        RaceDayFixture g = RaceDayFixture.reopen(f.file);
        FakeTrack again = new FakeTrack(4);
        g.attach(again);
        assertThat(again.calls()).isEmpty();
        assertThat(g.loop.current().phase()).isEqualTo(LoopState.Phase.RESULTS);
        assertThat(g.screens.all()).first().isInstanceOf(AudienceMessage.Results.class);
        g.loop.nextHeat();
        assertThat(again.lastCall().after()).isEqualTo(first.raceId());
        assertThat(again.lastCall().heat().number()).isEqualTo(2);
        g.session.close();
    }

    @Test
    void nextHeat_noSectionRacing_rejected() throws Exception {
        f = RaceDayFixture.create(folder);
        f.attach(null);
        assertThat(f.loop.nextHeat()).isInstanceOf(Decision.Rejected.class);
        assertThat(f.loop.current().phase()).isEqualTo(LoopState.Phase.NO_SECTION);
        assertThat(f.loop.acceptHeld()).isInstanceOf(Decision.Rejected.class);
    }

    @Test
    void lastHeat_gateClosed_completesTheSection() throws Exception {
        started();
        int heats = f.s(section).heatCount();
        for (int i = 0; i < heats; i++) {
            raceHeat();
        }
        assertThat(f.s(section).completed()).isTrue();
        assertThat(f.loop.current().phase()).isEqualTo(LoopState.Phase.NO_SECTION);
        assertThat(track.calls()).hasSize(heats);
        f.assertStateIsTheFoldOfTheFile();
    }
}
