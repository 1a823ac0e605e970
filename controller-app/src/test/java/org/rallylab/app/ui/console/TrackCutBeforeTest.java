package org.rallylab.app.ui.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Pane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.app.race.FakeTrack;
import org.rallylab.app.ui.Ui;
import org.rallylab.app.ui.UiFixture;
import org.rallylab.domain.testing.Await;
import org.rallylab.track.StartGate;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The track card at 1280x800 and 1366x768: nothing in it is cut, on a real track and on the demo's
 * simulated track with its gate button (gate closed and open).
 */
@ExtendWith(ApplicationExtension.class)
class TrackCutBeforeTest {

    @TempDir
    Path folder;
    private Stage stage;
    private ConsoleRally rally;
    private UiFixture demo;
    private LiveConsole console;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        if (console != null) {
            UiFixture.fxRun(console::dispose);
        }
        if (rally != null) {
            rally.close();
        }
        if (demo != null) {
            demo.close();
        }
    }

    /**
     * Every label or button under {@code root} whose text is not shown whole: cut, squeezed in height,
     * or reaching past {@code root}'s right edge (over whatever is next to it).
     */
    static List<String> cut(Node root) {
        return UiFixture.fx(() -> {
            List<String> out = new ArrayList<>();
            collectCut(root, root.localToScene(root.getLayoutBounds()).getMaxX(), out);
            return out;
        });
    }

    private static void collectCut(Node node, double rightEdge, List<String> out) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            double right = l.localToScene(l.getLayoutBounds()).getMaxX();
            if (right > rightEdge + 0.5) {
                out.add("\"" + l.getText() + "\" reaches " + (right - rightEdge) + " px past the card's edge");
            }
            Node shown = l.lookup(".text");
            String text = shown instanceof Text t ? t.getText() : "";
            if (!text.equals(l.getText())) {
                out.add("\"" + l.getText() + "\" shows as \"" + text + "\"");
            } else if (l.getHeight() + 0.5 < l.prefHeight(l.getWidth())) {
                out.add("\"" + l.getText() + "\" is " + l.getHeight() + " px high of " + l.prefHeight(l.getWidth()));
            }
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> collectCut(child, rightEdge, out));
        }
    }

    /**
     * The console laid out at {@code width} x {@code height}. The test's screen is 1280x800, so the
     * window is at most that and the console, at the laptop's size, lies in it (cut off at the edge
     * of the window, not laid out smaller).
     */
    private void showAt(int width, int height) {
        UiFixture.fxRun(() -> {
            Parent view = console.view();
            if (view.getParent() instanceof Pane old) {
                old.getChildren().remove(view);
            }
            Pane laptop = new Pane(view);
            view.setManaged(false);
            view.resizeRelocate(0, 0, width, height);
            stage.setScene(Ui.scene(laptop, Math.min(width, 1280), Math.min(height, 800)));
            stage.show();
        });
    }

    /** The card at 1280x800 and 1366x768: it says {@code expected}, nothing in it is cut, it is inside the window. */
    private void fitsAtLaptopSizes(String... expected) {
        for (int[] size : new int[][] {{1280, 800}, {1366, 768}}) {
            showAt(size[0], size[1]);
            WaitForAsyncUtils.waitForFxEvents();
            Node card = UiFixture.fx(() -> stage.getScene().lookup("#track-status"));
            assertThat(ConsoleRally.texts(card)).contains(expected);
            assertThat(cut(card)).as("cut at %dx%d", size[0], size[1]).isEmpty();
            assertThat(UiFixture.fx(() -> card.localToScene(card.getBoundsInLocal()).getMaxX()))
                    .as("the card is inside the %d px window", size[0]).isLessThanOrEqualTo(size[0]);
        }
    }

    @Test
    void realTrack_atLaptopSizes_nothingInTheTrackCardIsCut() {
        rally = ConsoleRally.started(folder, new FakeTrack(6), stage);
        console = UiFixture.fx(() -> new LiveConsole(rally.fixture.context));
        rally.track.status(rally.track.ready(true, "ARMED"));
        fitsAtLaptopSizes("Timer: armed, waiting for the gate to drop");
    }

    @Test
    void demoTrack_atLaptopSizes_nothingInTheTrackCardIsCut_gateClosedOrOpen() {
        demo = GateControlTest.demoArmed(folder, stage);
        console = UiFixture.fx(() -> new LiveConsole(demo.context));
        fitsAtLaptopSizes("Timer: armed, waiting for the gate to drop", GateControl.DROP);

        StartGate.of(demo.day.track().orElseThrow()).orElseThrow().dropGate();
        Await.until("heat 1 raced", () -> demo.section("Kub Kars").results().size() == 1);
        Await.until("the card offers to reset the gate", () -> ConsoleRally.texts(
                UiFixture.fx(() -> stage.getScene().lookup("#track-status"))).contains(GateControl.RESET));
        fitsAtLaptopSizes("Start gate: open (reset it)", GateControl.RESET);
    }
}
