package org.rallylab.app.ui;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.BooleanSupplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.util.Duration;
import org.rallylab.app.race.LoopState;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * For benchmarks only: with {@code -Drallylab.probe=FILE} the app writes, once the operator
 * window has rendered its first screen, how long the start took (JVM start to that pulse), its
 * resident memory after a GC (Linux), the number of events of the open rally and where the window
 * stands (screen, racing section, heat, loop phase, track). {@code -Drallylab.probe.when=track}
 * reports once the open rally's track is connected instead (the kill-and-relaunch test), and
 * {@code -Drallylab.probe.when=racing} once a race has been recorded since the start (the stop
 * tests): the moment is a signal, never a guess of how long the machine takes. With
 * {@code -Drallylab.probe.exit=true} it then exits. Without the property it does nothing.
 */
final class StartProbe {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path out;
    private final boolean exit;
    private final Stage stage;
    private final OperatorWindow window;
    private Runnable pulse;

    private StartProbe(Path out, boolean exit, Stage stage, OperatorWindow window) {
        this.out = out;
        this.exit = exit;
        this.stage = stage;
        this.window = window;
    }

    static StartProbe fromSystemProperties(Stage stage, OperatorWindow window) {
        String file = System.getProperty("rallylab.probe", "");
        return new StartProbe(file.isBlank() ? null : Path.of(file), Boolean.getBoolean("rallylab.probe.exit"),
                stage, window);
    }

    /** The first screen is on the scene: report at the next rendered pulse. */
    void armed() {
        if (out == null) {
            return;
        }
        String when = System.getProperty("rallylab.probe.when", "started");
        if (!when.equals("started")) {
            long eventsAtStart = events();
            BooleanSupplier ready = switch (when) {
                case "track" -> () -> window.openDay().map(d -> d.loop().current().track())
                        .map(t -> t.connected()).orElse(false);
                case "racing" -> () -> window.openDay().isPresent() && events() > eventsAtStart
                        && window.openDay().get().session().activeSection().map(s -> !s.results().isEmpty())
                                .orElse(false);
                default -> throw new IllegalArgumentException("rallylab.probe.when is started, track or racing, not "
                        + when);
            };
            Timeline watch = new Timeline();
            watch.setCycleCount(Animation.INDEFINITE);
            watch.getKeyFrames().add(new KeyFrame(Duration.millis(50), e -> {
                if (ready.getAsBoolean()) {
                    watch.stop();
                    report(System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
                }
            }));
            watch.play();
            return;
        }
        Scene scene = stage.getScene();
        pulse = () -> {
            scene.removePostLayoutPulseListener(pulse);
            long startMs = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            Platform.runLater(() -> report(startMs));
        };
        scene.addPostLayoutPulseListener(pulse);
        Platform.requestNextPulse();
    }

    private long events() {
        return window.openDay().map(d -> d.session().lastSequence()).orElse(0L);
    }

    private void report(long startMs) {
        long events = events();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        ObjectNode json = JSON.createObjectNode();
        json.put("app_start_ms", startMs);
        json.put("rss_mb", residentMb());
        json.put("events", events);
        json.put("screen", window.currentScreen() == null ? "start" : window.currentScreen().title());
        json.put("notice", window.noticeText());
        window.openDay().ifPresent(day -> {
            json.put("rally_file", day.session().path().toString());
            day.session().activeSection().ifPresent(section -> {
                json.put("section", section.sectionName());
                json.put("heat", section.stagedHeatNumber());
                json.put("results", section.results().size());
            });
            var standings = json.putObject("standings"); // section name -> "rank car avg" lines, as the app sees them
            for (var section : day.session().state().sections()) {
                var lines = standings.putArray(section.sectionName());
                org.rallylab.domain.scoring.Scoring.standings(section).entries().forEach(e ->
                        lines.add(e.rank() + " " + e.carNumber() + " " + e.avgTimeMs()));
            }
            LoopState loop = day.loop().current();
            json.put("phase", loop.phase().name());
            json.put("track_connected", loop.track() != null && loop.track().connected());
        });
        try {
            Files.writeString(out, JSON.writeValueAsString(json) + "\n");
        } catch (IOException e) {
            System.err.println("rallylab: could not write the probe file " + out + ": " + e.getMessage());
        }
        if (exit) {
            Platform.exit();
        }
    }

    /** VmRSS from /proc/self/status in MB, or -1 where there is no /proc. */
    private static double residentMb() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/self/status"));
            for (String line : lines) {
                if (line.startsWith("VmRSS:")) {
                    String kb = line.substring(6).replace("kB", "").strip();
                    return Math.round(Long.parseLong(kb) / 1024.0 * 10) / 10.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
