package org.rallylab.track.transport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A {@link Transport.Listener} that keeps what it got and lets a test wait for it. */
final class Collector implements Transport.Listener {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final List<String> disconnects = new CopyOnWriteArrayList<>();
    private int chunks;

    @Override
    public synchronized void received(byte[] chunk) {
        bytes.writeBytes(chunk);
        chunks++;
        notifyAll();
    }

    @Override
    public synchronized void disconnected(String reason) {
        disconnects.add(reason);
        notifyAll();
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

    /** Waits up to 10 s until {@code text()} ends with {@code suffix}. */
    synchronized String awaitText(String suffix) throws InterruptedException {
        await(() -> text().endsWith(suffix), "the text to end with " + suffix + ", got: " + text());
        return text();
    }

    synchronized String awaitDisconnect() throws InterruptedException {
        await(() -> !disconnects.isEmpty(), "a disconnect");
        return disconnects.get(0);
    }

    private void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("waited 10 s for " + what);
            }
            wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
        }
    }
}
