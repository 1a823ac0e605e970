package org.rallylab.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rallylab.track.Heats.heat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.schedule.LaneAssignment;

class SimulatedTrackTest {

    private static final Duration WITHIN = Duration.ofSeconds(10);

    private static SimulatedTrack instant(long seed) {
        return SimulatedTrack.builder().seed(seed).lanes(4).speedFactor(Double.POSITIVE_INFINITY).build();
    }

    private static List<CompletedRace> raceFive(SimulatedTrack track) {
        List<CompletedRace> races = new ArrayList<>();
        String after = null;
        for (int n = 1; n <= 5; n++) {
            Heat heat = new Heat(n, List.of(new LaneAssignment(1, "A" + n), new LaneAssignment(2, "B"),
                    new LaneAssignment(4, "C" + (n % 2))));
            CompletedRace race = track.race(heat, after).join();
            races.add(race);
            after = race.raceId();
        }
        return races;
    }

    @Test
    void race_sameSeed_sameIdsAndTimes() {
        try (SimulatedTrack one = instant(42); SimulatedTrack two = instant(42)) {
            one.start();
            two.start();
            assertThat(raceFive(one)).isEqualTo(raceFive(two));
        }
    }

    @Test
    void race_differentSeeds_differentTimes() {
        try (SimulatedTrack one = instant(42); SimulatedTrack two = instant(43)) {
            one.start();
            two.start();
            assertThat(raceFive(one).get(0).timesUs()).isNotEqualTo(raceFive(two).get(0).timesUs());
        }
    }

    @Test
    void race_ids_uuidVersionFourAllDifferent() {
        try (SimulatedTrack track = instant(1)) {
            track.start();
            List<CompletedRace> races = raceFive(track);
            assertThat(races).extracting(CompletedRace::raceId).doesNotHaveDuplicates().allSatisfy(id -> {
                UUID uuid = UUID.fromString(id);
                assertThat(uuid.version()).isEqualTo(4);
                assertThat(uuid.variant()).isEqualTo(2);
            });
        }
    }

    @Test
    void race_times_plausibleWithMicrosecondsAndMillisecondsAgreeing() {
        try (SimulatedTrack track = instant(5)) {
            track.start();
            for (CompletedRace race : raceFive(track)) {
                assertThat(race.timesMs()).containsOnlyKeys(1, 2, 4);
                assertThat(race.raceTimeoutMs()).isEqualTo(10000);
                race.timesMs().forEach((lane, ms) -> {
                    assertThat(ms).isBetween(2000L, 3800L);
                    assertThat(ms).isEqualTo((race.timesUs().get(lane) + 500) / 1000);
                });
            }
        }
    }

    @Test
    void race_dnfProbabilityOne_everyLaneDnf() {
        try (SimulatedTrack track = SimulatedTrack.builder().speedFactor(Double.POSITIVE_INFINITY).dnfProbability(1)
                .raceTimeout(Duration.ofSeconds(1)).build()) {
            track.start();
            CompletedRace race = track.race(heat(1, 1, 2), null).join();
            assertThat(race.timesMs()).isEmpty();
            assertThat(race.timesUs()).isEmpty();
        }
    }

    @Test
    void profile_sameCarSameProfile_differentCarsDiffer() {
        RaceModel model = new RaceModel(9, Map.of(), 0);
        assertThat(model.profile("B100")).isEqualTo(new RaceModel(9, Map.of(), 0).profile("B100"));
        assertThat(model.profile("B100")).isNotEqualTo(model.profile("B101"));
        assertThat(model.profile("B100").baseMs()).isBetween(2400.0, 3400.0);
        assertThat(model.profile("B100").spreadMs()).isBetween(5.0, 60.0);
    }

    @Test
    void laneBias_slowsThatLaneByAboutTheBias() {
        RaceModel model = new RaceModel(11, Map.of(2, 100.0), 0);
        double lane1 = 0;
        double lane2 = 0;
        int runs = 200;
        for (int i = 0; i < runs; i++) {
            lane1 += model.next(new Heat(1, List.of(new LaneAssignment(1, "car"))), 10000).timesUs().get(1);
            lane2 += model.next(new Heat(1, List.of(new LaneAssignment(2, "car"))), 10000).timesUs().get(2);
        }
        double differenceMs = (lane2 - lane1) / runs / 1000;
        assertThat(differenceMs).isBetween(80.0, 120.0);
    }

