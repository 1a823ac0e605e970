package org.rallylab.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link RallyFileChild} in its own JVM, with the test's class path. Its standard output goes
 * to a file, not a pipe: what the child wrote before a kill is in the page cache, whatever
 * happens to the process, and reading it back cannot race with the JVM's process reaper. Only
 * complete lines count (a line cut off by a kill does not).
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path output;
    private final Path errors;

    private ChildJvm(Process process, Path output, Path errors) {
        this.process = process;
        this.output = output;
        this.errors = errors;
    }

    /** Starts {@code RallyFileChild} with {@code args}; {@code work} takes SQLite's native library and the output files. */
    static ChildJvm start(Path work, String... args) throws IOException {
        Path output = Files.createTempFile(work, "child-", ".stdout");
        Path errors = Files.createTempFile(work, "child-", ".stderr");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dorg.sqlite.tmpdir=" + work,
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx128m",
                RallyFileChild.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
        return new ChildJvm(process, output, errors);
    }

    /** Waits for the first line that starts with {@code prefix}; fails with the child's stderr after {@code seconds}. */
    String await(String prefix, int seconds) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            for (String line : lines()) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            if (System.nanoTime() > deadline || !process.isAlive() && !hasLine(prefix)) {
                throw new AssertionError("child printed no \"" + prefix + "\" in " + seconds + " s (alive: "
                        + process.isAlive() + "); output: " + lines() + "; stderr: " + stderr());
            }
            Thread.sleep(5);
        }
    }

    private boolean hasLine(String prefix) throws IOException {
        return lines().stream().anyMatch(l -> l.startsWith(prefix));
    }

    /** Kills the child with SIGKILL (no shutdown hooks, no cleanup) and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("child " + process.pid() + " survived SIGKILL for 30 s");
        }
    }

    /** Asks the child to stop with SIGTERM (shutdown hooks run, as when the system shuts down); returns its exit code. */
    int terminate() throws InterruptedException, IOException {
        // kill -TERM as the system sends it: Process.destroy() would also close the child's input, which
        // RallyFileChild takes for the test JVM going away
        Process kill = new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid())).start();
        if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            process.destroy();
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("child " + process.pid() + " did not stop in 60 s after SIGTERM");
        }
        return process.exitValue();
    }

    /** The highest {@code committed <n>} the child printed so far (0: none). */
    long lastCommitted() throws IOException {
        long last = 0;
        for (String line : lines()) {
            if (line.startsWith("committed ")) {
                last = Math.max(last, Long.parseLong(line.substring("committed ".length())));
            }
        }
        return last;
    }

    /** Waits for a child that exits by itself; returns its exit code. */
    int waitFor(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("child did not exit in " + seconds + " s");
        }
        return process.exitValue();
    }

    /** The complete lines the child printed so far. */
    List<String> lines() throws IOException {
        String text = Files.readString(output, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n", -1));
    }

    String stderr() throws IOException {
        return Files.readString(errors);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
