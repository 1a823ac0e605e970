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
 * Issue 11: a track that writes half a frame and then says nothing more must not show "Track
 * connected" for ever. A real pty pair (socat) is the cable; {@link PtyPico} is the device on its
 * far end. The host must declare the link dead, saying why, and reconnect once the device
 * answers again, sending the outstanding wait again.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SilentTrackTest {

    @TempDir
    Path dir;

    @Test
    void halfAFrameThenSilence_disconnectedSayingWhy_thenReconnectsAndWaitsAgain_issue11() throws Exception {
        RecordingDelays delays = new RecordingDelays(Duration.ofSeconds(10));
        try (SocatPair socat = SocatPair.start(dir);
             PtyPico pico = new PtyPico(socat.b);
             PicoTrack track = new PicoTrack(() -> new SerialTransport(socat.a.toString()),
                     new PicoTrack.Settings(Duration.ofSeconds(2), Duration.ofMillis(200), Duration.ofSeconds(1),
                             Duration.ofSeconds(30)), delays, new Random(11))) {
            StatusRecorder statuses = new StatusRecorder();
            track.addStatusListener(statuses);
            track.start();
            statuses.await(TrackStatus::connected, "connected");
            CompletableFuture<CompletedRace> race = track.race(heat(1, 1, 2), "before");
            pico.awaitRequest("wait_race", 1);

            pico.writeHalfAFrameAndFallSilent();
            TrackStatus lost = statuses.await(s -> !s.connected(), "disconnected");
            assertThat(lost.message()).isEqualTo("Lost the connection to the track on serial port " + socat.a
                    + " (the track stopped answering: check the USB cable). Reconnecting…");
            assertThat(race).isNotDone();

            pico.answerAgain();
            statuses.await(TrackStatus::connected, "connected again");
            pico.awaitRequest("wait_race", 2);
            assertThat(pico.requests("info")).hasSizeGreaterThanOrEqualTo(2);
            assertThat(pico.requests("reset")).hasSizeGreaterThanOrEqualTo(2);
            assertThat(pico.requests("subscribe")).hasSizeGreaterThanOrEqualTo(8);
            String id = pico.finishRace("race-after-the-silence");
            assertThat(race).succeedsWithin(Await.timeout()).extracting(CompletedRace::raceId).isEqualTo(id);
        }
    }
}
