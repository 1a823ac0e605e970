package org.rallylab.app.ui.console;

import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.rallylab.app.race.LoopState;
import org.rallylab.track.TrackStatus;

/**
 * The track as the loop last saw it: connected or not (and what to do), the start gate, each lane's
 * finish sensor and the race phase; or that the heats are run by hand. On the demo's simulated track
 * it also holds the {@link GateControl} that works the start gate.
 */
final class TrackView {

    private TrackView() {
    }

    /** The card for a track whose gate is worked at the track (or no track). */
    static Node of(LoopState loop) {
        return of(loop, null);
    }

    /** The card, with {@code gate}'s button when the gate is worked from the laptop ({@code gate} may be null). */
    static Node of(LoopState loop, GateControl gate) {
        VBox card = new VBox(6);
        card.getStyleClass().addAll("card", "track-card");
        card.setId("track-status");
        card.getChildren().add(Grid.Cells.label("Track", "section-title"));
        TrackStatus t = loop.track();
        if (loop.manual()) {
            Label manual = line("track-connection", "Manual mode (no track)", "status-warn", "track-headline");
            manual.setWrapText(true);
            manual.setMinWidth(0);
            card.getChildren().add(manual);
            card.getChildren().add(wrapped(loop.trackAttached()
                    ? "The track is not asked to race. Run each heat, then enter the times or rank the cars "
                    + "by hand. Turn Manual mode off to race on the track again."
                    : "No track is connected to RallyLab. Run each heat, then enter the times or rank the "
                    + "cars by hand.", "muted"));
            if (!loop.trackAttached() || t == null) {
                return card;
            }
        }
        if (t == null || !t.connected()) {
            card.getChildren().add(line("track-connection", "Not connected", "status-bad", "track-headline"));
            if (t != null && t.message() != null) {
                card.getChildren().add(wrapped(t.message(), "muted"));
            }
            card.getChildren().add(wrapped("What to do: check the track's USB cable and power. Racing goes on "
                    + "by itself when the track is back. Meanwhile you can rank a heat by hand.", ""));
            return card;
        }
        card.getChildren().add(line("track-connection", "Connected", "status-ok", "track-headline"));
        if (t.device() != null) {
            card.getChildren().add(wrapped(t.device(), "muted"));
        }
        card.getChildren().add(line("track-gate", gate(t.gateReady()),
                Boolean.TRUE.equals(t.gateReady()) ? "status-ok" : "status-warn"));
        card.getChildren().add(line("track-phase", phase(t.phase()), ""));
        if (gate != null) {
            gate.view(loop).ifPresent(card.getChildren()::add);
        }
        card.getChildren().add(sensors(t.lanesTriggered()));
        return card;
    }

    private static String gate(Boolean ready) {
        if (ready == null) {
            return "Start gate: not known";
        }
        return ready ? "Start gate: closed and ready" : "Start gate: open (reset it)";
    }

    private static String phase(String phase) {
        if (phase == null) {
            return "Timer: not known";
        }
        return switch (phase) {
            case "IDLE" -> "Timer: idle";
            case "ARMED" -> "Timer: armed, waiting for the gate to drop";
            case "RACING" -> "Timer: racing";
            default -> "Timer: " + phase.toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static Node sensors(Map<Integer, Boolean> lanes) {
        VBox box = new VBox(4);
        box.setId("track-sensors");
        if (lanes.isEmpty()) {
            box.getChildren().add(Grid.Cells.label("Finish sensors: not known", "muted"));
            return box;
        }
        box.getChildren().add(Grid.Cells.label("Finish sensors, lane by lane:"));
        FlowPane pane = new FlowPane(6, 6);
        box.getChildren().add(pane);
        lanes.forEach((lane, blocked) -> {
            Label l = Grid.Cells.label(lane + (blocked ? " blocked" : " clear"),
                    "sensor", blocked ? "sensor-blocked" : "sensor-clear");
            l.setId("sensor-" + lane);
            pane.getChildren().add(l);
        });
        return box;
    }

    /** A line of the card: it wraps within the card's width rather than run over the next column. */
    private static Label line(String id, String text, String... classes) {
        Label l = Grid.Cells.label(text, classes);
        l.setId(id);
        l.setWrapText(true);
        l.setMinWidth(0);
        l.setMinHeight(Label.USE_PREF_SIZE);
        return l;
    }

    private static Label wrapped(String text, String style) {
        Label l = new Label(text);
        if (!style.isEmpty()) {
            l.getStyleClass().add(style);
        }
        l.setWrapText(true);
        return l;
    }
}
