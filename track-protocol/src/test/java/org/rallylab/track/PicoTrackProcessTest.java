package org.rallylab.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rallylab.track.Heats.heat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rallylab.domain.testing.Await;

/** PicoTrack over a child process: a home-made timer written in sh (test resource fake-timer.sh). */
class PicoTrackProcessTest {

    private static String script() throws URISyntaxException {
        return Path.of(PicoTrackProcessTest.class.getResource("/fake-timer.sh").toURI()).toString();
    }

    @Test
    void overProcess_protocolOne_refusedWithTheUpdateMessage() throws Exception {
        try (PicoTrack track = PicoTrack.overProcess(List.of("sh", script(), "1.0"))) {
            StatusRecorder statuses = new StatusRecorder();
            track.addStatusListener(statuses);
            track.start();
            TrackStatus refused = statuses.await(s -> s.message().contains("protocol 1.0"), "refused");
            assertThat(refused.message()).isEqualTo("This track controller speaks protocol 1.0; RallyLab needs 2.x: "
                    + "update the Pico's firmware (see pico-firmware/README.md).");
            assertThat(refused.connected()).isFalse();
        }
    }

    @Test
    void overProcess_protocolTwo_connectsAndDeliversTheRace() throws Exception {
        try (PicoTrack track = PicoTrack.overProcess(List.of("sh", script(), "2.0"))) {
            StatusRecorder statuses = new StatusRecorder();
            track.addStatusListener(statuses);
            track.start();
            TrackStatus connected = statuses.awaitConnected();
            assertThat(connected.device()).isEqualTo("RallyLab Pico, firmware home-made 1, 2 lanes");
            assertThat(connected.message()).startsWith("Connected to the track on process 'sh ");
            assertThat(track.race(heat(1, 1, 2), null)).succeedsWithin(Await.timeout()).satisfies(race -> {
                assertThat(race.raceId()).isEqualTo("home-race-1");
                assertThat(race.timesMs()).containsEntry(1, 2500L).containsEntry(2, 2600L);
                assertThat(race.timesUs()).isNull();
            });
        }
    }
}
