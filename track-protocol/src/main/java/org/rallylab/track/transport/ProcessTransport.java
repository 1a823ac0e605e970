package org.rallylab.track.transport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child process as the device: we write to its stdin and read its stdout; each stderr line goes
 * to the log. The process ending is the disconnect. Runs the firmware simulator
 * ({@code node pico-firmware/sim/run.mjs …}) or a home-made timer program.
 */
public final class ProcessTransport implements Transport {

    private static final System.Logger LOG = System.getLogger(ProcessTransport.class.getName());

    private final List<String> command;
    private final Path workingDirectory;
    private final System.Logger log;
    private volatile Process process;
    private volatile boolean closing;

    public ProcessTransport(List<String> command) {
        this(command, null);
    }

    /** @param workingDirectory where the process starts; null for this program's own */
    public ProcessTransport(List<String> command, Path workingDirectory) {
        this(command, workingDirectory, LOG);
    }

    ProcessTransport(List<String> command, Path workingDirectory, System.Logger log) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("the command line is empty");
        }
        this.command = List.copyOf(command);
        this.workingDirectory = workingDirectory;
        this.log = log;
    }

    @Override
    public synchronized void open(Listener listener) throws IOException {
        if (process != null) {
            throw new IllegalStateException(description() + " is already open");
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        Process p;
        try {
            p = builder.start();
        } catch (IOException e) {
            throw new IOException("could not start " + description() + ": " + e.getMessage(), e);
        }
        process = p;
        start("stderr of " + description(), () -> logErrors(p));
        start("stdout of " + description(), () -> readLoop(p, listener));
    }

    private static void start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }

    private void readLoop(Process p, Listener listener) {
        byte[] buffer = new byte[4096];
        try (InputStream out = p.getInputStream()) {
            int n;
            while ((n = out.read(buffer)) >= 0) {
                if (n > 0) {
                    try {
                        listener.received(Arrays.copyOf(buffer, n));
                    } catch (RuntimeException e) {
                        log.log(System.Logger.Level.WARNING, "the listener of " + description() + " failed", e);
                    }
                }
            }
        } catch (IOException e) {
            log.log(System.Logger.Level.DEBUG, "reading " + description() + " ended: " + e.getMessage());
        }
        listener.disconnected(closing ? "closed by RallyLab" : exitReason(p));
    }

    private String exitReason(Process p) {
        try {
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroy();
                return description() + " closed its output";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return description() + " closed its output";
        }
        return description() + " exited with code " + p.exitValue();
    }

    private void logErrors(Process p) {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                log.log(System.Logger.Level.INFO, "[" + command.get(0) + "] " + line);
            }
        } catch (IOException e) {
            // the process is gone; stdout's reader reports it
        }
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        Process p = process;
        if (p == null || closing) {
            throw new IOException(description() + " is not running");
        }
        synchronized (this) {
            OutputStream in = p.getOutputStream();
            in.write(bytes);
            in.flush();
        }
    }

    /** Ends the process (and its children); stdout's reader then reports the disconnect. */
    @Override
    public void close() {
        closing = true;
        Process p = process;
        if (p != null) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
    }

    @Override
    public String description() {
        return "process '" + String.join(" ", command) + "'";
    }
}