    @Test
    void status_aRace_armedRacingLanesTriggeredThenIdle() throws Exception {
        try (SimulatedTrack track = SimulatedTrack.builder().seed(3).speedFactor(200).build()) {
            StatusRecorder statuses = new StatusRecorder();
            track.addStatusListener(statuses);
            track.start();
            TrackStatus connected = statuses.awaitConnected();
            assertThat(connected.device()).isEqualTo("Simulated track, 4 lanes (seed 3)");
            assertThat(connected.message()).startsWith("Demo mode");
            CompletableFuture<CompletedRace> race = track.race(heat(1, 1, 3), null);
            statuses.await(s -> "ARMED".equals(s.phase()) && Boolean.TRUE.equals(s.gateReady()), "armed");
            statuses.await(s -> "RACING".equals(s.phase()) && Boolean.FALSE.equals(s.gateReady()), "racing");
            statuses.await(s -> Boolean.TRUE.equals(s.lanesTriggered().get(1)) || Boolean.TRUE.equals(s.lanesTriggered().get(3)),
                    "a lane triggered");
            statuses.await(s -> "IDLE".equals(s.phase()) && !s.lanesTriggered().containsValue(true), "idle");
            assertThat(race).succeedsWithin(WITHIN);
            assertThat(statuses.threads()).containsOnly("track-simulated");
        }
    }

    @Test
    void cancelRace_whileArmed_futureCancelledAndTrackIdle() throws Exception {
        try (SimulatedTrack track = SimulatedTrack.builder().gateDelay(Duration.ofHours(1)).build()) {
            StatusRecorder statuses = new StatusRecorder();
            track.addStatusListener(statuses);
            track.start();
            CompletableFuture<CompletedRace> race = track.race(heat(1, 1, 2), null);
            statuses.await(s -> "ARMED".equals(s.phase()), "armed");
            track.cancelRace();
            assertThat(race).failsWithin(WITHIN).withThrowableOfType(CancellationException.class);
            statuses.await(s -> "IDLE".equals(s.phase()), "idle");
        }
    }

    @Test
    void cancelRace_whileRacing_thatRaceNeverDelivered() throws Exception {
        String firstId;
        try (SimulatedTrack reference = instant(21)) {
            reference.start();
            firstId = reference.race(heat(1, 1, 2), null).join().raceId();
        }
        try (SimulatedTrack track = SimulatedTrack.builder().seed(21).speedFactor(20).gateDelay(Duration.ZERO).build()) {
            StatusRecorder statuses = new StatusRecorder();
            track.addStatusListener(statuses);
            track.start();
            CompletableFuture<CompletedRace> cancelled = track.race(heat(1, 1, 2), null);
            statuses.await(s -> "RACING".equals(s.phase()), "racing");
            track.cancelRace();
            assertThat(cancelled).failsWithin(WITHIN);
            CompletableFuture<CompletedRace> next = track.race(heat(2, 1, 2), null);
            assertThat(next).succeedsWithin(WITHIN).extracting(CompletedRace::raceId).isNotEqualTo(firstId);
        }
    }

    @Test
    void race_afterTheLastRace_armsANewRace() {
        try (SimulatedTrack track = instant(8)) {
            track.start();
            CompletedRace first = track.race(heat(1, 1, 2), null).join();
            CompletedRace second = track.race(heat(2, 1, 2), first.raceId()).join();
            assertThat(second.raceId()).isNotEqualTo(first.raceId());
        }
    }

    @Test
    void race_beforeStart_waitsForStart() {
        try (SimulatedTrack track = instant(4)) {
            CompletableFuture<CompletedRace> race = track.race(heat(1, 1), null);
            assertThat(track.status().connected()).isFalse();
            track.start();
            assertThat(race).succeedsWithin(WITHIN);
        }
    }

