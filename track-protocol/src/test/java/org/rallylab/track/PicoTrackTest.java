package org.rallylab.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rallylab.track.Heats.heat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rallylab.domain.testing.Await;
import org.rallylab.track.protocol.FakePico;

class PicoTrackTest {

    private static final Duration WITHIN = Await.timeout();
    private static final String REFUSAL = "This track controller speaks protocol 1.0; RallyLab needs 2.x: update the "
            + "Pico's firmware (see pico-firmware/README.md).";

    private final FakePico pico = new FakePico(4);
    private final RecordingDelays delays = new RecordingDelays(Duration.ofSeconds(10));
    private final StatusRecorder statuses = new StatusRecorder();
    private final PicoTrack track = new PicoTrack(pico.transports(),
            new PicoTrack.Settings(Duration.ofSeconds(5), Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30)),
            delays, new Random(7));

    @AfterEach
    void close() {
        track.close();
    }

    private void connect() throws InterruptedException {
        track.addStatusListener(statuses);
        track.start();
        statuses.awaitConnected();
    }

    private static List<String> commands(List<ObjectNode> requests) {
        return requests.stream().map(r -> r.get("cmd").asText()).toList();
    }

    @Test
    void start_compatibleDevice_probesResetsSubscribesThenConnected() throws Exception {
        track.addStatusListener(statuses);
        track.start();
        TrackStatus status = statuses.await(s -> s.connected() && s.phase() != null && s.lanesTriggered().size() == 4,
                "with the device's state");
        assertThat(status.device()).isEqualTo("RallyLab Pico, firmware rallylab-pico 0.1.0, 4 lanes");
        assertThat(status.message()).isEqualTo("Connected to the track on fake pico (host end).");
        assertThat(status.gateReady()).isTrue();
        assertThat(status.lanesTriggered()).isEqualTo(Map.of(1, false, 2, false, 3, false, 4, false));
        assertThat(status.phase()).isEqualTo("IDLE");
        assertThat(track.laneCount()).isEqualTo(4);
        assertThat(commands(pico.requests())).startsWith("info", "reset", "subscribe", "subscribe", "subscribe", "subscribe");
        assertThat(pico.requests("subscribe")).extracting(r -> r.get("topics").get(0).asText())
                .containsExactlyInAnyOrder("gate", "lanes", "race", "engine");
    }

    @Test
    void start_protocolOne_refusedWithUpdateMessageAndNoQuickRetry() throws Exception {
        pico.protocol("1.0");
        track.addStatusListener(statuses);
        track.start();
        TrackStatus refused = statuses.await(s -> REFUSAL.equals(s.message()), "refusing protocol 1.0");
        assertThat(refused.connected()).isFalse();
        assertThat(commands(pico.requests())).containsExactly("info");
        assertThat(delays.requested()).containsExactly(Duration.ofSeconds(30));
        assertThat(delays.heldCount()).isEqualTo(1);
        assertThat(pico.connections()).isEqualTo(1);

        pico.protocol("2.0");
        delays.releaseHeld();
        statuses.awaitConnected();
        assertThat(pico.connections()).isEqualTo(2);
    }

    @Test
    void start_noPicoPluggedIn_retriesWithGrowingDelaysUntilItIs() throws Exception {
        pico.unplug();
        track.addStatusListener(statuses);
        track.start();
        TrackStatus missing = statuses.await(s -> s.message().startsWith("Cannot connect"), "cannot connect");
        assertThat(missing.message()).startsWith("Cannot connect to the track on serial port /dev/fake-pico: serial "
                + "port /dev/fake-pico does not exist: is the Pico plugged in? Trying again in 0.");
        pico.awaitConnections(4);
        pico.plugIn();
        statuses.awaitConnected();

        List<Duration> waits = delays.requested();
        assertThat(waits).hasSizeGreaterThanOrEqualTo(3);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(160), Duration.ofMillis(240));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(320), Duration.ofMillis(480));
        assertThat(waits.get(2)).isBetween(Duration.ofMillis(640), Duration.ofMillis(960));
        assertThat(waits).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(5)));
    }

    @Test
    void status_gateLaneAndEngineEvents_shownInOrderOnTheEventThread() throws Exception {
        connect();
        track.race(heat(1, 1, 2), null);
        pico.awaitWaiters(1);
        statuses.await(s -> "ARMED".equals(s.phase()), "armed");
        pico.dropGate();
        statuses.await(s -> "RACING".equals(s.phase()) && Boolean.FALSE.equals(s.gateReady()), "racing, gate open");
        pico.finish(2, 2_100_000);
        statuses.await(s -> Boolean.TRUE.equals(s.lanesTriggered().get(2)) && Boolean.FALSE.equals(s.lanesTriggered().get(1)),
                "lane 2 triggered");
        pico.finish(1, 2_200_000);
        statuses.await(s -> "IDLE".equals(s.phase()) && Boolean.TRUE.equals(s.gateReady()), "idle, gate ready");
        assertThat(statuses.threads()).containsOnly("track-pico");
    }

    @Test
    void race_noAfterAndAnEmptyTrack_armsTheHeatsLanesAndDeliversTheRace() throws Exception {
        connect();
        CompletableFuture<CompletedRace> race = track.race(heat(1, 1, 3), null);
        ObjectNode wait = pico.awaitRequest("wait_race", 1);
        assertThat(wait.get("lanes").asText()).isEqualTo("13");
        assertThat(wait.has("after")).isFalse();
        pico.awaitWaiters(1);
        String id = pico.run(Map.of(1, 2_345_678L, 3, 2_400_499L));

        assertThat(race).succeedsWithin(WITHIN).satisfies(r -> {
            assertThat(r.raceId()).isEqualTo(id);
            assertThat(r.timesMs()).isEqualTo(Map.of(1, 2346L, 3, 2400L));
            assertThat(r.timesUs()).isEqualTo(Map.of(1, 2_345_678L, 3, 2_400_499L));
            assertThat(r.raceTimeoutMs()).isEqualTo(10000);
        });
    }

    @Test
    void race_laneDidNotFinish_missingFromTimes() throws Exception {
        connect();
        CompletableFuture<CompletedRace> race = track.race(heat(1, 1, 2, 3), null);
        pico.awaitWaiters(1);
        pico.run(Map.of(2, 2_500_000L));
        assertThat(race).succeedsWithin(WITHIN).satisfies(r -> assertThat(r.timesMs()).containsOnlyKeys(2));
    }

    @Test
    void race_trackHasARaceFromBeforeAndNoAfter_thatRaceIsNotDelivered() throws Exception {
        pico.lastRace("old-race", "1234", Map.of(1, 3_000_000L));
        connect();
        CompletableFuture<CompletedRace> race = track.race(heat(1, 1, 2), null);
        assertThat(pico.awaitRequest("wait_race", 1).get("after").asText()).isEqualTo("old-race");
        pico.awaitWaiters(1);
        String id = pico.run(Map.of(1, 2_000_000L, 2, 2_100_000L));
        assertThat(race).succeedsWithin(WITHIN).extracting(CompletedRace::raceId).isEqualTo(id);
    }

    @Test
    void race_afterDiffersFromTheTracksLastRace_thatRaceDeliveredAtOnce() throws Exception {
        pico.lastRace("finished-while-away", "13", Map.of(1, 2_000_000L, 3, 2_100_000L));
        connect();
        CompletableFuture<CompletedRace> first = track.race(heat(4, 1, 3), "recorded-before");
        assertThat(first).succeedsWithin(WITHIN).extracting(CompletedRace::raceId).isEqualTo("finished-while-away");
        assertThat(pico.awaitRequest("wait_race", 1).get("after").asText()).isEqualTo("recorded-before");

        CompletableFuture<CompletedRace> second = track.race(heat(5, 1, 3), "recorded-before");
        assertThat(pico.awaitRequest("wait_race", 2).get("after").asText()).isEqualTo("finished-while-away");
        pico.awaitWaiters(1);
        assertThat(pico.phase()).isEqualTo("ARMED");
        assertThat(second).isNotDone();
    }

    @Test
    void race_afterIsTheTracksLastRace_armsAndWaits() throws Exception {
        pico.lastRace("r-1", "12", Map.of(1, 2_000_000L));
        connect();
        CompletableFuture<CompletedRace> race = track.race(heat(2, 1, 2), "r-1");
        pico.awaitWaiters(1);
        assertThat(pico.phase()).isEqualTo("ARMED");
        assertThat(race).isNotDone();
        assertThat(pico.requests("state")).isEmpty();
    }

    @Test
    void race_trackAnswersWithARaceAlreadySeen_droppedAndTheWaitSentAfterIt() throws Exception {
        connect();
        CompletableFuture<CompletedRace> first = track.race(heat(1, 1, 2), null);
        pico.awaitWaiters(1);
        String firstId = pico.run(Map.of(1, 2_000_000L, 2, 2_100_000L));
        assertThat(first).succeedsWithin(WITHIN);

        AtomicBoolean once = new AtomicBoolean();
        pico.override("wait_race", request -> {
            pico.clearOverride("wait_race");
            once.set(true);
            return "{\"id\":" + request.get("id") + ",\"ok\":{\"race_id\":\"" + firstId
                    + "\",\"lanes\":\"12\",\"times_ms\":{\"1\":2000},\"times_us\":{\"1\":2000000}}}";
        });
        CompletableFuture<CompletedRace> second = track.race(heat(2, 1, 2), firstId);
        ObjectNode again = pico.awaitRequest("wait_race", 3);
        assertThat(once).isTrue();
        assertThat(again.get("after").asText()).isEqualTo(firstId);
        pico.awaitWaiters(1);
        String secondId = pico.run(Map.of(1, 2_050_000L, 2, 2_150_000L));
        assertThat(second).succeedsWithin(WITHIN).extracting(CompletedRace::raceId).isEqualTo(secondId);
    }

    @Test
    void race_tracksLastRaceRanOtherLanes_droppedAndTheWaitSentAfterIt() throws Exception {
        pico.lastRace("other-heat", "1234", Map.of(1, 2_000_000L));
        connect();
        CompletableFuture<CompletedRace> race = track.race(heat(3, 1, 3), "recorded-before");
        ObjectNode again = pico.awaitRequest("wait_race", 2);
        assertThat(again.get("after").asText()).isEqualTo("other-heat");
        pico.awaitWaiters(1);
        assertThat(race).isNotDone();
    }

    @Test
    void race_unpluggedMidWaitAndTheRaceRunsMeanwhile_deliveredOnceAfterReconnect() throws Exception {
        connect();
        CompletableFuture<CompletedRace> race = track.race(heat(1, 1, 2), null);
        pico.awaitWaiters(1);
        pico.unplug();
        TrackStatus lost = statuses.awaitDisconnected();
        assertThat(lost.message()).startsWith("Lost the connection to the track on fake pico (host end) (the Pico was "
                + "unplugged). Reconnecting");
        assertThat(lost.gateReady()).isNull();
        String id = pico.run(Map.of(1, 2_222_000L, 2, 2_333_000L));
        assertThat(race).isNotDone();

        pico.plugIn();
        statuses.awaitConnected();
        assertThat(race).succeedsWithin(WITHIN).extracting(CompletedRace::raceId).isEqualTo(id);

        CompletableFuture<CompletedRace> next = track.race(heat(2, 1, 2), id);
        pico.awaitWaiters(1);
        String nextId = pico.run(Map.of(1, 2_000_000L, 2, 2_000_000L));
        assertThat(next).succeedsWithin(WITHIN).extracting(CompletedRace::raceId).isEqualTo(nextId).isNotEqualTo(id);
    }

    @Test
    void race_unpluggedMidWaitWithAnAfter_deliveredOnceAfterReconnect() throws Exception {
        pico.lastRace("r-0", "1234", Map.of(1, 2_000_000L));
        connect();
        CompletableFuture<CompletedRace> race = track.race(heat(1, 1, 2, 3, 4), "r-0");
        pico.awaitWaiters(1);
        pico.unplug();
        statuses.awaitDisconnected();
        String id = pico.run(Map.of(1, 2_222_000L, 2, 2_333_000L, 3, 2_444_000L, 4, 2_555_000L));
        pico.plugIn();
        assertThat(race).succeedsWithin(WITHIN).extracting(CompletedRace::raceId).isEqualTo(id);
        assertThat(pico.requests("wait_race")).extracting(r -> r.get("after").asText()).containsExactly("r-0", "r-0");
    }

    @Test
    void race_unpluggedWhileRacing_rejoinsTheRunningRaceAfterReconnect() throws Exception {
        pico.lastRace("r-0", "12", Map.of(1, 2_000_000L));
        connect();
        CompletableFuture<CompletedRace> race = track.race(heat(1, 1, 2), "r-0");
        pico.awaitWaiters(1);
        pico.dropGate();
        pico.unplug();
        statuses.awaitDisconnected();
        pico.finish(1, 2_100_000);
        pico.plugIn();
        statuses.awaitConnected();
        pico.awaitRequest("wait_race", 2);
        pico.awaitWaiters(1);
        String id = pico.armedRaceId();
        pico.finish(2, 2_200_000);
        assertThat(race).succeedsWithin(WITHIN).satisfies(r -> {
            assertThat(r.raceId()).isEqualTo(id);
            assertThat(r.timesMs()).isEqualTo(Map.of(1, 2100L, 2, 2200L));
        });
    }

    @Test
    void race_unpluggedWhileArmed_armsAgainAfterReconnect() throws Exception {
        connect();
        CompletableFuture<CompletedRace> race = track.race(heat(1, 1, 2), null);
        pico.awaitWaiters(1);
        String firstArmed = pico.armedRaceId();
        pico.unplug();
        statuses.awaitDisconnected();
        pico.plugIn();
        pico.awaitRequest("wait_race", 2);
        pico.awaitWaiters(1);
        assertThat(pico.armedRaceId()).isNotEqualTo(firstArmed);
        String id = pico.run(Map.of(1, 2_000_000L, 2, 2_100_000L));
        assertThat(race).succeedsWithin(WITHIN).extracting(CompletedRace::raceId).isEqualTo(id);
    }

    @Test
    void race_laneBeyondTheTrack_failsNamingTheLane() throws Exception {
        connect();
        CompletableFuture<CompletedRace> race = track.race(heat(9, 2, 6), null);
        assertThat(Await.failure("the race", race)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("heat 9 uses lane 6, which is not on this 4-lane track");
    }

    @Test
    void race_emptyHeat_rejectedAtOnce() {
        assertThatThrownBy(() -> track.race(heat(3), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("heat 3 has no car to race");
    }

    @Test
    void race_newCallWhileOneIsOutstanding_replacesIt() throws Exception {
        connect();
        CompletableFuture<CompletedRace> first = track.race(heat(1, 1, 2), null);
        pico.awaitWaiters(1);
        CompletableFuture<CompletedRace> second = track.race(heat(2, 3, 4), null);
        assertThat(Await.failure("the race", first)).isInstanceOf(CancellationException.class).hasMessageContaining("heat 2");
        pico.awaitRequest("cancel", 1);
        ObjectNode wait = pico.awaitRequest("wait_race", 2);
        assertThat(wait.get("lanes").asText()).isEqualTo("34");
        pico.awaitWaiters(1);
        String id = pico.run(Map.of(3, 2_000_000L, 4, 2_100_000L));
        assertThat(second).succeedsWithin(WITHIN).extracting(CompletedRace::raceId).isEqualTo(id);
    }

    @Test
    void cancelRace_whileArmed_sendsCancelForTheWaitAndTheTrackDisarms() throws Exception {
        connect();
        CompletableFuture<CompletedRace> race = track.race(heat(1, 1, 2), null);
        ObjectNode wait = pico.awaitRequest("wait_race", 1);
        pico.awaitWaiters(1);
        track.cancelRace();
        assertThat(Await.failure("the race", race)).isInstanceOf(CancellationException.class)
                .hasMessage("the race for heat 1 was cancelled");
        assertThat(pico.awaitRequest("cancel", 1).get("target").asLong()).isEqualTo(wait.get("id").asLong());
        pico.awaitPhase("IDLE");
    }

    @Test
    void cancellingTheRaceFuture_cancelsTheWait() throws Exception {
        connect();
        CompletableFuture<CompletedRace> race = track.race(heat(1, 1, 2), null);
        pico.awaitWaiters(1);
        race.cancel(true);
        pico.awaitRequest("cancel", 1);
        pico.awaitPhase("IDLE");
    }

    @Test
    void cancelRace_whileRacing_thatRaceIsNeverDelivered() throws Exception {
        connect();
        CompletableFuture<CompletedRace> cancelled = track.race(heat(1, 1, 2), null);
        pico.awaitWaiters(1);
        String abandoned = pico.armedRaceId();
        pico.dropGate();
        track.cancelRace();
        assertThat(Await.failure("the race", cancelled)).isInstanceOf(CancellationException.class);
        pico.awaitRequest("cancel", 1);

        CompletableFuture<CompletedRace> next = track.race(heat(2, 1, 2), null);
        pico.awaitWaiters(1); // joined the race still running
        pico.finish(1, 2_000_000);
        pico.finish(2, 2_100_000);
        assertThat(pico.lastRaceId()).isEqualTo(abandoned);
        ObjectNode again = pico.awaitRequest("wait_race", 3);
        assertThat(again.get("after").asText()).isEqualTo(abandoned);
        pico.awaitWaiters(1);
        String id = pico.run(Map.of(1, 2_300_000L, 2, 2_400_000L));
        assertThat(next).succeedsWithin(WITHIN).extracting(CompletedRace::raceId).isEqualTo(id);
    }

    @Test
    void race_otherLanesWhileAnAbandonedRaceRuns_busyThenWaitsAgain() throws Exception {
        connect();
        track.race(heat(1, 1, 2), null);
        pico.awaitWaiters(1);
        pico.dropGate();
        track.cancelRace();
        pico.awaitRequest("cancel", 1);
        CompletableFuture<CompletedRace> next = track.race(heat(2, 3, 4), null);
        pico.awaitRequest("wait_race", 3); // refused busy at least once, then sent again
        pico.timeOut();
        pico.awaitWaiters(1);
        String id = pico.run(Map.of(3, 2_000_000L, 4, 2_000_000L));
        assertThat(next).succeedsWithin(WITHIN).extracting(CompletedRace::raceId).isEqualTo(id);
    }

    @Test
    void cancelRace_whileUnplugged_theAbandonedRaceIsNotDeliveredToTheNextHeat() throws Exception {
        pico.lastRace("r-0", "12", Map.of(1, 2_000_000L));
        connect();
        CompletableFuture<CompletedRace> cancelled = track.race(heat(1, 1, 2), "r-0");
        pico.awaitWaiters(1);
        pico.unplug();
        statuses.awaitDisconnected();
        track.cancelRace();
        assertThat(Await.failure("the race", cancelled)).isInstanceOf(CancellationException.class);
        String abandoned = pico.run(Map.of(1, 2_000_000L, 2, 2_100_000L));

        CompletableFuture<CompletedRace> next = track.race(heat(2, 1, 2), "r-0");
        pico.plugIn();
        ObjectNode wait = pico.awaitRequest("wait_race", 3);
        assertThat(wait.get("after").asText()).isEqualTo(abandoned);
        pico.awaitWaiters(1);
        String id = pico.run(Map.of(1, 2_000_000L, 2, 2_100_000L));
        assertThat(next).succeedsWithin(WITHIN).extracting(CompletedRace::raceId).isEqualTo(id);
    }

    @Test
    void cancelRace_whileUnpluggedAndRacing_theRaceRunningOnIsNotDeliveredToTheNextHeat() throws Exception {
        connect();
        CompletableFuture<CompletedRace> cancelled = track.race(heat(1, 1, 2), null);
        pico.awaitWaiters(1);
        String abandoned = pico.armedRaceId();
        pico.dropGate();
        statuses.await(s -> "RACING".equals(s.phase()), "racing");
        pico.unplug();
        statuses.awaitDisconnected();
        track.cancelRace();
        assertThat(Await.failure("the race", cancelled)).isInstanceOf(CancellationException.class);

        CompletableFuture<CompletedRace> next = track.race(heat(2, 1, 2), null);
        pico.plugIn();
        pico.awaitRequest("wait_race", 2);
        pico.awaitWaiters(1); // joined the race still running: heat 1's
        pico.finish(1, 2_000_000);
        pico.finish(2, 2_100_000);
        assertThat(pico.lastRaceId()).isEqualTo(abandoned);
        assertThat(pico.awaitRequest("wait_race", 3).get("after").asText()).isEqualTo(abandoned);
        pico.awaitWaiters(1);
        String id = pico.run(Map.of(1, 2_300_000L, 2, 2_400_000L));
        assertThat(next).succeedsWithin(WITHIN).extracting(CompletedRace::raceId).isEqualTo(id);
    }

    @Test
    void statusListener_callingBackIntoTheTrack_noDeadlock() throws Exception {
        List<CompletableFuture<CompletedRace>> races = new CopyOnWriteArrayList<>();
        track.addStatusListener(status -> {
            if (status.connected() && races.isEmpty()) {
                races.add(track.race(heat(1, 1, 2), null));
                track.status();
                track.laneCount();
                track.addStatusListener(s -> { });
            }
        });
        connect();
        pico.awaitWaiters(1);
        String id = pico.run(Map.of(1, 2_000_000L, 2, 2_100_000L));
        assertThat(races).singleElement().satisfies(f -> assertThat(f).succeedsWithin(WITHIN)
                .extracting(CompletedRace::raceId).isEqualTo(id));
    }

    @Test
    void raceFutureCallback_closingTheTrack_noDeadlock() throws Exception {
        connect();
        CompletableFuture<Void> closed = track.race(heat(1, 1), null).thenRun(track::close);
        pico.awaitWaiters(1);
        pico.run(Map.of(1, 2_000_000L));
        assertThat(closed).succeedsWithin(WITHIN);
        statuses.await(s -> "Closed.".equals(s.message()), "closed");
    }

    @Test
    void close_outstandingRaceCancelledAndLaterRacesRefused() throws Exception {
        connect();
        CompletableFuture<CompletedRace> race = track.race(heat(1, 1, 2), null);
        pico.awaitWaiters(1);
        track.close();
        assertThat(Await.failure("the race", race)).isInstanceOf(CancellationException.class).hasMessage("the track was closed");
        assertThat(track.status().message()).isEqualTo("Closed.");
        assertThat(Await.failure("the race", track.race(heat(2, 1), null))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void settings_firstRetryLongerThanTheLongest_rejected() {
        assertThatThrownBy(() -> new PicoTrack.Settings(Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(5), Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("first retry");
    }

    @Test
    void noResponseToInfo_attemptFailsNamingTheCommand() throws Exception {
        PicoTrack quick = new PicoTrack(pico.transports(), new PicoTrack.Settings(Duration.ofMillis(100),
                Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30)), delays, new Random(1));
        pico.override("info", request -> null);
        StatusRecorder recorder = new StatusRecorder();
        quick.addStatusListener(recorder);
        quick.start();
        TrackStatus status = recorder.await(s -> s.message().startsWith("Cannot connect"), "a failed attempt");
        assertThat(status.message()).contains("the track did not answer 'info' within 100 ms");
        quick.close();
    }
}
