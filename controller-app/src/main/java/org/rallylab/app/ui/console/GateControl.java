package org.rallylab.app.ui.console;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.rallylab.app.race.LoopState;
import org.rallylab.app.ui.Keys;
import org.rallylab.app.ui.Shortcut;
import org.rallylab.app.ui.Ui;
import org.rallylab.track.StartGate;
import org.rallylab.track.TrackStatus;

/**
 * The start gate of the demo's simulated track, worked from the track card as the track crew works
 * a real one: "Drop the gate" races the armed heat; after the race "Reset the gate" closes it again,
 * which stages the next heat. One button (and {@link Keys#GATE}) that does whichever is due. A real
 * track's gate is worked at the track: then there is no control at all.
 */
final class GateControl {

    static final String DROP = "Drop the gate";
    static final String RESET = "Reset the gate";

    private final Optional<StartGate> gate;
    private final Consumer<String> notice;
    private final Button button;
    private final Label hint = new Label();
    private final VBox view;
    private boolean dropNext = true;

    /** {@code gate}: the track's gate when the laptop works it (the simulated track), else empty. */
    GateControl(Optional<StartGate> gate, Consumer<String> notice) {
        this.gate = gate;
        this.notice = notice;
        button = Ui.button(DROP, "gate-button", Keys.GATE, this::press);
        button.getStyleClass().add("gate-button");
        button.setMaxWidth(Double.MAX_VALUE);
        button.setMinHeight(Button.USE_PREF_SIZE);
        hint.setId("gate-hint");
        hint.getStyleClass().addAll("muted", "gate-hint");
        hint.setWrapText(true);
        hint.setMinHeight(Label.USE_PREF_SIZE);
        view = new VBox(6, hint, button);
        view.setId("gate-control");
        view.getStyleClass().add("gate-control");
    }

    /** The gate's button and what it is for; empty when the gate is not worked from here. */
    Optional<Node> view(LoopState loop) {
        TrackStatus t = loop.track();
        if (gate.isEmpty() || loop.manual() || t == null || !t.connected()) {
            return Optional.empty();
        }
        boolean racing = "RACING".equals(t.phase());
        boolean open = Boolean.FALSE.equals(t.gateReady());
        dropNext = !open;
        button.setText(dropNext ? DROP : RESET);
        if (gate.get().isAutomatic()) {
            button.setDisable(true);
            hint.setText("Practice track: the autopilot works the gate.");
        } else if (racing) {
            button.setDisable(true);
            hint.setText("Practice track: the cars are running.");
        } else {
            button.setDisable(false);
            hint.setText(open
                    ? "Practice track: reset the gate after the race; then the next heat is staged."
                    : "ARMED".equals(t.phase())
                            ? "Practice track: drop the gate to race the heat."
                            : "Practice track: you work the gate, as the track crew does on race day.");
        }
        return Optional.of(view);
    }

    /** {@link Keys#GATE} on the console; none when the gate is not worked from here. */
    List<Shortcut> shortcuts() {
        if (gate.isEmpty()) {
            return List.of();
        }
        return List.of(new Shortcut(Keys.GATE, "Practice track: drop the start gate; after the race, reset it", () -> {
            if (button.getScene() == null || button.isDisabled()) {
                notice.accept("The start gate cannot be worked now: " + whyNot());
            } else {
                press();
            }
        }));
    }

    private String whyNot() {
        if (button.getScene() == null) {
            return "the track is not connected or Manual mode is on.";
        }
        return gate.map(StartGate::isAutomatic).orElse(false)
                ? "the autopilot works it."
                : "the cars are running. Reset the gate when the race is over.";
    }

    private void press() {
        gate.ifPresent(g -> {
            if (dropNext) {
                g.dropGate();
            } else {
                g.resetGate();
            }
        });
    }
}