    @Test
    void race_laneBeyondTheTrack_rejected() {
        try (SimulatedTrack track = instant(4)) {
            assertThatThrownBy(() -> track.race(heat(7, 1, 5), null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("heat 7 uses lane 5, which is not on this 4-lane track");
        }
    }

    @Test
    void builder_impossibleSettings_rejected() {
        assertThatThrownBy(() -> SimulatedTrack.builder().lanes(9)).hasMessageContaining("1 to 8 lanes");
        assertThatThrownBy(() -> SimulatedTrack.builder().speedFactor(0)).hasMessageContaining("speed factor");
        assertThatThrownBy(() -> SimulatedTrack.builder().dnfProbability(1.5)).hasMessageContaining("DNF probability");
        assertThatThrownBy(() -> SimulatedTrack.builder().laneBias(0, 5)).hasMessageContaining("lane 0");
    }

    @Test
    void close_outstandingRaceCancelled() {
        SimulatedTrack track = SimulatedTrack.builder().gateDelay(Duration.ofHours(1)).build();
        track.start();
        CompletableFuture<CompletedRace> race = track.race(heat(1, 1), null);
        track.close();
        assertThat(race).failsWithin(WITHIN).withThrowableOfType(CancellationException.class);
    }

    // ---- the gate: a real track waits for the track operator; so does an operated simulated one ----

    /** A 4-lane track whose gate waits for dropGate and resetGate; races take no time. */
    private static SimulatedTrack operated(long seed) {
        return SimulatedTrack.builder().seed(seed).lanes(4).speedFactor(Double.POSITIVE_INFINITY)
                .automaticGate(false).build();
    }

    /**
     * The track's status once it has done everything it had queued: a listener added now gets the
     * current status on the track's event thread, after the tasks already there. Twice: the first
     * time lets the task the track is in finish, the second comes after whatever that task queued
     * (a gate the track would drop by itself at once has dropped by then).
     */
    private static TrackStatus settled(SimulatedTrack track) throws InterruptedException {
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

    @Test
    void operatedGate_anArmedRaceWaitsForTheGate_thenRaces_andTheGateStaysOpenUntilReset() throws Exception {
        try (SimulatedTrack track = operated(12)) {
            StatusRecorder statuses = new StatusRecorder();
            track.addStatusListener(statuses);
            track.start();
            CompletableFuture<CompletedRace> race = track.race(heat(1, 1, 3), null);
            statuses.await(s -> "ARMED".equals(s.phase()) && Boolean.TRUE.equals(s.gateReady()), "armed, gate closed");
            assertThat(settled(track)).as("nothing races until the gate drops")
                    .satisfies(s -> assertThat(s.phase()).isEqualTo("ARMED"))
                    .satisfies(s -> assertThat(s.gateReady()).isTrue());
            assertThat(race).isNotDone();

            track.dropGate();
            statuses.await(s -> "RACING".equals(s.phase()) && Boolean.FALSE.equals(s.gateReady()), "racing");
            assertThat(race).succeedsWithin(WITHIN);
            statuses.await(s -> "IDLE".equals(s.phase()), "idle");
            assertThat(settled(track).gateReady()).as("the gate stays open after the race").isFalse();

            track.resetGate();
            statuses.await(s -> "IDLE".equals(s.phase()) && Boolean.TRUE.equals(s.gateReady()), "gate closed again");
        }
    }

    @Test
    void operatedGate_aHeatArmedWhileTheGateIsOpen_waitsForTheResetThenTheDrop() throws Exception {
        try (SimulatedTrack track = operated(13)) {
            StatusRecorder statuses = new StatusRecorder();
            track.addStatusListener(statuses);
            track.start();
            CompletableFuture<CompletedRace> first = track.race(heat(1, 1, 2), null);
            statuses.await(s -> "ARMED".equals(s.phase()), "armed");
            track.dropGate();
            CompletedRace one = first.get(WITHIN.toSeconds(), TimeUnit.SECONDS);

            CompletableFuture<CompletedRace> second = track.race(heat(2, 1, 2), one.raceId());
            statuses.await(s -> "ARMED".equals(s.phase()) && Boolean.FALSE.equals(s.gateReady()), "armed, gate open");
            track.dropGate(); // it is open already: nothing starts
            assertThat(settled(track).phase()).isEqualTo("ARMED");
            assertThat(second).isNotDone();

            track.resetGate();
            statuses.await(s -> "ARMED".equals(s.phase()) && Boolean.TRUE.equals(s.gateReady()), "armed, gate closed");
            track.dropGate();
            assertThat(second).succeedsWithin(WITHIN).extracting(CompletedRace::raceId).isNotEqualTo(one.raceId());
        }
    }

    @Test
    void operatedGate_resetWhileTheCarsRun_ignored() throws Exception {
        try (SimulatedTrack track = SimulatedTrack.builder().automaticGate(false).dnfProbability(1)
                .raceTimeout(Duration.ofHours(1)).build()) {
            StatusRecorder statuses = new StatusRecorder();
            track.addStatusListener(statuses);
            track.start();
            CompletableFuture<CompletedRace> race = track.race(heat(1, 1, 2), null);
            statuses.await(s -> "ARMED".equals(s.phase()), "armed");
            track.dropGate();
            statuses.await(s -> "RACING".equals(s.phase()), "racing");
            track.resetGate();
            TrackStatus now = settled(track);
            assertThat(now.phase()).isEqualTo("RACING");
            assertThat(now.gateReady()).as("the gate stays open while the cars run").isFalse();
            assertThat(race).isNotDone();
        }
    }

    @Test
    void operatedGate_droppedWithNoRaceArmed_opensAndTimesNothing() throws Exception {
        try (SimulatedTrack track = operated(14)) {
            StatusRecorder statuses = new StatusRecorder();
            track.addStatusListener(statuses);
            track.start();
            statuses.await(s -> "IDLE".equals(s.phase()) && Boolean.TRUE.equals(s.gateReady()), "idle");
            track.dropGate();
            statuses.await(s -> "IDLE".equals(s.phase()) && Boolean.FALSE.equals(s.gateReady()), "gate open, idle");
            track.resetGate();
            statuses.await(s -> Boolean.TRUE.equals(s.gateReady()), "gate closed");
            CompletableFuture<CompletedRace> race = track.race(heat(1, 1), null);
            statuses.await(s -> "ARMED".equals(s.phase()), "armed");
            assertThat(race).as("the drop with nothing armed timed no race").isNotDone();
        }
    }

    @Test
    void automatic_turnedOn_closesAnOpenGate_andRacesWithoutTheOperator() throws Exception {
        try (SimulatedTrack track = operated(15)) {
            assertThat(track.isAutomatic()).isFalse();
            StatusRecorder statuses = new StatusRecorder();
            track.addStatusListener(statuses);
            track.start();
            CompletableFuture<CompletedRace> first = track.race(heat(1, 1, 2), null);
            statuses.await(s -> "ARMED".equals(s.phase()), "armed");
            track.dropGate();
            CompletedRace one = first.get(WITHIN.toSeconds(), TimeUnit.SECONDS);
            statuses.await(s -> "IDLE".equals(s.phase()) && Boolean.FALSE.equals(s.gateReady()), "gate left open");

            track.setAutomatic(true);
            assertThat(track.isAutomatic()).isTrue();
            statuses.await(s -> Boolean.TRUE.equals(s.gateReady()), "the crew closed the gate");
            assertThat(track.race(heat(2, 1, 2), one.raceId())).as("the crew drops the gate")
                    .succeedsWithin(WITHIN);
            statuses.await(s -> "IDLE".equals(s.phase()) && Boolean.TRUE.equals(s.gateReady()),
                    "the crew closed the gate after the race");
        }
    }

    @Test
    void automatic_turnedOnWhileArmed_dropsTheGate_turnedOff_theNextRaceWaits() throws Exception {
        try (SimulatedTrack track = operated(16)) {
            StatusRecorder statuses = new StatusRecorder();
            track.addStatusListener(statuses);
            track.start();
            CompletableFuture<CompletedRace> first = track.race(heat(1, 1, 2), null);
            statuses.await(s -> "ARMED".equals(s.phase()), "armed");
            track.setAutomatic(true);
            CompletedRace one = first.get(WITHIN.toSeconds(), TimeUnit.SECONDS);

            track.setAutomatic(false);
            CompletableFuture<CompletedRace> second = track.race(heat(2, 1, 2), one.raceId());
            statuses.await(s -> "ARMED".equals(s.phase()), "armed again");
            assertThat(settled(track).phase()).isEqualTo("ARMED");
            assertThat(second).isNotDone();
        }
    }

    @Test
    void automaticGate_unlessSetOtherwise_theCrewWorksTheGate() throws Exception {
        try (SimulatedTrack track = instant(17)) {
            assertThat(track.isAutomatic()).isTrue();
            assertThat(StartGate.of(track)).contains(track);
        }
    }
}
