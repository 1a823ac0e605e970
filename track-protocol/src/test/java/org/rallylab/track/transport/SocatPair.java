package org.rallylab.track.transport;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.rallylab.domain.testing.Await;

/** Two linked pseudo-terminals from socat: what is written to one is read from the other. */
public final class SocatPair implements AutoCloseable {

    /** One end (the host's, by habit). */
    public final Path a;
    /** The other end (the device's). */
    public final Path b;
    private final Process process;

    private SocatPair(Path a, Path b, Process process) {
        this.a = a;
        this.b = b;
        this.process = process;
    }

    /** Starts socat with the two ends as links {@code ttyA} and {@code ttyB} in {@code dir}. */
    public static SocatPair start(Path dir) throws Exception {
        Path a = dir.resolve("ttyA");
        Path b = dir.resolve("ttyB");
        Process process;
        try {
            process = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            fail("socat is needed for the serial tests: apt-get install socat");
            throw e;
        }
        CompletableFuture<Void> ready = new CompletableFuture<>();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    if (line.contains("starting data transfer loop")) {
                        ready.complete(null);
                    }
                }
            } catch (IOException e) {
                // socat ended
            }
            ready.completeExceptionally(new IllegalStateException("socat ended: " + output));
        }, "socat output");
        reader.setDaemon(true);
        reader.start();
        ready.get(Await.timeout().toSeconds(), TimeUnit.SECONDS);
        return new SocatPair(a, b, process);
    }

    /** The other end disappears, like a Pico pulled out. */
    public void kill() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(Await.timeout().toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        try {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
