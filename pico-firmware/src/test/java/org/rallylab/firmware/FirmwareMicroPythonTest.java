package org.rallylab.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the firmware's MicroPython tests (pico-firmware/test/test_*.py) in real MicroPython
 * 1.27 for WebAssembly under Node, one dynamic test per file, and the simulator's smoke test
 * (sim/smoke.mjs), so {@code ./mvnw verify} covers the firmware. Needs Node.js 20 or newer; installs the pinned npm package with {@code npm ci}
 * when node_modules is missing or older than package-lock.json.
 */
class FirmwareMicroPythonTest {

    static final String NEED_NODE =
            "The firmware tests need Node.js 20 or newer: install it from https://nodejs.org"
                    + " or with apt-get install nodejs";
    private static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    private static final long FILE_TIMEOUT_SECONDS = 120;

    @TestFactory
    Stream<DynamicTest> micropythonTests_eachFile_exitsZero() throws Exception {
        Path testDir = firmwareDir().resolve("test");
        checkNode();
        installPackages(testDir);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(testDir)) {
            listing.filter(p -> p.getFileName().toString().matches("test_.*\\.py"))
                    .sorted()
                    .forEach(files::add);
        }
        assertThat(files).as("test files in %s", testDir).isNotEmpty();
        Stream<DynamicTest> pythonTests = files.stream().map(f -> DynamicTest.dynamicTest(
                f.getFileName().toString(), () -> runNode(testDir, "run.mjs", f.getFileName().toString())));
        Stream<DynamicTest> simulator = Stream.of(DynamicTest.dynamicTest("sim/smoke.mjs",
                () -> runNode(testDir.resolveSibling("sim"), "smoke.mjs")));
        return Stream.concat(pythonTests, simulator);
    }

    private static Path firmwareDir() {
        String dir = System.getProperty("firmware.dir");
        Path base = dir != null ? Paths.get(dir) : Paths.get("").toAbsolutePath();
        if (!Files.isDirectory(base.resolve("test")) && Files.isDirectory(base.resolve("pico-firmware"))) {
            base = base.resolve("pico-firmware");
        }
        return base;
    }

    private static void checkNode() {
        Result r;
        try {
            r = run(Paths.get("."), 30, "node", "--version");
        } catch (IOException e) {
            throw new AssertionError(NEED_NODE + " (node was not found: " + e.getMessage() + ")", e);
        }
        Matcher m = Pattern.compile("v(\\d+)\\.").matcher(r.output);
        if (r.exit != 0 || !m.find()) {
            fail(NEED_NODE + " (node --version said: " + r.output.trim() + ")");
        }
        int major = Integer.parseInt(m.group(1));
        if (major < 20) {
            fail(NEED_NODE + " (found " + r.output.trim() + ")");
        }
    }

    private static void installPackages(Path testDir) throws IOException {
        Path lock = testDir.resolve("package-lock.json");
        Path installed = testDir.resolve("node_modules").resolve(".package-lock.json");
        if (Files.exists(installed) && !olderThan(installed, lock)) {
            return;
        }
        Result r = run(testDir, 300, WINDOWS ? "npm.cmd" : "npm", "ci", "--no-audit", "--no-fund");
        if (r.exit != 0) {
            fail("npm ci in " + testDir + " failed (exit " + r.exit + "):\n" + r.output);
        }
    }

    private static boolean olderThan(Path a, Path b) throws IOException {
        FileTime ta = Files.getLastModifiedTime(a);
        FileTime tb = Files.getLastModifiedTime(b);
        return ta.compareTo(tb) < 0;
    }

    private static void runNode(Path dir, String... args) throws IOException {
        String[] command = new String[args.length + 1];
        command[0] = "node";
        System.arraycopy(args, 0, command, 1, args.length);
        Result r = run(dir, FILE_TIMEOUT_SECONDS, command);
        System.out.println(r.output);
        String what = String.join(" ", args);
        assertThat(r.exit).withFailMessage("%s failed (exit %d):%n%s", what, r.exit, r.output).isZero();
    }

    private record Result(int exit, String output) {}

    private static Result run(Path dir, long timeoutSeconds, String... command) throws IOException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out;
        try {
            out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within "
                        + timeoutSeconds + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + String.join(" ", command), e);
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
