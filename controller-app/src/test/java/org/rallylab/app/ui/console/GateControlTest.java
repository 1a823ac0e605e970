package org.rallylab.app.ui.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.app.demo.DemoSetup;
import org.rallylab.app.race.FakeTrack;
import org.rallylab.app.race.LoopState;
import org.rallylab.app.ui.Keys;
import org.rallylab.app.ui.Screenshots;
import org.rallylab.app.ui.Shortcut;
import org.rallylab.app.ui.UiFixture;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.event.RerunDeclared;
import org.rallylab.domain.state.RosterEntry;
import org.rallylab.domain.state.SectionState;
import org.rallylab.domain.testing.Await;
import org.rallylab.track.SimulatedTrack;
import org.rallylab.track.StartGate;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The demo's simulated track waits for the operator like a real one: the track card's "Drop the
 * gate" races the armed heat, "Reset the gate" after the race stages the next, and Shortcut+G does
 * whichever is due. A real track's gate is worked at the track: no button, no key. A dialog open
 * while the track races on refuses to act on the heat that moved on (issue 12).
 */
@ExtendWith(ApplicationExtension.class)
class GateControlTest {

    @TempDir
    Path folder;
    private Stage stage;
    private UiFixture fixture;
    private LiveConsole console;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        UiFixture.closeWindowsBut(stage);
        if (console != null) {
            UiFixture.fxRun(console::dispose);
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    /**
     * The demo rally on the demo's simulated track (races take no time once the gate drops), Kub
     * Kars started on lanes 1 to 6 and its heat 1 armed, the console shown at 1280x800 with its keys.
     */
    static UiFixture demoArmed(Path folder, Stage stage) {
        SimulatedTrack track = DemoSetup.simulatedTrack(3, Double.POSITIVE_INFINITY);
        UiFixture fixture = UiFixture.demo(folder, UiFixture.SMALL, track, stage);
        UiFixture.fxRun(() -> {
            var session = fixture.day.session();
            SectionState s = session.state().findSection("Kub Kars").orElseThrow();
            for (RosterEntry car : s.roster()) {
                ConsoleRally.accept(session.execute(new Command.MarkArrived(s.sectionId(), car.carNumber())));
            }
            ConsoleRally.accept(session.execute(new Command.StartSection(s.sectionId(), List.of(1, 2, 3, 4, 5, 6))));
        });
        Await.until("heat 1 armed on the simulated track, its gate closed",
                () -> UiFixture.fx(() -> armed(fixture.day.loop().current(), 1)));
        return fixture;
    }

    static boolean armed(LoopState state, int heat) {
        return state.phase() == LoopState.Phase.STAGED && state.heat() == heat && state.track() != null
                && "ARMED".equals(state.track().phase()) && Boolean.TRUE.equals(state.track().gateReady());
    }

    private void open() {
        fixture = demoArmed(folder, stage);
        console = UiFixture.fx(() -> new LiveConsole(fixture.context));
        ConsoleRally.show(stage, console);
    }

    private Button gateButton(FxRobot robot) {
        return UiFixture.fx(() -> robot.lookup("#gate-button").queryAs(Button.class));
    }

    private String buttonText(FxRobot robot) {
        return UiFixture.fx(() -> gateButton(robot).getText());
    }

    private int results() {
        return fixture.section("Kub Kars").results().size();
    }

    @Test
    void demoTrack_dropThenReset_racesTheHeatThenStagesTheNext(FxRobot robot) {
        open();
        assertThat(ConsoleRally.texts(UiFixture.fx(() -> stage.getScene().lookup("#track-status"))))
                .contains("Timer: armed, waiting for the gate to drop", GateControl.DROP);
        assertThat(results()).as("nothing races before the gate drops").isZero();
        Screenshots.take(stage, "operator-console-drop-gate");

        robot.clickOn("#gate-button");
        Await.until("heat 1 raced", () -> results() == 1);
        Await.until("the button resets the gate after the race",
                () -> GateControl.RESET.equals(buttonText(robot)) && !UiFixture.fx(() -> gateButton(robot).isDisabled()));
        assertThat(UiFixture.fx(() -> fixture.day.loop().current().phase()))
                .as("the results stay until the gate is closed again").isEqualTo(LoopState.Phase.RESULTS);

        robot.clickOn("#gate-button");
        Await.until("heat 2 armed once the gate was reset", () -> UiFixture.fx(() -> armed(fixture.day.loop().current(), 2)));
        Await.until("the button drops the gate again", () -> GateControl.DROP.equals(buttonText(robot)));
        assertThat(results()).as("heat 2 waits for the gate").isEqualTo(1);
    }

    @Test
    void demoTrack_gateKey_dropsTheGateThenResetsIt(FxRobot robot) {
        open();
        assertThat(UiFixture.fx(() -> console.shortcuts())).extracting(Shortcut::keys).contains(Keys.GATE);

        robot.push(KeyCode.CONTROL, KeyCode.G);
        Await.until("heat 1 raced by the key", () -> results() == 1);
        Await.until("the gate open after the race", () -> GateControl.RESET.equals(buttonText(robot)));

        robot.push(KeyCode.CONTROL, KeyCode.G);
        Await.until("heat 2 armed once the key reset the gate",
                () -> UiFixture.fx(() -> armed(fixture.day.loop().current(), 2)));
        assertThat(results()).isEqualTo(1);
    }

    @Test
    void demoTrack_rerunDialogOpen_theTrackRacesOn_theDialogSaysSoAndItsOkDoesNothing(FxRobot robot) {
        open();
        robot.clickOn("#gate-button");
        Await.until("heat 1 raced", () -> results() == 1);
        Await.until("the gate open after the race", () -> GateControl.RESET.equals(buttonText(robot)));
        int before = fixture.eventsOnDisk().size();

        robot.clickOn("#rerun");
        Await.until("the re-run dialog shows", () -> UiFixture.fx(() -> robot.lookup("#reason").tryQuery()
                .map(n -> n.getScene().getWindow().isShowing()).orElse(false)));
        StartGate gate = StartGate.of(fixture.day.track().orElseThrow()).orElseThrow();
        gate.resetGate(); // the track crew closes the gate: heat 2 is staged under the open dialog
        Await.until("heat 2 armed under the dialog", () -> UiFixture.fx(() -> armed(fixture.day.loop().current(), 2)));
        gate.dropGate();
        Await.until("heat 2 raced under the dialog", () -> results() == 2);

        Await.untilAsserted("the dialog says racing moved on", () -> assertThat(UiFixture.fx(() ->
                robot.lookup("#dialog-error").queryLabeled().getText())).contains("since this window opened"));
        assertThat(UiFixture.fx(() -> robot.lookup("#dialog-ok").queryButton().isDisabled())).isTrue();
        robot.clickOn("#dialog-ok");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fixture.eventsOnDiskAfter(before)).as("no re-run was declared")
                .noneMatch(e -> e instanceof RerunDeclared);
        robot.clickOn("#dialog-cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fixture.eventsOnDiskAfter(before)).noneMatch(e -> e instanceof RerunDeclared);
        assertThat(results()).isEqualTo(2);
    }

    @Test
    void realTrack_noGateButtonAndNoGateKey(FxRobot robot) {
        try (ConsoleRally rally = ConsoleRally.started(folder, new FakeTrack(6), stage)) {
            LiveConsole real = UiFixture.fx(() -> new LiveConsole(rally.fixture.context));
            try {
                ConsoleRally.show(stage, real);
                rally.track.status(rally.track.ready(true, "ARMED"));
                WaitForAsyncUtils.waitForFxEvents();
                assertThat(ConsoleRally.texts(UiFixture.fx(() -> stage.getScene().lookup("#track-status"))))
                        .as("the card shows the armed track").contains("Timer: armed, waiting for the gate to drop")
                        .doesNotContain(GateControl.DROP, GateControl.RESET);
                assertThat(robot.lookup("#gate-button").tryQuery()).isEmpty();
                assertThat(UiFixture.fx(real::shortcuts)).extracting(Shortcut::keys).doesNotContain(Keys.GATE);
            } finally {
                UiFixture.fxRun(real::dispose);
            }
        }
    }
}
