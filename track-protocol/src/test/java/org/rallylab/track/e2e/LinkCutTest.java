package org.rallylab.track.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.domain.testing.Await;
import org.rallylab.track.CompletedRace;
import org.rallylab.track.PicoTrack;

/**
 * A kid trips on the cable mid-race: the serial link goes away while the firmware keeps running
 * and finishes the race, then comes back. The race must be delivered exactly once.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LinkCutTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void tools() throws Exception {
        FirmwareSimulator.requireTools();
    }

    @Test
    void linkCutMidRace_restoredAfterTheRaceFinished_raceDeliveredExactlyOnce() throws Exception {
        Path host = dir.resolve("ttyHost");
        Path times = dir.resolve("times.jsonl");
        try (CuttableLink link = new CuttableLink(host, dir.resolve("ttyDevice"), dir.resolve("sim.log"),
                "--auto", "5", "--speed", "1", "--times-log", times.toString());
             PicoTrack track = PicoTrack.overSerial(host.toString())) {
            StatusWatch status = StatusWatch.on(track);
            track.start();
            status.await("connected", s -> s.connected() && Boolean.TRUE.equals(s.gateReady()));

            CompletableFuture<CompletedRace> first = track.race(SimulatorOverPtyTest.heat(1, 1, 2, 3, 4), null);
            status.await("RACING", s -> "RACING".equals(s.phase()));
            link.unplug();
            status.await("disconnected", s -> !s.connected());
            Await.until("the simulator plans race 1", () -> FirmwareSimulator.plannedRaces(times).size() >= 1);
            String raceId = FirmwareSimulator.plannedRaces(times).get(0).get("race_id").asText();
            // the firmware finishes the race while unplugged; its answer and events are lost on the way
            link.awaitLostOutput("\"event\":\"completed\"");
            link.awaitLostOutput(raceId);
            assertThat(first).isNotDone();

            link.plugIn();
            CompletedRace race = first.get(Await.timeout().toSeconds(), TimeUnit.SECONDS);
            JsonNode planned = FirmwareSimulator.plannedRaces(times).get(0);
            assertThat(race.raceId()).isEqualTo(planned.get("race_id").asText());
            planned.get("times_us").properties().forEach(lane ->
                    assertThat(race.timesUs()).containsEntry(Integer.parseInt(lane.getKey()), lane.getValue().asLong()));

            CompletedRace next = track.race(SimulatorOverPtyTest.heat(2, 1, 2, 3, 4), race.raceId())
                    .get(Await.timeout().toSeconds(), TimeUnit.SECONDS);
            assertThat(next.raceId()).as("the cut race is not delivered a second time").isNotEqualTo(race.raceId());
            assertThat(FirmwareSimulator.plannedRaces(times)).extracting(r -> r.get("race_id").asText())
                    .containsExactly(race.raceId(), next.raceId());
        }
    }

}
