package org.rallylab.bench.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.rallylab.bench.BenchmarkRallies;
import org.rallylab.domain.event.DomainEvent;

/**
 * The app as a user starts it: a fresh JVM runs the packaged app ({@code controller-app/target/rallylab.jar},
 * what {@code ./rallylab} runs, with the same default JVM options) on a rally file, and the app's start probe
 * ({@code -Drallylab.probe}) reports, at the first rendered pulse of the operator window, the time
 * since the JVM started and the resident memory after a GC; then it exits. Needs a display
 * (benchmarks/run starts Xvfb when there is none).
 */
public final class AppStart {

    /** Medians over the runs. */
    public record Result(double startMedianMs, double rssMedianMb, long events, int runs) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private AppStart() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "controller-app/target/rallylab.jar");
        Result typical = typicalDay(jar, 5);
        Result large = tenThousandEvents(jar, 3);
        System.out.printf(Locale.ROOT, "{\"app_start_ms\":%.1f,\"rss_10k_events_mb\":%.1f}%n", typical.startMedianMs(),
                large.rssMedianMb());
    }

    /** Starts on a typical race day (about 500 events). */
    public static Result typicalDay(Path jar, int runs) throws Exception {
        Path folder = Files.createTempDirectory("rallylab-start-bench");
        Path rally = BenchmarkRallies.write(folder.resolve("typical.rallylab"), BenchmarkRallies.typicalDay());
        return measure(jar, folder, rally, runs);
    }

    /** Starts on a rally of at least 10 000 events. */
    public static Result tenThousandEvents(Path jar, int runs) throws Exception {
        Path folder = Files.createTempDirectory("rallylab-rss-bench");
        List<DomainEvent> events = new ArrayList<>();
        for (int sections = 18; events.size() < 10_000; sections++) {
            events = BenchmarkRallies.largeRally(sections);
        }
        Path rally = BenchmarkRallies.write(folder.resolve("large.rallylab"), events);
        return measure(jar, folder, rally, runs);
    }

    private static Result measure(Path jar, Path folder, Path rally, int runs) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " is missing: build it with ./mvnw -DskipTests -pl controller-app -am package");
        }
        double[] starts = new double[runs];
        double[] rss = new double[runs];
        long events = 0;
        for (int i = 0; i < runs; i++) {
            Path probe = folder.resolve("probe-" + i + ".json");
            Path data = Files.createDirectories(folder.resolve("data-" + i));
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString()));
            command.addAll(List.of("-Drallylab.probe=" + probe, "-Drallylab.probe.exit=true",
                    "-Drallylab.data=" + data, "-jar", jar.toString(), "--rally", rally.toString(), "--track", "none"));
            Process app = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(folder.resolve("app-" + i + ".log").toFile()).start();
            if (!app.waitFor(60, TimeUnit.SECONDS)) {
                app.destroyForcibly();
                throw new IOException("the app did not start and exit within 60 s; see " + folder);
            }
            if (!Files.isRegularFile(probe)) {
                throw new IOException("the app exited (" + app.exitValue() + ") without writing its probe; see "
                        + folder.resolve("app-" + i + ".log"));
            }
            JsonNode report = JSON.readTree(probe.toFile());
            starts[i] = report.path("app_start_ms").asDouble();
            rss[i] = report.path("rss_mb").asDouble();
            events = report.path("events").asLong();
        }
        Arrays.sort(starts);
        Arrays.sort(rss);
        return new Result(starts[runs / 2], rss[runs / 2], events, runs);
    }
}
