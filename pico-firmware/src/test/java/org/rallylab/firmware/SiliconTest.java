package org.rallylab.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the firmware (src/*.py) on the real MicroPython rp2 port inside an emulated RP2040
 * (rp2040js), one dynamic test per scenario in silicon/scenarios/*.mjs: races timed at exact
 * emulated nanoseconds, resets, updates, a host that stops reading. See silicon/README.md.
 *
 * <p>The emulator kit (MicroPython's firmware.bin, the RP2040 boot ROM, a Pico driver for
 * rp2040js, mpy-cross) is a test aid kept outside this project; the system property
 * {@code rp2.emulator} names its folder. When it is absent the test is skipped. The test copies
 * what it runs into {@code rp2.kit.work} (the build directory's rp2-kit), installs rp2040js there
 * with {@code npm ci}, prepares the flash images once, and runs the scenarios in a few Node
 * processes side by side. Each scenario's METRIC line goes to silicon-metrics.json in the build
 * directory.
 */
class SiliconTest {

    private static final String[] KIT_FILES = {"pico.mjs", "firmware.bin", "bootrom-b1.bin", "mpy-cross"};
    private static final Pattern END = Pattern.compile("^=== END (\\S+) (PASS|FAIL)\\b.*");
    private static final Pattern START = Pattern.compile("^=== SCENARIO (\\S+)\\s*$");
    /** Emulation runs 3 to 4 times slower than real time on one core; another build may share the machine. */
    private static final long SECONDS_PER_COST = 25;
    private static final long MIN_SCENARIO_SECONDS = 300;

    private final Map<String, String> metrics = new ConcurrentHashMap<>();
    private Path metricsFile;

    @TestFactory
    Stream<DynamicTest> firmwareOnEmulatedSilicon_eachScenario_passes() throws Exception {
        Path module = Node.firmwareDir();
        Path kit = kitDir(module);
        if (!Files.isRegularFile(kit.resolve("pico.mjs"))) {
            String why = "rp2 emulator kit not found at " + kit
                    + ": the firmware's tests on emulated silicon are skipped";
            System.out.println(why); // surefire's console shows a skip only as a count
            return Stream.of(DynamicTest.dynamicTest("rp2 emulator kit", () -> Assumptions.abort(why)));
        }
        Node.require20();
        Path build = Paths.get(System.getProperty("rp2.build.dir", module.resolve("target").toString()));
        Path work = Paths.get(System.getProperty("rp2.kit.work", build.resolve("rp2-kit").toString()));
        metricsFile = build.resolve("silicon-metrics.json");
        Files.createDirectories(work);
        prepareWork(kit, work);
        Path silicon = module.resolve("silicon");
        Path src = module.resolve("src");
        Map<String, String> env = new LinkedHashMap<>(Map.of(
                "RP2_KIT", work.toString(),
                "SILICON_IMAGES", work.resolve("images").toString(),
                "FIRMWARE_SRC", src.toString()));
        if (Boolean.getBoolean("silicon.long")) {
            env.put("SILICON_LONG", "1"); // 1000 near-ties instead of a few dozen
        }

        // The flash images, once per change of the firmware's sources or of the kit.
        String stamp = sourcesStamp(src, work);
        Path stampFile = work.resolve("images").resolve("sources.sha256");
        Path prepareMetric = work.resolve("images").resolve("prepare.metric");
        if (!Files.exists(stampFile) || !Files.readString(stampFile).equals(stamp)) {
            Files.deleteIfExists(stampFile);
            Node.Result r = Node.run(silicon, env, 600, "node", "run.mjs", "prepare", "--images", work.resolve("images").toString());
            System.out.println(r.output());
            if (r.exit() != 0) {
                return Stream.of(DynamicTest.dynamicTest("prepare the flash images", () ->
                        fail("node run.mjs prepare failed (exit " + r.exit() + "):\n" + r.output())));
            }
            for (String line : r.output().split("\n")) {
                if (line.startsWith("METRIC ")) {
                    Files.writeString(prepareMetric, line.substring(7).trim());
                }
            }
            Files.writeString(stampFile, stamp);
        }
        if (Files.exists(prepareMetric)) {
            metrics.put("prepare", Files.readString(prepareMetric));
        }

        Map<String, Integer> costs = new LinkedHashMap<>();
        Node.Result list = Node.run(silicon, env, 120, "node", "run.mjs", "list");
        assertThat(list.exit()).withFailMessage("node run.mjs list failed:%n%s", list.output()).isZero();
        for (String line : list.output().split("\n")) {
            String[] w = line.trim().split("\\s+");
            if (w.length == 2 && w[1].matches("\\d+")) {
                costs.put(w[0], Integer.parseInt(w[1]));
            }
        }
        assertThat(costs).as("scenarios in %s", silicon.resolve("scenarios")).isNotEmpty();

        // Longest first into the least loaded of a few Node processes.
        int parallel = Integer.getInteger("rp2.parallel",
                Math.max(1, Math.min(3, Runtime.getRuntime().availableProcessors())));
        List<List<String>> groups = new ArrayList<>();
        long[] load = new long[parallel];
        for (int i = 0; i < parallel; i++) {
            groups.add(new ArrayList<>());
        }
        costs.entrySet().stream()
                .sorted((a, b) -> b.getValue() - a.getValue())
                .forEach(e -> {
                    int g = 0;
                    for (int i = 1; i < parallel; i++) {
                        if (load[i] < load[g]) {
                            g = i;
                        }
                    }
                    groups.get(g).add(e.getKey());
                    load[g] += e.getValue();
                });
        Map<String, CompletableFuture<Block>> results = new LinkedHashMap<>();
        for (String name : costs.keySet()) {
            results.put(name, new CompletableFuture<>());
        }
        for (List<String> group : groups) {
            if (!group.isEmpty()) {
                long budget = group.stream()
                        .mapToLong(n -> Math.max(MIN_SCENARIO_SECONDS, costs.get(n) * SECONDS_PER_COST)).sum();
                startGroup(silicon, env, group, budget, results);
            }
        }
        return results.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Block b = e.getValue().join();
            System.out.println(b.output);
            if (b.metric != null) {
                metrics.put(e.getKey(), b.metric);
                writeMetrics();
            }
            assertThat(b.passed).withFailMessage("silicon scenario %s failed:%n%s", e.getKey(), b.output).isTrue();
        }));
    }

    private record Block(boolean passed, String output, String metric) {}

    /** Runs one Node process for the group; completes each scenario's future as its block ends. */
    private static void startGroup(Path dir, Map<String, String> env, List<String> names, long budgetSeconds,
            Map<String, CompletableFuture<Block>> results) throws IOException {
        List<String> command = new ArrayList<>(List.of("node", "run.mjs"));
        command.addAll(names);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        StringBuffer all = new StringBuffer(); // written by the reader and the guard
        Thread reader = new Thread(() -> {
            StringBuilder cur = null;
            String name = null;
            String metric = null;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    all.append(line).append('\n');
                    Matcher s = START.matcher(line);
                    if (s.matches()) {
                        name = s.group(1);
                        cur = new StringBuilder();
                        metric = null;
                    }
                    if (cur != null) {
                        cur.append(line).append('\n');
                    }
                    if (line.startsWith("METRIC ")) {
                        metric = line.substring(7).trim();
                    }
                    Matcher m = END.matcher(line);
                    if (m.matches() && cur != null && results.containsKey(m.group(1))) {
                        results.get(m.group(1)).complete(new Block("PASS".equals(m.group(2)), cur.toString(), metric));
                        cur = null;
                    }
                }
            } catch (IOException e) {
                all.append("reading the output failed: ").append(e).append('\n');
            }
            String tail = all.length() > 6000 ? all.substring(all.length() - 6000) : all.toString();
            for (String n : names) {
                results.get(n).complete(new Block(false,
                        "node run.mjs " + String.join(" ", names) + " ended before scenario " + n
                                + " reported its result; the process's output ends:\n" + tail, null));
            }
        }, "silicon-" + names.get(0));
        reader.setDaemon(true);
        reader.start();
        Thread guard = new Thread(() -> {
            try {
                if (!p.waitFor(budgetSeconds, TimeUnit.SECONDS)) {
                    all.append("\n(killed: no result within ").append(budgetSeconds).append(" s)\n");
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }, "silicon-guard-" + names.get(0));
        guard.setDaemon(true);
        guard.start();
    }

    private void writeMetrics() throws IOException {
        StringBuilder sb = new StringBuilder("[\n");
        List<String> lines = new ArrayList<>(new java.util.TreeMap<>(metrics).values());
        for (int i = 0; i < lines.size(); i++) {
            sb.append("  ").append(lines.get(i)).append(i + 1 < lines.size() ? ",\n" : "\n");
        }
        sb.append("]\n");
        Files.createDirectories(metricsFile.getParent());
        Files.writeString(metricsFile, sb.toString());
    }

    private static Path kitDir(Path module) {
        String prop = System.getProperty("rp2.emulator");
        if (prop != null && !prop.isBlank()) {
            return Paths.get(prop).toAbsolutePath().normalize();
        }
        return module.getParent().resolve("..").resolve("shared").resolve("rp2-emulator").normalize();
    }

    /** Copies the kit's package files and runtime files into the work folder; npm ci when needed. */
    private static void prepareWork(Path kit, Path work) throws IOException {
        boolean lockChanged = copyIfDifferent(kit.resolve("package-lock.json"), work.resolve("package-lock.json"));
        copyIfDifferent(kit.resolve("package.json"), work.resolve("package.json"));
        for (String f : KIT_FILES) {
            if (Files.exists(kit.resolve(f))) {
                copyIfDifferent(kit.resolve(f), work.resolve(f));
            }
        }
        Path cross = work.resolve("mpy-cross");
        if (Files.exists(cross) && !Node.WINDOWS) {
            cross.toFile().setExecutable(true);
        }
        Node.install(work, lockChanged);
    }

    private static boolean copyIfDifferent(Path from, Path to) throws IOException {
        if (Files.exists(to) && Files.size(to) == Files.size(from)
                && Arrays.equals(Files.readAllBytes(to), Files.readAllBytes(from))) {
            return false;
        }
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        return true;
    }

    /** A digest of the firmware's sources, the harness and the kit's firmware: the images' identity. */
    private static String sourcesStamp(Path src, Path work) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(src)) {
            s.filter(p -> p.getFileName().toString().endsWith(".py")).sorted().forEach(files::add);
        }
        files.add(work.resolve("firmware.bin"));
        files.add(src.resolveSibling("silicon").resolve("harness.mjs"));
        for (Path f : files) {
            md.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            md.update(Files.readAllBytes(f));
        }
        return HexFormat.of().formatHex(md.digest());
    }

}
