package org.rallylab.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.results.RunResult;
import org.rallylab.bench.app.AppStart;
import org.rallylab.bench.cloud.CloudSync;
import org.rallylab.bench.track.AudienceLatency;
import org.rallylab.bench.track.TrackLatency;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark and prints one JSON object of medians in milliseconds (the keys the
 * issues name). JMH's own logs go to benchmarks/target/jmh/, one per benchmark; a summary
 * (median, 90th percentile, samples) goes to stderr.
 * {@code --quick} runs fewer, shorter iterations (noisier; for trying changes).
 */
public final class BenchmarkReport {

    private final boolean quick;
    private final Path log;

    private BenchmarkReport(boolean quick, Path log, java.util.Set<String> only) {
        this.quick = quick;
        this.log = log;
        this.only = only;
    }

    /** The keys to measure ({@code --only k1,k2}); empty: all of them. */
    private final java.util.Set<String> only;

    private boolean wanted(String... keys) {
        return only.isEmpty() || java.util.Arrays.stream(keys).anyMatch(only::contains);
    }

    public static void main(String[] args) throws Exception {
        boolean quick = java.util.Arrays.asList(args).contains("--quick");
        java.util.Set<String> only = new java.util.LinkedHashSet<>();
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--only")) {
                only.addAll(java.util.List.of(args[i + 1].split(",")));
            }
        }
        Path log = Path.of(Optional.ofNullable(System.getenv("RALLYLAB_BENCH_LOGS")).orElse("benchmarks/target/jmh"));
        Files.createDirectories(log);
        new BenchmarkReport(quick, log, only).run();
        System.exit(0); // JavaFX (the audience benchmark) keeps non-daemon threads
    }

    private void run() throws Exception {
        Map<String, Double> report = new LinkedHashMap<>();
        jmh(report, "replay_500_ms", "RallyFileBenchmarks.replay500", 3, 5, 1, 2);
        jmh(report, "fold_100k_ms", "DomainBenchmarks.fold100k", 3, 5, 2, 1);
        jmh(report, "replay_100k_ms", "RallyFileBenchmarks.replay100k", 2, 5, 3, 1);
        jmh(report, "verify_100k_ms", "RallyFileBenchmarks.verify100k", 2, 5, 4, 1);
        jmh(report, "open_10k_ms", "RallyFileBenchmarks.open10k", 2, 5, 2, 2);
        jmh(report, "append_median_ms", "RallyFileBenchmarks.appendOne", 2, 5, 1, 2);
        jmh(report, "backup_write_500_ms", "BackupBenchmarks.write500", 2, 5, 1, 2);
        jmh(report, "restore_500_ms", "BackupBenchmarks.restore500", 2, 5, 1, 2);
        jmh(report, "schedule_200x8_ms", "DomainBenchmarks.schedule200x8", 3, 5, 1, 2);
        jmh(report, "regenerate_200x8_ms", "DomainBenchmarks.regenerate200x8", 3, 5, 1, 2);
        if (wanted("schedule_200x8_first_call_ms")) {
            report.put("schedule_200x8_first_call_ms", firstCall());
        }
        if (wanted("track_line_to_commit_median_ms", "track_line_to_commit_p99_ms")) {
            TrackLatency.Result track = TrackLatency.measure(quick ? 200 : 1_000, 50);
            System.err.printf(Locale.ROOT, "%-34s median %10.3f ms   p99 %10.3f ms   (%d races through a pty)%n",
                    "track line to commit", track.medianMs(), track.p99Ms(), track.races());
            report.put("track_line_to_commit_median_ms", track.medianMs());
            report.put("track_line_to_commit_p99_ms", track.p99Ms());
        }
        if (wanted("track_to_audience_p99_ms")) {
            AudienceLatency.Result audience = AudienceLatency.measure(200, 20);
            System.err.printf(Locale.ROOT, "%-34s median %10.3f ms   p99 %10.3f ms   (%d heats, JavaFX on %s)%n",
                    "track line to audience", audience.medianMs(), audience.p99Ms(), audience.heats(), audience.platform());
            report.put("track_to_audience_p99_ms", audience.p99Ms());
        }
        Path jar = Path.of("controller-app", "target", "rallylab.jar");
        if (wanted("app_start_ms")) {
            AppStart.Result start = AppStart.typicalDay(jar, quick ? 3 : 5);
            System.err.printf(Locale.ROOT, "%-34s median %10.1f ms   (%d starts, %d events)%n", "app start to window shown",
                    start.startMedianMs(), start.runs(), start.events());
            report.put("app_start_ms", start.startMedianMs());
        }
        if (wanted("rss_10k_events_mb")) {
            AppStart.Result large = AppStart.tenThousandEvents(jar, 3);
            System.err.printf(Locale.ROOT, "%-34s median %10.1f MB   (%d starts, %d events)%n",
                    "resident memory, large rally", large.rssMedianMb(), large.runs(), large.events());
            report.put("rss_10k_events_mb", large.rssMedianMb());
        }
        if (wanted("sync_5000_events_ms", "restore_5000_events_ms")) {
            CloudSync.Result cloud = CloudSync.measure(quick ? 3 : 5);
            System.err.printf(Locale.ROOT, "%-34s median %10.1f ms   (%d runs, %d events)%n", "cloud sync, cold cursor",
                    cloud.syncMedianMs(), cloud.runs(), cloud.events());
            System.err.printf(Locale.ROOT, "%-34s median %10.1f ms   (%d runs, %d events)%n", "restore from the cloud",
                    cloud.restoreMedianMs(), cloud.runs(), cloud.events());
            report.put("sync_5000_events_ms", cloud.syncMedianMs());
            report.put("restore_5000_events_ms", cloud.restoreMedianMs());
        }
        StringBuilder json = new StringBuilder("{");
        report.forEach((key, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(key)
                .append("\":").append(String.format(Locale.ROOT, "%.3f", value)));
        System.out.println(json.append('}'));
    }

    /** Measures {@code key} with a JMH benchmark, when it is wanted. */
    private void jmh(Map<String, Double> report, String key, String benchmark, int warmups, int iterations, int seconds,
                     int forks) throws Exception {
        if (wanted(key)) {
            report.put(key, median(benchmark, warmups, iterations, seconds, forks));
        }
    }

    /** Median (50th percentile of all samples) of a SampleTime benchmark, in ms. */
    private double median(String benchmark, int warmups, int iterations, int seconds, int forks) throws Exception {
        ChainedOptionsBuilder options = base(benchmark)
                .warmupIterations(quick ? 1 : warmups)
                .measurementIterations(quick ? 2 : iterations)
                .warmupTime(TimeValue.seconds(seconds))
                .measurementTime(TimeValue.seconds(seconds))
                .forks(quick ? 1 : forks);
        RunResult result = single(options);
        return summarize(benchmark, result, "samples");
    }

    private static double summarize(String name, RunResult result, String unit) {
        var statistics = result.getPrimaryResult().getStatistics();
        double median = statistics.getPercentile(50.0);
        System.err.printf(Locale.ROOT, "%-34s median %10.3f ms   p90 %10.3f ms   (%d %s)%n", name, median,
                statistics.getPercentile(90.0), statistics.getN(), unit);
        return median;
    }

    /** Median over forks of the first schedule of 200 cars on 8 lanes in a fresh JVM. */
    private double firstCall() throws Exception {
        ChainedOptionsBuilder options = base("FirstScheduleBenchmark.firstSchedule200x8")
                .warmupIterations(0)
                .measurementIterations(1)
                .forks(quick ? 3 : 10);
        return summarize("first schedule 200x8", single(options), "fresh JVMs");
    }

    private ChainedOptionsBuilder base(String benchmark) {
        return new OptionsBuilder()
                .include("org\\.rallylab\\.bench\\." + benchmark.replace(".", "\\.") + "$")
                .jvmArgsAppend("-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch")
                .output(log.resolve(benchmark + ".log").toString())
                .shouldFailOnError(true);
    }

    private RunResult single(ChainedOptionsBuilder options) throws Exception {
        var results = new Runner(options.build()).run();
        if (results.size() != 1) {
            throw new IllegalStateException("expected one benchmark result, got " + results.size());
        }
        return results.iterator().next();
    }
}
