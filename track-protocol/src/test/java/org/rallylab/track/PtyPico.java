package org.rallylab.track;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rallylab.domain.testing.Await;
import org.rallylab.track.transport.SerialTransport;
import org.rallylab.track.transport.Transport;

/**
 * A minimal protocol 2.0 device on the far end of a pty pair, through the real serial transport:
 * it answers {@code info}, {@code reset}, {@code subscribe}, {@code gate}, {@code state} and
 * {@code cancel} at once and holds every {@code wait_race}, writing its lines as the firmware does
 * (keys sorted, CR LF). The test can make it write half a frame and then fall silent (it reads on
 * but answers nothing, as a hung device does), make it answer again, write raw bytes (what was
 * left in the line before the host opened it), and restart it (its held waits are gone and it
 * writes a {@code boot} line). Its port stays open throughout, so the host can close and reopen
 * its end.
 */
final class PtyPico implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SerialTransport port;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream(); // reader thread only

    // Guarded by this.
    private final List<ObjectNode> received = new ArrayList<>();
    private final List<ObjectNode> unanswered = new ArrayList<>();
    private final List<ObjectNode> held = new ArrayList<>();
    private boolean silent;

    PtyPico(Path devicePort) throws IOException {
        port = new SerialTransport(devicePort.toString());
        port.open(new Transport.Listener() {
            @Override
            public void received(byte[] chunk) {
                for (byte b : chunk) {
                    if (b == '\n') {
                        line(partial.toString(StandardCharsets.UTF_8));
                        partial.reset();
                    } else {
                        partial.write(b);
                    }
                }
            }

            @Override
            public void disconnected(String reason) {
            }
        });
    }

    /** Writes the start of an answer without its end of line, then answers nothing. */
    synchronized void writeHalfAFrameAndFallSilent() throws IOException {
        silent = true;
        port.write("{\"id\":1,\"ok\":{\"gate_re".getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code text} as it is: bytes left in the line, a broken frame, anything. */
    synchronized void writeRaw(String text) throws IOException {
        port.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The device restarts: the waits it held are gone, and it writes {@code gluedAfter} (the start
     * of a frame it was writing when it stopped, or "") followed by its boot line.
     */
    synchronized void restart(String reason, String gluedAfter) throws IOException {
        held.clear();
        writeRaw(gluedAfter + "{\"boot\":{\"firmware\":\"pty fake 2\",\"reason\":\"" + reason + "\"}}\r\n");
    }

    /** Answers requests again (those that arrive from now on). */
    synchronized void answerAgain() {
        silent = false;
    }

    /** Answers the last wait_race it holds with a race on its lanes; returns the race id. */
    synchronized String finishRace(String raceId) throws IOException {
        ObjectNode wait = held.remove(held.size() - 1);
        String lanes = wait.path("lanes").asText();
        ObjectNode ms = JSON.createObjectNode();
        for (char lane : lanes.toCharArray()) {
            ms.put(String.valueOf(lane), 2_000 + lane);
        }
        answer(wait, JSON.createObjectNode().put("race_id", raceId).put("lanes", lanes).set("times_ms", ms));
        return raceId;
    }

    synchronized List<ObjectNode> requests(String cmd) {
        return received.stream().filter(r -> cmd.equals(r.path("cmd").asText())).toList();
    }

    /** Waits until {@code count} requests {@code cmd} arrived. */
    void awaitRequest(String cmd, int count) throws InterruptedException {
        Await.until("the fake Pico to get " + count + " '" + cmd + "' requests", () -> requests(cmd),
                r -> r.size() >= count);
    }

    /** Waits until a request arrived while silent, so went unanswered. */
    void awaitUnanswered() throws InterruptedException {
        Await.until("the fake Pico to get a request while silent", () -> {
            synchronized (this) {
                return !unanswered.isEmpty();
            }
        });
    }

    private synchronized void line(String text) {
        ObjectNode request;
        try {
            request = (ObjectNode) JSON.readTree(text);
        } catch (IOException | ClassCastException e) {
            return;
        }
        received.add(request);
        if (silent) {
            unanswered.add(request);
            return;
        }
        try {
            switch (request.path("cmd").asText()) {
                case "info" -> answer(request, JSON.createObjectNode().put("protocol", "2.0")
                        .put("firmware", "pty fake 1").put("lane_count", 4).put("race_timeout_ms", 10_000));
                case "subscribe" -> answer(request, JSON.createObjectNode().put("sub", request.get("id").asLong())
                        .set("topics", request.get("topics")));
                case "gate" -> answer(request, JSON.createObjectNode().put("gate_ready", true));
                case "state" -> answer(request, JSON.nullNode());
                case "wait_race" -> held.add(request); // until the test finishes a race
                default -> answer(request, JSON.createObjectNode());
            }
        } catch (IOException e) {
            // the pty is gone: the test is ending
        }
    }

    private void answer(ObjectNode request, JsonNode ok) throws IOException {
        ObjectNode frame = JSON.createObjectNode().put("id", request.get("id").asLong()).set("ok", ok);
        port.write((frame + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        port.close();
    }
}
