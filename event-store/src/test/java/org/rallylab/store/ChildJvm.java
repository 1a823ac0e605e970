package org.rallylab.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.rallylab.domain.testing.Await;

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

    /** Waits for the first line that starts with {@code prefix}; fails with the child's output and stderr. */
    String await(String prefix) {
        return Await.value("the child to print a line starting with \"" + prefix + "\"", () -> {
            Optional<String> line = lines().stream().filter(l -> l.startsWith(prefix)).findFirst();
            if (line.isEmpty()) {
                throw new AssertionError("not yet (alive: " + process.isAlive() + "); output: " + lines()
                        + "; stderr: " + stderr());
            }
            return line;
        });
    }

    /** Waits until the child has reported at least {@code count} commits. */
    void awaitCommits(int count) {
        Await.until("the child to report " + count + " commits", () -> lines().stream()
                .filter(l -> l.startsWith("committed ")).count() >= count);
    }

    /** Kills the child with SIGKILL (no shutdown hooks, no cleanup) and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(Await.timeout().toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("child " + process.pid() + " survived SIGKILL for "
                    + Await.timeout().toSeconds() + " s");
        }
    }

    /** Asks the child to stop with SIGTERM (shutdown hooks run, as when the system shuts down); returns its exit code. */
    int terminate() throws InterruptedException, IOException {
        // kill -TERM as the system sends it: Process.destroy() would also close the child's input, which
        // RallyFileChild takes for the test JVM going away
        Process kill = new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid())).start();
        if (!kill.waitFor(Await.timeout().toSeconds(), TimeUnit.SECONDS) || kill.exitValue() != 0) {
            process.destroy();
        }
        if (!process.waitFor(Await.timeout().toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("child " + process.pid() + " did not stop in "
                    + Await.timeout().toSeconds() + " s after SIGTERM");
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
    int waitFor() throws InterruptedException {
        if (!process.waitFor(Await.timeout().toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("child did not exit in " + Await.timeout().toSeconds() + " s");
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
