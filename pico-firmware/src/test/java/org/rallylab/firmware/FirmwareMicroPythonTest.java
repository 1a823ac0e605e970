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

    private static final long FILE_TIMEOUT_SECONDS = 120;

    @TestFactory
    Stream<DynamicTest> micropythonTests_eachFile_exitsZero() throws Exception {
        Path testDir = Node.firmwareDir().resolve("test");
        Node.require20();
        Node.install(testDir, false);
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

    private static void runNode(Path dir, String... args) throws IOException {
        String[] command = new String[args.length + 1];
        command[0] = "node";
        System.arraycopy(args, 0, command, 1, args.length);
        Node.Result r = Node.run(dir, java.util.Map.of(), FILE_TIMEOUT_SECONDS, command);
        System.out.println(r.output());
        String what = String.join(" ", args);
        assertThat(r.exit()).withFailMessage("%s failed (exit %d):%n%s", what, r.exit(), r.output()).isZero();
    }

}
