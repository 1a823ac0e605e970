package org.rallylab.firmware;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the firmware's JUnit bridges share: the module's folder, Node.js 20 or newer, {@code npm ci}
 * when a folder's packages are missing or stale, and running a command with a time limit.
 */
final class Node {

    static final String NEED_NODE =
            "The firmware tests need Node.js 20 or newer: install it from https://nodejs.org"
                    + " or with apt-get install nodejs";
    static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase().startsWith("windows");

    /** A finished command: its exit code and its output (stdout and stderr together). */
    record Result(int exit, String output) {
    }

    private Node() {
    }

    /** pico-firmware's folder: the {@code firmware.dir} property, or found from the working directory. */
    static Path firmwareDir() {
        String dir = System.getProperty("firmware.dir");
        Path base = dir != null ? Paths.get(dir) : Paths.get("").toAbsolutePath();
        if (!Files.isDirectory(base.resolve("test")) && Files.isDirectory(base.resolve("pico-firmware"))) {
            base = base.resolve("pico-firmware");
        }
        return base.toAbsolutePath().normalize();
    }

    /** Fails the test, saying what to install, unless Node.js 20 or newer answers. */
    static void require20() {
        Result r;
        try {
            r = run(Paths.get("."), Map.of(), 30, "node", "--version");
        } catch (IOException e) {
            throw new AssertionError(NEED_NODE + " (node was not found: " + e.getMessage() + ")", e);
        }
        Matcher m = Pattern.compile("v(\\d+)\\.").matcher(r.output());
        if (r.exit() != 0 || !m.find() || Integer.parseInt(m.group(1)) < 20) {
            fail(NEED_NODE + " (node --version said: " + r.output().trim() + ")");
        }
    }

    /**
     * {@code npm ci} in {@code dir} when {@code always}, or when its node_modules is missing or
     * older than its package-lock.json.
     */
    static void install(Path dir, boolean always) throws IOException {
        Path installed = dir.resolve("node_modules").resolve(".package-lock.json");
        if (!always && Files.exists(installed) && Files.getLastModifiedTime(installed)
                .compareTo(Files.getLastModifiedTime(dir.resolve("package-lock.json"))) >= 0) {
            return;
        }
        Result r = run(dir, Map.of(), 300, WINDOWS ? "npm.cmd" : "npm", "ci", "--no-audit", "--no-fund");
        if (r.exit() != 0) {
            fail("npm ci in " + dir + " failed (exit " + r.exit() + "):\n" + r.output());
        }
    }

    /** Runs {@code command} in {@code dir} with {@code env} added; fails the test past the time limit. */
    static Result run(Path dir, Map<String, String> env, long timeoutSeconds, String... command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), out.join());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + String.join(" ", command), e);
        }
    }
}
