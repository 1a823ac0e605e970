package org.rallylab.track.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.testing.Await;
import org.rallylab.domain.schedule.LaneAssignment;
import org.rallylab.track.CompletedRace;
import org.rallylab.track.PicoTrack;
import org.rallylab.track.protocol.Frame;
import org.rallylab.track.protocol.ProtocolClient;
import org.rallylab.track.protocol.Subscription;
import org.rallylab.track.transport.SerialTransport;

/**
 * The Java session and the unchanged firmware, in the simulator, through a real pty made by socat:
 * the same path a Pico on a USB cable takes, minus the cable.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SimulatorOverPtyTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void tools() throws Exception {
        FirmwareSimulator.requireTools();
    }

    @Test
    void infoAndSubscribe_overPty_answerAsDocumented() throws Exception {
        Path link = dir.resolve("ttyPico");
        Process socat = FirmwareSimulator.overPty(link, dir.resolve("sim.log"), "--auto", "1", "--speed", "20");
        try (ProtocolClient client = new ProtocolClient(new SerialTransport(link.toString()))) {
            client.open();
            JsonNode info = client.request("info").result().get(Await.timeout().toSeconds(), TimeUnit.SECONDS);
            assertThat(info.get("protocol").asText()).isEqualTo("2.0");
            assertThat(info.get("firmware").asText()).startsWith("rallylab-pico");
            assertThat(info.get("lane_count").asInt()).isEqualTo(4);
            assertThat(info.get("clock").asText()).isEqualTo("us");
            assertThat(info.get("race_timeout_ms").asInt()).isEqualTo(10_000);
            List<Frame.Event> events = new CopyOnWriteArrayList<>();
            Subscription sub = client.subscribe(List.of("gate", "lanes", "no_such_topic"), events::add)
                    .get(Await.timeout().toSeconds(), TimeUnit.SECONDS);
            assertThat(sub.unknownTopics()).containsExactly("no_such_topic");
            Await.until("the gate's and the 4 lanes' first events", () -> events.size() >= 5);
            assertThat(events).filteredOn(e -> e.fields().has("gate_ready")).singleElement()
                    .satisfies(e -> assertThat(e.fields().get("gate_ready").asBoolean()).isTrue());
            assertThat(events).filteredOn(e -> e.fields().has("lane")).extracting(e -> e.fields().get("lane").asInt())
                    .containsExactlyInAnyOrder(1, 2, 3, 4);
        } finally {
            FirmwareSimulator.stop(socat, link);
        }
    }

    @Test
    void twentyRaces_timesEqualTheSimulatorsSeededTimes_dnfLanesAbsent() throws Exception {
        Path link = dir.resolve("ttyPico");
        Path times = dir.resolve("times.jsonl");
        Process socat = FirmwareSimulator.overPty(link, dir.resolve("sim.log"), "--auto", "7", "--dnf-rate", "0.15",
                "--speed", "20", "--times-log", times.toString());
        try (PicoTrack track = PicoTrack.overSerial(link.toString())) {
            StatusWatch status = StatusWatch.on(track);
            track.start();
            status.await("connected with the gate ready", s -> s.connected() && Boolean.TRUE.equals(s.gateReady()));
            Random random = new Random(3);
            String last = null;
            Set<String> ids = new HashSet<>();
            int dnfSeen = 0;
            for (int h = 1; h <= 20; h++) {
                Heat heat = randomHeat(h, random);
                CompletedRace race = track.race(heat, last).get(Await.timeout().toSeconds(), TimeUnit.SECONDS);
                JsonNode planned = plannedRace(times, race.raceId());
                assertThat(race.timesMs().keySet()).as("heat %d lanes", h).isSubsetOf(heat.laneNumbers());
                for (int lane : heat.laneNumbers()) {
                    JsonNode us = planned.path("times_us").get(String.valueOf(lane));
                    boolean dnf = us == null || planned.path("dnf").toString().contains(String.valueOf(lane));
                    if (dnf) {
                        dnfSeen++;
                        assertThat(race.timesMs()).as("heat %d lane %d is DNF", h, lane).doesNotContainKey(lane);
                    } else {
                        assertThat(race.timesUs()).as("heat %d lane %d µs", h, lane).containsEntry(lane, us.asLong());
                        assertThat(race.timesMs()).as("heat %d lane %d ms", h, lane)
                                .containsEntry(lane, (us.asLong() + 500) / 1_000);
                    }
                }
                assertThat(ids.add(race.raceId())).as("race %s delivered once", race.raceId()).isTrue();
                last = race.raceId();
            }
            assertThat(ids).hasSize(20);
            assertThat(FirmwareSimulator.plannedRaces(times)).hasSize(20);
            assertThat(dnfSeen).as("DNF lanes among the 20 races").isPositive();
        } finally {
            FirmwareSimulator.stop(socat, link);
        }
    }

    @Test
    void cancelWhileArmed_disarms_thenAManualRaceHasTheExactEdgeTimes() throws Exception {
        Path link = dir.resolve("ttyPico");
        int port = freePort();
        Process socat = FirmwareSimulator.overPty(link, dir.resolve("sim.log"), "--control", String.valueOf(port));
        try (PicoTrack track = PicoTrack.overSerial(link.toString())) {
            StatusWatch status = StatusWatch.on(track);
            track.start();
            status.await("connected", s -> s.connected() && "IDLE".equals(s.phase()));
            Heat heat = heat(1, 1, 2);
            CompletableFuture<CompletedRace> first = track.race(heat, null);
            status.await("ARMED", s -> "ARMED".equals(s.phase()));
            track.cancelRace();
            assertThatThrownBy(() -> first.get(Await.timeout().toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOfAny(CancellationException.class, ExecutionException.class);
            status.await("IDLE after the cancel", s -> "IDLE".equals(s.phase()));

            CompletableFuture<CompletedRace> second = track.race(heat, null);
            status.await("ARMED again", s -> "ARMED".equals(s.phase()));
            control(port, "gate open", "lane 2 at 2400001", "lane 1 at 2345678");
            CompletedRace race = second.get(Await.timeout().toSeconds(), TimeUnit.SECONDS);
            assertThat(race.timesUs()).containsEntry(1, 2_345_678L).containsEntry(2, 2_400_001L);
            assertThat(race.timesMs()).containsEntry(1, 2_346L).containsEntry(2, 2_400L);
        } finally {
            FirmwareSimulator.stop(socat, link);
        }
    }

    @Test
    void simulatorRestarted_sessionReprobesResubscribesAndRacesTheNextHeat() throws Exception {
        Path link = dir.resolve("ttyPico");
        Path times = dir.resolve("times.jsonl");
        Process socat = FirmwareSimulator.overPty(link, dir.resolve("sim.log"), "--auto", "11", "--speed", "20",
                "--times-log", times.toString());
        try (PicoTrack track = PicoTrack.overSerial(link.toString())) {
            StatusWatch status = StatusWatch.on(track);
            track.start();
            status.await("connected", s -> s.connected());
            CompletedRace before = track.race(heat(1, 1, 2, 3, 4), null).get(Await.timeout().toSeconds(),
                    TimeUnit.SECONDS);

            FirmwareSimulator.stop(socat, link); // the Pico reboots: the cable's other end goes away
            status.await("disconnected", s -> !s.connected());
            socat = FirmwareSimulator.overPty(link, dir.resolve("sim.log"), "--auto", "12", "--speed", "20",
                    "--times-log", times.toString());
            status.await("connected again with the gate ready",
                    s -> s.connected() && Boolean.TRUE.equals(s.gateReady()));
            CompletedRace after = track.race(heat(2, 1, 2, 3, 4), before.raceId()).get(Await.timeout().toSeconds(),
                    TimeUnit.SECONDS);
            assertThat(after.raceId()).isNotEqualTo(before.raceId());
            assertThat(FirmwareSimulator.plannedRaces(times)).extracting(r -> r.get("race_id").asText())
                    .containsExactly(before.raceId(), after.raceId());
        } finally {
            FirmwareSimulator.stop(socat, link);
        }
    }

    @Test
    void firmwareSpeakingProtocol10_refusedWithAMessageToUpdateIt() throws Exception {
        Path link = dir.resolve("ttyPico");
        Process socat = FirmwareSimulator.overPty(link, dir.resolve("sim.log"), "--report-protocol", "1.0");
        try (PicoTrack track = PicoTrack.overSerial(link.toString())) {
            StatusWatch status = StatusWatch.on(track);
            track.start();
            var refused = status.await("a refusal", s -> s.message() != null && s.message().contains("1.0"));
            assertThat(refused.connected()).isFalse();
            assertThat(refused.message()).contains("protocol 1.0", "2.x", "update the Pico's firmware");
        } finally {
            FirmwareSimulator.stop(socat, link);
        }
    }

    static Heat heat(int number, int... lanes) {
        List<LaneAssignment> seats = new ArrayList<>();
        for (int lane : lanes) {
            seats.add(new LaneAssignment(lane, "car" + lane));
        }
        return new Heat(number, seats);
    }

    private static Heat randomHeat(int number, Random random) {
        List<Integer> lanes = new ArrayList<>();
        for (int lane = 1; lane <= 4; lane++) {
            if (random.nextInt(4) != 0) {
                lanes.add(lane);
            }
        }
        if (lanes.isEmpty()) {
            lanes.add(1 + random.nextInt(4));
        }
        return heat(number, lanes.stream().mapToInt(Integer::intValue).toArray());
    }

    private static JsonNode plannedRace(Path times, String raceId) {
        return Await.value("race " + raceId + " in the simulator's times log", () -> FirmwareSimulator
                .plannedRaces(times).stream().filter(p -> p.get("race_id").asText().equals(raceId)).findFirst());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void control(int port, String... lines) throws Exception {
        Socket connected = Await.value("the simulator's control port " + port + " listening", () -> {
            try {
                return Optional.of(new Socket("127.0.0.1", port));
            } catch (java.net.ConnectException notYet) {
                return Optional.empty();
            }
        });
        try (Socket socket = connected) {
            OutputStream out = socket.getOutputStream();
            for (String line : lines) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
            out.flush();
            socket.shutdownOutput();
            socket.getInputStream().readAllBytes();
        }
    }
}
