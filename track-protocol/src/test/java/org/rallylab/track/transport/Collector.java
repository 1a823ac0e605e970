package org.rallylab.track.transport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.rallylab.domain.testing.Await;

/** A {@link Transport.Listener} that keeps what it got and lets a test wait for it. */
final class Collector implements Transport.Listener {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final List<String> disconnects = new CopyOnWriteArrayList<>();
    private int chunks;

    @Override
    public synchronized void received(byte[] chunk) {
        bytes.writeBytes(chunk);
        chunks++;
    }

    @Override
    public synchronized void disconnected(String reason) {
        disconnects.add(reason);
    }

    synchronized String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    synchronized int chunks() {
        return chunks;
    }

    List<String> disconnects() {
        return List.copyOf(disconnects);
    }

    /** Waits until {@code text()} ends with {@code suffix}. */
    String awaitText(String suffix) throws InterruptedException {
        return Await.until("the text to end with " + suffix, this::text, t -> t.endsWith(suffix));
    }

    String awaitDisconnect() throws InterruptedException {
        Await.until("a disconnect", () -> !disconnects.isEmpty());
        return disconnects.get(0);
    }
}
