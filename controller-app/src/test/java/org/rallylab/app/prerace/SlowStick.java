package org.rallylab.app.prerace;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A roster file on a slow USB stick, for the tests (issue 11): a named pipe that delivers what
 * the test gives it and then waits, kept open, so a read of it is still going when the test
 * cancels it. Nothing is timed: the read waits for as long as the test wants.
 */
public final class SlowStick implements AutoCloseable {

    private final Path path;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "slow-stick");
        t.setDaemon(true);
        return t;
    });
    private Future<OutputStream> out;

    private SlowStick(Path path) {
        this.path = path;
    }

    /** A named pipe at {@code path}; empty where there is no mkfifo to make one. */
    public static Optional<SlowStick> at(Path path) {
        try {
            Process p = new ProcessBuilder("mkfifo", path.toString()).start();
            boolean made = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
            return made ? Optional.of(new SlowStick(path)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    public Path path() {
        return path;
    }

    /** Delivers {@code text} once a reader opens the file, then waits with the file open. */
    public void deliver(String text) {
        out = writer.submit(() -> {
            OutputStream stream = Files.newOutputStream(path); // returns when the reader opens the file
            stream.write(text.getBytes(StandardCharsets.UTF_8));
            stream.flush();
            return stream;
        });
    }

    /** True when the reader has closed the file: one more byte cannot be written (it is sent when not). */
    public boolean letGo() throws Exception {
        try {
            OutputStream stream = out.get(30, TimeUnit.SECONDS);
            stream.write('\n');
            stream.flush();
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Ends the writer whatever happened: opens the reading end if nobody did, closes the writing end. */
    @Override
    public void close() throws IOException {
        try {
            if (out != null) {
                if (!out.isDone()) {
                    try (InputStream unblock = Files.newInputStream(path)) {
                        unblock.readNBytes(1);
                    }
                }
                try (OutputStream stream = out.get(30, TimeUnit.SECONDS)) {
                    stream.flush();
                } catch (IOException | ExecutionException | TimeoutException e) {
                    // the pipe is broken already: nothing left to end
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            writer.shutdownNow();
        }
    }
}
