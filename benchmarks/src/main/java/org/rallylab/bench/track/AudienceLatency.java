package org.rallylab.bench.track;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.rallylab.app.race.AudienceDirector;
import org.rallylab.app.race.AudienceMessage;
import org.rallylab.app.race.RaceDay;
import org.rallylab.app.race.RallySession;
import org.rallylab.app.race.TaskScheduler;
import org.rallylab.app.ui.audience.AudienceWindow;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.event.Participant;
import org.rallylab.track.PicoTrack;

/**
 * Track line to audience: from the last byte of a completed-race frame written into the serial
 * line (a socat pty pair, the device end a {@link FakePico}) to the audience window showing that
 * race's results, measured at the first rendered pulse after the results were put on its scene.
 * Everything between is the app's real path: jSerialComm, the protocol client, PicoTrack, the race
 * loop on the JavaFX thread, the durable append, the audience director, the state bus and the
 * audience window. Each heat is re-run so the next race follows at once.
 *
 * <p>Needs JavaFX: a display (DISPLAY) or, without one, the headless Monocle platform.
 */
public final class AudienceLatency {

    /** Median and 99th percentile in ms over {@code heats} timed heats. */
    public record Result(double medianMs, double p99Ms, int heats, String platform) {
    }

    private AudienceLatency() {
    }

    public static void main(String[] args) throws Exception {
        Result r = measure(args.length > 0 ? Integer.parseInt(args[0]) : 200, 20);
        System.out.printf(Locale.ROOT, "{\"track_to_audience_median_ms\":%.3f,\"track_to_audience_p99_ms\":%.3f}%n",
                r.medianMs(), r.p99Ms());
        Platform.exit();
    }

    /** Starts JavaFX once in this JVM: the real display when there is one, else headless Monocle. */
    public static String startJavaFx() {
        if (System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isBlank()) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
        }
        try {
            CompletableFuture<Void> up = new CompletableFuture<>();
            Platform.startup(() -> up.complete(null));
            up.join();
        } catch (IllegalStateException alreadyRunning) {
            // started by an earlier measurement
        }
        Platform.setImplicitExit(false);
        return System.getProperty("glass.platform", "gtk");
    }

    public static Result measure(int heats, int warmup) throws Exception {
        String platform = startJavaFx();
        Path folder = Files.createTempDirectory("rallylab-audience-bench");
        Path host = folder.resolve("ttyHost");
        Path device = folder.resolve("ttyPico");
        Process socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + host, "pty,raw,echo=0,link=" + device)
                .redirectErrorStream(true).redirectOutput(folder.resolve("socat.log").toFile()).start();
        FakePico pico = new FakePico(device);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-timer");
            t.setDaemon(true);
            return t;
        });
        RaceDay day = null;
        AudienceWindow window = null;
        try {
            TrackLatency.awaitLinks(host, device, socat);
            Thread fake = new Thread(pico, "fake-pico");
            fake.setDaemon(true);
            fake.start();
            BlockingQueue<Long> rendered = new LinkedBlockingQueue<>();
            Path file = folder.resolve("bench.rallylab");
            day = fx(() -> {
                RallySession session = RallySession.create(file, Clock.systemUTC());
                ok(session, new Command.CreateRally("bench-rally", "Latency Bench", null, null));
                ok(session, new Command.CreateSection("s", "Kub Kars", null));
                List<Participant> roster = new ArrayList<>();
                for (int i = 1; i <= 4; i++) {
                    roster.add(new Participant("p" + i, "Driver " + i, String.valueOf(i)));
                }
                ok(session, new Command.LoadRoster("bench-rally", "s", "Kub Kars", roster));
                for (int i = 1; i <= 4; i++) {
                    ok(session, new Command.MarkArrived("s", String.valueOf(i)));
                }
                ok(session, new Command.StartSection("s", List.of(1, 2, 3, 4)));
                RaceDay d = RaceDay.start(session, PicoTrack.overSerial(host.toString()), Platform::runLater,
                        TaskScheduler.using(timer, Platform::runLater),
                        new AudienceDirector.Timing(Duration.ofMinutes(10), Duration.ofMinutes(10)));
                d.loop().setAutoAdvance(false);
                return d;
            });
            RaceDay opened = day;
            window = fx(() -> {
                AudienceWindow w = new AudienceWindow(opened.audience().screens(), opened.audience().overlay());
                w.setOnScreenRendered(screen -> {
                    if (screen instanceof AudienceMessage.Results) {
                        rendered.add(System.nanoTime());
                    }
                });
                w.show();
                w.stage().setWidth(1280);
                w.stage().setHeight(720);
                return w;
            });
            double[] latencies = new double[heats];
            for (int i = 0; i < warmup + heats; i++) {
                Long shown = rendered.poll(30, TimeUnit.SECONDS);
                if (shown == null) {
                    throw new IllegalStateException("no results reached the audience window within 30 s (heat " + i
                            + "); the loop says: " + fx(() -> opened.loop().current().status()));
                }
                String raceId = fx(() -> opened.session().lastRaceId().orElseThrow());
                Long written = pico.writtenAt().get(raceId);
                if (written == null) {
                    throw new IllegalStateException("race " + raceId + " was not written by the fake Pico");
                }
                if (i >= warmup) {
                    latencies[i - warmup] = (shown - written) / 1e6;
                }
                fx(() -> ok(opened.session(), new Command.DeclareRerun("s", 1, "benchmark")));
            }
            Arrays.sort(latencies);
            return new Result(TrackLatency.percentile(latencies, 50), TrackLatency.percentile(latencies, 99), heats,
                    platform);
        } finally {
            AudienceWindow w = window;
            RaceDay d = day;
            fx(() -> {
                if (w != null) {
                    w.close();
                }
                if (d != null) {
                    d.close();
                }
                return null;
            });
            pico.stop();
            timer.shutdownNow();
            socat.destroy();
            socat.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static Decision ok(RallySession session, Command command) {
        Decision d = session.execute(command);
        if (!(d instanceof Decision.Accepted)) {
            throw new IllegalStateException(command + ": " + d.message());
        }
        return d;
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }
}
