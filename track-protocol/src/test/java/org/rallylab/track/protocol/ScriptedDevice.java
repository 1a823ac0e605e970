package org.rallylab.track.protocol;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.rallylab.domain.testing.Await;
import org.rallylab.track.transport.Transport;

/**
 * The device end of a link, driven by a test line by line: it collects the host's requests and
 * sends whatever lines the test scripts, including broken ones.
 */
public final class ScriptedDevice {

    private final Transport end;
    private final BlockingQueue<ObjectNode> requests = new LinkedBlockingQueue<>();
    private final CountDownLatch disconnected = new CountDownLatch(1);

    public ScriptedDevice(Transport deviceEnd) {
        this.end = deviceEnd;
        LineBuilder lines = new LineBuilder("the host", line -> {
            try {
                requests.add((ObjectNode) FrameCodec.MAPPER.readTree(line));
            } catch (JsonProcessingException | ClassCastException e) {
                throw new AssertionError("the host sent a line that is not a JSON object: " + line, e);
            }
        });
        try {
            deviceEnd.open(new Transport.Listener() {
                @Override
                public void received(byte[] chunk) {
                    lines.accept(chunk);
                }

                @Override
                public void disconnected(String reason) {
                    disconnected.countDown();
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next request the host sent. */
    public ObjectNode next() {
        try {
            ObjectNode request = requests.poll(Await.timeout().toSeconds(), TimeUnit.SECONDS);
            if (request == null) {
                fail("the host sent no request within " + Await.timeout().toSeconds() + " s");
            }
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next request, which must be {@code cmd}. */
    public ObjectNode next(String cmd) {
        ObjectNode request = next();
        if (!cmd.equals(request.path("cmd").asText())) {
            fail("expected '" + cmd + "' but the host sent " + request);
        }
        return request;
    }

    /** Requests received and not yet taken. */
    public int waiting() {
        return requests.size();
    }

    public void send(String line) {
        sendBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public void sendBytes(byte[] bytes) {
        try {
            end.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers {@code request} with {@code {"id":…,"ok":okJson}}. */
    public void answer(ObjectNode request, String okJson) {
        send("{\"id\":" + request.get("id").asLong() + ",\"ok\":" + okJson + "}");
    }

    /** Answers {@code request} with an error. */
    public void refuse(ObjectNode request, String code, String message) {
        send("{\"id\":" + request.get("id").asLong() + ",\"err\":\"" + message + "\",\"code\":\"" + code + "\"}");
    }

    public void unplug() {
        end.close();
    }

    public boolean awaitDisconnected() throws InterruptedException {
        return disconnected.await(Await.timeout().toSeconds(), TimeUnit.SECONDS);
    }
}
