package org.rallylab.bench.track;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The device end of the pty pair for the latency benchmark: answers like the firmware
 * (protocol 2.0) and completes every wait_race at once with plausible times, noting when the
 * last byte of each completed-race frame was written into the pty.
 */
final class FakePico implements Runnable {

    private final ObjectMapper json = new ObjectMapper();
    private final Path device;
    private final Random random = new Random(42);
    private final Map<String, Long> writtenAt = new ConcurrentHashMap<>();
    private volatile boolean stopped;
    private int subs;

    FakePico(Path device) {
        this.device = device;
    }

    /** System.nanoTime() just after the race's frame was written, by race id. */
    Map<String, Long> writtenAt() {
        return writtenAt;
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new FileInputStream(device.toFile()),
                StandardCharsets.UTF_8));
             OutputStream out = new FileOutputStream(device.toFile())) {
            String line;
            while (!stopped && (line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    answer(json.readTree(line), out);
                }
            }
        } catch (IOException e) {
            if (!stopped) {
                throw new IllegalStateException("the fake Pico lost its end of the pty: " + e.getMessage(), e);
            }
        }
    }

    private void answer(JsonNode request, OutputStream out) throws IOException {
        long id = request.path("id").asLong();
        ObjectNode response = json.createObjectNode().put("id", id);
        ObjectNode ok = response.putObject("ok");
        switch (request.path("cmd").asText()) {
            case "info" -> ok.put("protocol", "2.0").put("firmware", "benchmark-pico").put("lane_count", 4)
                    .put("race_timeout_ms", 10_000).put("clock", "us")
                    .putArray("topics").add("gate").add("lanes").add("race").add("engine");
            case "subscribe" -> {
                ok.put("sub", ++subs);
                ok.set("topics", request.path("topics"));
            }
            case "wait_race" -> {
                String lanes = request.path("lanes").asText("1234");
                String raceId = UUID.randomUUID().toString();
                ok.put("race_id", raceId).put("lanes", lanes);
                ObjectNode ms = ok.putObject("times_ms");
                ObjectNode us = ok.putObject("times_us");
                for (char c : lanes.toCharArray()) {
                    long micros = 2_000_000L + random.nextInt(1_500_000);
                    us.put(String.valueOf(c), micros);
                    ms.put(String.valueOf(c), (micros + 500) / 1_000);
                }
                write(out, response);
                writtenAt.put(raceId, System.nanoTime());
                return;
            }
            default -> { }
        }
        write(out, response);
    }

    private void write(OutputStream out, JsonNode frame) throws IOException {
        out.write((json.writeValueAsString(frame) + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
