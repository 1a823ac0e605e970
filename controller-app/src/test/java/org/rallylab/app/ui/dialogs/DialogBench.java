package org.rallylab.app.ui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.rallylab.app.demo.DemoSetup;
import org.rallylab.app.ui.Ui;
import org.rallylab.app.ui.UiFixture;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.state.RosterEntry;
import org.rallylab.domain.state.SectionState;
import org.rallylab.domain.testing.Await;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A demo rally with Kub Kars (8 cars) checked in and started on lanes 1 to 4 in manual mode, an
 * operator stage to own the dialogs, and helpers to open a dialog and wait for its answer.
 */
final class DialogBench implements AutoCloseable {

    static final String SECTION = DemoSetup.KUB_KARS;
    static final List<Integer> LANES = List.of(1, 2, 3, 4);

    final UiFixture fixture;
    final Stage stage;
    final String sectionId;

    private DialogBench(UiFixture fixture, Stage stage) {
        this.fixture = fixture;
        this.stage = stage;
        this.sectionId = fixture.section(SECTION).sectionId();
    }

    /** Kub Kars checked in and started; heat 1 staged. */
    static DialogBench racing(Path folder, Stage stage) {
        UiFixture.fxRun(() -> {
            stage.setScene(Ui.scene(new StackPane(new Label("Operator window")), 1280, 800));
            stage.show();
        });
        DialogBench bench = new DialogBench(UiFixture.demo(folder, UiFixture.SMALL, null, stage), stage);
        for (RosterEntry car : bench.section().roster()) {
            bench.accept(new Command.MarkArrived(bench.sectionId, car.carNumber()));
        }
        bench.accept(new Command.StartSection(bench.sectionId, LANES));
        return bench;
    }

    SectionState section() {
        return fixture.section(SECTION);
    }

    Heat heat(int number) {
        return section().heat(number).orElseThrow();
    }

    /** The session the dialogs ask (the rules' preview) and the commands go to. */
    org.rallylab.app.race.RallySession session() {
        return fixture.day.session();
    }

    Decision execute(Command command) {
        return UiFixture.fx(() -> fixture.day.session().execute(command));
    }

    void accept(Command command) {
        assertThat(execute(command)).as(command.toString()).isInstanceOf(Decision.Accepted.class);
    }

    /** Heat 1 ranked by hand in lane order, so results are showing. */
    void rankHeatOne() {
        Decision d = UiFixture.fx(() -> fixture.day.loop().rankByHand(Map.of(1, 1, 2, 2, 3, 3, 4, 4)));
        assertThat(d).isInstanceOf(Decision.Accepted.class);
    }

    /** Opens a dialog from the JavaFX thread (its showAndWait blocks there) and returns at once. */
    <T> Answer<T> open(FxRobot robot, Supplier<T> ask) {
        Answer<T> answer = new Answer<>();
        Platform.runLater(() -> answer.set(ask.get()));
        Window dialog = Await.value("a dialog showing over the operator window", this::dialogWindow);
        robot.targetWindow(dialog); // robot.write types into the target window
        // under Xvfb without a window manager the keyboard follows the pointer
        robot.moveTo(UiFixture.fx(() -> new javafx.geometry.Point2D(dialog.getX() + dialog.getWidth() / 2,
                dialog.getY() + 20)));
        WaitForAsyncUtils.waitForFxEvents();
        return answer;
    }

    /** The dialog showing over the operator stage. */
    Optional<Window> dialogWindow() {
        return UiFixture.fx(() -> Window.getWindows().stream()
                .filter(w -> w != stage && w.isShowing() && w instanceof Stage s && s.getOwner() == stage)
                .findFirst());
    }

    /** The dialog's problem line as shown ("" when hidden). */
    String error(FxRobot robot) {
        Label label = robot.lookup("#dialog-error").queryAs(Label.class);
        return UiFixture.fx(() -> label.isVisible() ? label.getText() : "");
    }

    /** The OK and Cancel buttons lie inside the dialog window, however long the problem shown. */
    void assertButtonsInView(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Window dialog = dialogWindow().orElseThrow();
        for (String id : new String[] {"#dialog-ok", "#dialog-cancel"}) {
            javafx.scene.control.Button button = robot.lookup(id).queryAs(javafx.scene.control.Button.class);
            boolean inside = UiFixture.fx(() -> {
                javafx.geometry.Bounds b = button.localToScreen(button.getBoundsInLocal());
                return b != null && b.getMinY() >= dialog.getY() && b.getMaxY() <= dialog.getY() + dialog.getHeight() + 0.5;
            });
            assertThat(inside).as(id + " inside the dialog window").isTrue();
        }
    }

    void screenshot(String name) {
        org.rallylab.app.ui.Screenshots.take(dialogWindow().orElseThrow(), name);
    }

    @Override
    public void close() {
        UiFixture.fxRun(() -> List.copyOf(Window.getWindows()).stream()
                .filter(w -> w != stage && w instanceof Stage s && s.getOwner() == stage)
                .forEach(w -> ((Stage) w).close()));
        fixture.close();
    }

    /** What a dialog answered, once it closed. */
    static final class Answer<T> {
        private final AtomicReference<T> value = new AtomicReference<>();
        private final CountDownLatch done = new CountDownLatch(1);

        void set(T v) {
            value.set(v);
            done.countDown();
        }

        boolean isDone() {
            WaitForAsyncUtils.waitForFxEvents();
            return done.getCount() == 0;
        }

        T get() {
            Await.until("the dialog to close", () -> done.getCount() == 0);
            return value.get();
        }
    }
}
