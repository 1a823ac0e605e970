package org.rallylab.track.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.rallylab.domain.testing.Await;

/**
 * The unchanged firmware running in the host simulator (pico-firmware/sim/run.mjs, real
 * MicroPython under Node), reached through a real pseudo-terminal made by socat. A missing tool
 * fails the test with a message naming what to install; nothing is skipped.
 */
final class FirmwareSimulator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FirmwareSimulator() {
    }

    /** The pico-firmware folder of this checkout. */
    static Path firmwareDir() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pico-firmware/sim/run.mjs"))) {
                return p.resolve("pico-firmware");
            }
        }
        throw new AssertionError("pico-firmware/sim/run.mjs not found above " + here);
    }

    /** Node 20+, socat and the firmware's npm packages, or a failure saying what to install. */
    static void requireTools() throws IOException, InterruptedException {
        String node = run(List.of("node", "-p", "process.versions.node.split('.')[0]"), null,
                "The end-to-end track tests need Node.js 20 or newer: install it from https://nodejs.org "
                        + "or with apt-get install nodejs");
        if (Integer.parseInt(node.strip()) < 20) {
            throw new AssertionError("Node.js " + node.strip() + " is too old for the firmware simulator: install 20 or newer");
        }
        run(List.of("socat", "-V"), null, "The end-to-end track tests need socat: apt-get install socat");
        Path test = firmwareDir().resolve("test");
        if (!Files.isDirectory(test.resolve("node_modules/@micropython/micropython-webassembly-pyscript"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"), test,
                    "npm ci failed in " + test + "; the simulator needs the MicroPython package");
        }
    }

    /** {@code node pico-firmware/sim/run.mjs args...} as socat's EXEC address (no shell involved). */
    static String execAddress(String... simArgs) {
        StringBuilder exec = new StringBuilder("EXEC:node ").append(firmwareDir().resolve("sim/run.mjs"));
        for (String arg : simArgs) {
            if (arg.contains(" ") || arg.contains(",") || arg.contains(":") || arg.contains("!")) {
                throw new IllegalArgumentException("socat's EXEC address cannot carry " + arg);
            }
            exec.append(' ').append(arg);
        }
        return exec.toString();
    }

    /** Starts the simulator behind a pty at {@code link}; its messages go to {@code log}. */
    static Process overPty(Path link, Path log, String... simArgs) throws IOException, InterruptedException {
        Process socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + link, execAddress(simArgs))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        awaitLink(link, socat);
        return socat;
    }

    /** A bare pty pair (host end, device end), for relaying a link the test can cut. */
    static Process ptyPair(Path host, Path device, Path log) throws IOException, InterruptedException {
        Process socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + host, "pty,raw,echo=0,link=" + device)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        awaitLink(host, socat);
        awaitLink(device, socat);
        return socat;
    }

    static void stop(Process socat, Path link) throws InterruptedException, IOException {
        if (socat != null) {
            socat.destroy();
            if (!socat.waitFor(Await.timeout().toSeconds(), TimeUnit.SECONDS)) {
                socat.destroyForcibly().waitFor(Await.timeout().toSeconds(), TimeUnit.SECONDS);
            }
        }
        // socat removes its link as it exits (it has exited now); one killed outright leaves it behind
        Files.deleteIfExists(link);
    }

    /** The races the simulator planned, in order, from its --times-log. */
    static List<JsonNode> plannedRaces(Path timesLog) throws IOException {
        List<JsonNode> races = new ArrayList<>();
        if (Files.exists(timesLog)) {
            for (String line : Files.readAllLines(timesLog, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    races.add(JSON.readTree(line));
                }
            }
        }
        return races;
    }

    private static void awaitLink(Path link, Process socat) {
        Await.until("socat to make " + link, () -> {
            if (!Files.exists(link) && !socat.isAlive()) {
                throw new AssertionError("socat exited (code " + socat.exitValue() + ") without making it");
            }
            return Files.exists(link);
        });
    }

    private static String run(List<String> command, Path dir, String whenMissing) throws InterruptedException {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError(whenMissing + "\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError(whenMissing + " (" + e.getMessage() + ")", e);
        }
    }
}
