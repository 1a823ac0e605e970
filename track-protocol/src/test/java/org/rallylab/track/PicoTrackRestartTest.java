package org.rallylab.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rallylab.track.Heats.heat;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rallylab.domain.testing.Await;
import org.rallylab.track.protocol.FakePico;

/**
 * The track controller restarts (a fault, the watchdog, an update, a power cut): every request it
 * held is gone, and so are the times of a race under way. The track sets the device up again and
 * sends the heat's wait again; a heat whose gate had already opened fails, saying to run it again,
 * and is never lost silently.
 */
class PicoTrackRestartTest {

    private static final Duration WITHIN = Await.timeout();

    private final FakePico pico = new FakePico(4);
    private final StatusRecorder statuses = new StatusRecorder();
    private final PicoTrack track = new PicoTrack(pico.transports(),
            new PicoTrack.Settings(Duration.ofSeconds(5), Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30)),
            new RecordingDelays(Duration.ofSeconds(10)), new Random(3));

    @AfterEach
    void close() {
        track.close();
    }

    private void connect() throws InterruptedException {
        track.addStatusListener(statuses);
        track.start();
        statuses.awaitConnected();
    }

    @Test
    void restartWhileArmed_subscribesAndArmsAgainSilently_theRaceIsDelivered() throws Exception {
        connect();
        CompletableFuture<CompletedRace> race = track.race(heat(1, 1, 2), null);
        pico.awaitWaiters(1);
        String before = pico.armedRaceId();

        pico.restart("fault");
        TrackStatus restarting = statuses.await(s -> !s.connected(), "setting up again");
        assertThat(restarting.message()).isEqualTo("The track controller on fake pico (host end) restarted (reason: "
                + "fault, MemoryError). Setting it up again…");
        statuses.awaitConnected();
        pico.awaitRequest("subscribe", 8);
        pico.awaitWaiters(1);
        assertThat(pico.armedRaceId()).isNotEqualTo(before);
        assertThat(race).isNotDone();
        assertThat(pico.connections()).as("the same port, set up again").isEqualTo(1);

        String id = pico.run(Map.of(1, 2_000_000L, 2, 2_100_000L));
        assertThat(race).succeedsWithin(WITHIN).extracting(CompletedRace::raceId).isEqualTo(id);
    }

    @Test
    void restartAfterTheGateOpened_heatFailsSayingToRunItAgain_thenItRacesAgain() throws Exception {
        connect();
        CompletableFuture<CompletedRace> race = track.race(heat(3, 1, 2), "r-0");
        pico.awaitWaiters(1);
        pico.dropGate();
        statuses.await(s -> "RACING".equals(s.phase()), "racing");

        pico.restart("fault");
        Throwable failure = Await.failure("the race", race);
        assertThat(failure).isInstanceOf(TrackRestartedException.class).hasMessage(
                "The track controller restarted during heat 3 (reason: fault, MemoryError): run heat 3 again.");
        assertThat(((TrackRestartedException) failure).heat()).isEqualTo(3);

        statuses.awaitConnected();
        CompletableFuture<CompletedRace> again = track.race(heat(3, 1, 2), "r-0");
        pico.awaitWaiters(1);
        String id = pico.run(Map.of(1, 2_000_000L, 2, 2_100_000L));
        assertThat(again).succeedsWithin(WITHIN).extracting(CompletedRace::raceId).isEqualTo(id);
    }

    @Test
    void portGoneWhileRacing_theDeviceRestarted_heatFailsOnReconnectNamingTheReason() throws Exception {
        connect();
        CompletableFuture<CompletedRace> race = track.race(heat(2, 1, 2), null);
        pico.awaitWaiters(1);
        pico.dropGate();
        statuses.await(s -> "RACING".equals(s.phase()), "racing");
        pico.unplug(); // a hard reset: the USB port disappears, and comes back with the device restarted
        statuses.awaitDisconnected();
        pico.restart("watchdog");
        pico.plugIn();

        assertThat(Await.failure("the race", race)).isInstanceOf(TrackRestartedException.class).hasMessage(
                "The track controller restarted during heat 2 (reason: watchdog): run heat 2 again.");
        statuses.awaitConnected();
        assertThat(pico.requests("wait_race")).hasSize(1);
    }

    @Test
    void portGoneWhileArmed_thePicoPowerCycled_armsAgainSilently() throws Exception {
        connect();
        CompletableFuture<CompletedRace> race = track.race(heat(1, 1, 2), null);
        pico.awaitWaiters(1);
        pico.unplug(); // a Pico powered by its USB cable: unplugged, it stops
        statuses.awaitDisconnected();
        pico.restart("power");
        pico.plugIn();

        statuses.awaitConnected();
        pico.awaitRequest("wait_race", 2);
        pico.awaitWaiters(1);
        String id = pico.run(Map.of(1, 2_000_000L, 2, 2_100_000L));
        assertThat(race).succeedsWithin(WITHIN).extracting(CompletedRace::raceId).isEqualTo(id);
    }

    @Test
    void portGoneWhileArmed_aRestartThatMayHaveKeptTheLineUpHappenedMeanwhile_heatFailsRatherThanLoseAStartUnseen()
            throws Exception {
        connect();
        CompletableFuture<CompletedRace> race = track.race(heat(4, 3, 4), null);
        pico.awaitWaiters(1);
        pico.unplug(); // the host lost the port, the device ran on (its own power), then restarted
        statuses.awaitDisconnected();
        pico.restart("soft"); // a reason this host does not know: an older firmware's soft restart
        pico.plugIn();

        assertThat(Await.failure("the race", race)).isInstanceOf(TrackRestartedException.class).hasMessage(
                "The track controller restarted during heat 4 (reason: soft): run heat 4 again.");
    }

    @Test
    void portGoneWhileRacing_noRestart_theRaceIsDeliveredOnReconnect() throws Exception {
        connect();
        CompletableFuture<CompletedRace> race = track.race(heat(1, 1, 2), null);
        pico.awaitWaiters(1);
        String id = pico.armedRaceId();
        pico.dropGate();
        statuses.await(s -> "RACING".equals(s.phase()), "racing");
        pico.unplug();
        statuses.awaitDisconnected();
        pico.finish(1, 2_100_000);
        pico.finish(2, 2_200_000);
        pico.plugIn();
        assertThat(race).succeedsWithin(WITHIN).extracting(CompletedRace::raceId).isEqualTo(id);
    }

    @Test
    void bootLineQueuedSincePowerUp_readFirstOnConnecting_connectsOnTheSamePort() throws Exception {
        pico.unplug();
        pico.restart("power");
        pico.plugIn();
        connect();
        CompletableFuture<CompletedRace> race = track.race(heat(1, 1, 2), null);
        pico.awaitWaiters(1);
        String id = pico.run(Map.of(1, 2_000_000L, 2, 2_100_000L));
        assertThat(race).succeedsWithin(WITHIN).extracting(CompletedRace::raceId).isEqualTo(id);
        assertThat(statuses.all()).noneMatch(s -> s.message().startsWith("Cannot connect"));
    }
}
