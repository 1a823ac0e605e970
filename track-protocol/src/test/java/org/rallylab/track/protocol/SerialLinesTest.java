package org.rallylab.track.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.domain.testing.Await;
import org.rallylab.track.transport.SerialTransport;
import org.rallylab.track.transport.SocatPair;

/**
 * The lines a Pico writes, as the firmware writes them (keys sorted, CR LF), through a real serial
 * port (a socat pty pair): whole frames, the bytes left in the line from before the host opened
 * it, half a frame glued to the next one, garbage. A line that is not a whole frame is skipped
 * with a note; it never stops the client, and the frames after it are handled.
 */
class SerialLinesTest {

    private static final Duration WITHIN = Await.timeout();

    @TempDir
    Path dir;

    private final RecordingLogger log = new RecordingLogger();
    private SocatPair socat;
    private SerialTransport device;
    private ScriptedDevice pico;
    private ProtocolClient client;

    @BeforeEach
    void cable() throws Exception {
        socat = SocatPair.start(dir);
        device = new SerialTransport(socat.b.toString());
        pico = new ScriptedDevice(device);
    }

    @AfterEach
    void unplug() {
        if (client != null) {
            client.close();
        }
        device.close();
        socat.close();
    }

    private void open() throws IOException {
        client = new ProtocolClient(new SerialTransport(socat.a.toString()), ProtocolClient.COMMAND_TIMEOUT, log);
        client.open();
    }

    private void write(String text) {
        pico.sendBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String ok(ObjectNode request, String okJson) {
        return "{\"id\":" + request.get("id").asLong() + ",\"ok\":" + okJson + "}\r\n";
    }

    @Test
    void lines_endingCrLf_answersAndEventsHandled() throws Exception {
        open();
        BlockingQueue<Frame.Event> events = new LinkedBlockingQueue<>();
        CompletableFuture<Subscription> sub = client.subscribe(List.of("gate"), events::add);
        ObjectNode subscribe = pico.next("subscribe");
        long id = subscribe.get("id").asLong();
        write(ok(subscribe, "{\"sub\":" + id + ",\"topics\":[\"gate\"]}")
                + "{\"event\":\"state\",\"gate_ready\":true,\"ms\":81234,\"sub\":" + id + "}\r");
        write("\n{\"event\":\"state\",\"gate_ready\":false,\"ms\":81300,\"sub\":" + id + "}\r\n");

        assertThat(sub).succeedsWithin(WITHIN);
        assertThat(take(events).bool("gate_ready")).isTrue();
        assertThat(take(events).bool("gate_ready")).isFalse();
    }

    @Test
    void open_bytesLeftInTheLineFromBefore_skippedWithANoteAndTheFirstAnswerHandled() throws Exception {
        write("ate\",\"gate_ready\":true,\"ms\":81234,\"sub\":3}\r\n"
                + "{\"event\":\"state\",\"gate_ready\":false,\"ms\":81240,\"sub\":3}\r\n");
        open();
        Request info = client.request("info");
        write(ok(pico.next("info"), "{\"protocol\":\"2.0\"}"));

        assertThat(info.result()).succeedsWithin(WITHIN);
        assertThat(log.messages(System.Logger.Level.INFO)).anySatisfy(m -> assertThat(m)
                .contains("ignoring a line from serial port " + socat.a, "not JSON", "ate\",\"gate_ready\":true"));
    }

    @Test
    void line_halfAFrameGluedToTheNext_theNextFrameHandledAndTheBrokenStartNoted() throws Exception {
        open();
        Request waitGate = client.request("wait_gate");
        Request gate = client.request("gate");
        ObjectNode waitSent = pico.next("wait_gate");
        ObjectNode gateSent = pico.next("gate");
        write("{\"event\":\"state\",\"gate_re" + ok(waitSent, "{\"gate_ready\":true}"));
        write(ok(gateSent, "{\"gate_ready\":true}"));

        assertThat(gate.result()).succeedsWithin(WITHIN); // the line after: the glued one was read before it
        assertThat(waitGate.result()).isCompleted()
                .satisfies(f -> assertThat(f.join().get("gate_ready").asBoolean()).isTrue());
        assertThat(log.messages(System.Logger.Level.WARNING)).anySatisfy(m -> assertThat(m)
                .contains("skipped the broken start of a line", "{\"event\":\"state\",\"gate_re"));
    }

    @Test
    void lines_notFrames_skippedAndTheFollowingFramesHandled() throws Exception {
        open();
        Request info = client.request("info");
        ObjectNode sent = pico.next("info");
        write("Traceback (most recent call last):\r\n  File \"main.py\", line 12\r\n>>> \r\n[1,2]\r\n"
                + "{\"what\":\"ever\"}\r\n\u00ff\u0000\r\n{\"id\":1.5,\"ok\":{}}\r\n\r\n");
        write(ok(sent, "{\"protocol\":\"2.0\"}"));
        assertThat(info.result()).succeedsWithin(WITHIN)
                .satisfies(ok -> assertThat(ok.get("protocol").asText()).isEqualTo("2.0"));
        Request gate = client.request("gate");
        write(ok(pico.next("gate"), "{\"gate_ready\":false}"));
        assertThat(gate.result()).succeedsWithin(WITHIN).extracting(ok -> ok.get("gate_ready"))
                .extracting(JsonNode::asBoolean).isEqualTo(false);
        assertThat(client.disconnected()).isNotDone();
    }

    private static Frame.Event take(BlockingQueue<Frame.Event> events) throws InterruptedException {
        Frame.Event event = events.poll(WITHIN.toSeconds(), TimeUnit.SECONDS);
        assertThat(event).as("an event").isNotNull();
        return event;
    }
}
