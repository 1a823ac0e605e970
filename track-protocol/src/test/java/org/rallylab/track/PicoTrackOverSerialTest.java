package org.rallylab.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rallylab.track.Heats.heat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.domain.testing.Await;
import org.rallylab.track.transport.SerialTransport;
import org.rallylab.track.transport.SocatPair;

/**
 * The track over a real serial port (a socat pty pair) to {@link PtyPico}, with what a real line
 * carries besides answers: frames left in it from before the host opened the port, and a restart
 * of the device, whose boot line may come glued behind the half frame it was writing.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class PicoTrackOverSerialTest {

    @TempDir
    Path dir;

    private static PicoTrack track(SocatPair socat) {
        return new PicoTrack(() -> new SerialTransport(socat.a.toString()), new PicoTrack.Settings(Duration.ofSeconds(5),
                Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(30)),
                new RecordingDelays(Duration.ofSeconds(10)), new Random(5));
    }

    @Test
    void framesLeftInTheLineBeforeTheHostOpens_neverTakenForAnswersOrEvents() throws Exception {
        try (SocatPair socat = SocatPair.start(dir);
             PtyPico pico = new PtyPico(socat.b);
             PicoTrack track = track(socat)) {
            // what a Pico still held for the last program that had the port open: an answer, an event
            pico.writeRaw("{\"id\":1,\"ok\":{\"gate_ready\":true}}\r\n"
                    + "{\"event\":\"phase\",\"phase\":\"RACING\",\"prev\":\"ARMED\",\"sub\":6}\r\n");
            StatusRecorder statuses = new StatusRecorder();
            track.addStatusListener(statuses);
            track.start();
            TrackStatus first = statuses.await(s -> s.connected() || s.message().startsWith("The device"),
                    "connected, or the device refused");
            assertThat(first.message()).isEqualTo("Connected to the track on serial port " + socat.a + ".");
            assertThat(first.phase()).as("no phase: the fake sends none of this connection's").isNull();
        }
    }

    @Test
    void restartGluedBehindHalfAFrame_setsUpAgainAndTheWaitGoesOutAgain() throws Exception {
        try (SocatPair socat = SocatPair.start(dir);
             PtyPico pico = new PtyPico(socat.b);
             PicoTrack track = track(socat)) {
            StatusRecorder statuses = new StatusRecorder();
            track.addStatusListener(statuses);
            track.start();
            statuses.awaitConnected();
            CompletableFuture<CompletedRace> race = track.race(heat(1, 1, 2), "before");
            pico.awaitRequest("wait_race", 1);

            pico.restart("fault", "{\"event\":\"state\",\"gate_re");
            TrackStatus restarting = statuses.await(s -> !s.connected(), "setting up again");
            assertThat(restarting.message()).isEqualTo("The track controller on serial port " + socat.a
                    + " restarted (reason: fault). Setting it up again…");
            statuses.awaitConnected();
            pico.awaitRequest("wait_race", 2);
            assertThat(pico.requests("info")).hasSize(2);
            assertThat(pico.requests("subscribe")).hasSize(8);
            String id = pico.finishRace("race-after-the-restart");
            assertThat(race).succeedsWithin(Await.timeout()).extracting(CompletedRace::raceId).isEqualTo(id);
        }
    }
}
