package org.rallylab.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.app.demo.DemoSetup;
import org.rallylab.app.race.LoopState;
import org.rallylab.app.race.RaceDay;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.state.SectionState;
import org.rallylab.domain.testing.Await;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 12: a notice goes by itself when what it asks is done or no longer applies. It belongs to
 * the screen it was shown on (another screen: it goes), and a refused command's answer to the rally
 * and the race as they stood (a new event, another heat, a held race decided: it goes). A notice
 * about the open rally as a whole stays over every screen until that rally closes.
 */
class NoticesTest {

    @TempDir
    Path folder;

    private RallyLabApp app;
    private Stage stage;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void launch() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        RallyLabApp.prepare(new AppOptions(true, false, false, folder.resolve("notices.rallylab"), "none",
                UiFixture.SMALL, 1.0, 7, folder.resolve("data")));
        app = (RallyLabApp) FxToolkit.setupApplication(RallyLabApp::new);
        robot.targetWindow(stage);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
    }

    @Test
    void alreadyCheckedIn_anotherScreen_goes() {
        String beavers = section(DemoSetup.BEAVER_BUGGIES).sectionId();
        String car = section(DemoSetup.BEAVER_BUGGIES).roster().get(0).carNumber();
        robot.clickOn("#check-in-" + beavers);
        robot.clickOn("#search").write(car).push(KeyCode.ENTER);
        assertThat(section(DemoSetup.BEAVER_BUGGIES).hasArrived(car)).isTrue();
        robot.clickOn("#search").write(car).push(KeyCode.ENTER);
        assertThat(notice()).contains("already checked in");

        robot.clickOn("#top-home");

        assertThat(UiFixture.fx(() -> app.window().currentScreen().title())).contains("RallyLab Demo Rally");
        assertThat(notice()).as("the check-in screen's notice stayed there").isEmpty();
    }

    @Test
    void refusal_rallyMovesOnSameScreen_goes() {
        String beavers = section(DemoSetup.BEAVER_BUGGIES).sectionId();
        var roster = section(DemoSetup.BEAVER_BUGGIES).roster();
        robot.clickOn("#check-in-" + beavers);
        UiFixture.fxRun(() -> app.window().tell(day().session().execute(new Command.MarkArrived(beavers,
                roster.get(0).carNumber()))));
        UiFixture.fxRun(() -> app.window().tell(day().session().execute(new Command.MarkArrived(beavers,
                roster.get(0).carNumber()))));
        assertThat(notice()).contains("already checked in");

        UiFixture.fxRun(() -> app.window().tell(day().session().execute(new Command.MarkArrived(beavers,
                roster.get(1).carNumber()))));

        assertThat(section(DemoSetup.BEAVER_BUGGIES).hasArrived(roster.get(1).carNumber())).isTrue();
        assertThat(notice()).as("the refusal answered the rally before car " + roster.get(1).carNumber()
                + " arrived").isEmpty();
    }

    @Test
    void impossibleTime_heatReRun_goes() {
        racing(DemoSetup.BEAVER_BUGGIES);
        // what "Enter times" does with a time faster than any car
        UiFixture.fxRun(() -> app.window().tell(day().loop().enterTimes(Map.of(1, 500L, 2, 2600L, 3, 2700L))));
        assertThat(notice()).contains("impossible time").contains("re-run the heat");
        assertThat(UiFixture.fx(() -> day().loop().current().phase())).isEqualTo(LoopState.Phase.HELD);

        robot.clickOn("#rerun-held");

        Await.until("heat staged", () -> UiFixture.fx(() -> day().loop().current().phase()) == LoopState.Phase.STAGED);
        WaitForAsyncUtils.waitForFxEvents(); // the window hears the loop on the JavaFX thread
        assertThat(robot.lookup("#held-race").tryQuery()).isEmpty();
        assertThat(notice()).as("the heat was re-run: nothing is left to accept or re-run").isEmpty();
    }

    @Test
    void impossibleTime_accepted_goes() {
        racing(DemoSetup.BEAVER_BUGGIES);
        UiFixture.fxRun(() -> app.window().tell(day().loop().enterTimes(Map.of(1, 500L, 2, 2600L, 3, 2700L))));
        assertThat(notice()).contains("impossible time");

        robot.clickOn("#accept-held");

        Await.until("the held race accepted", () -> UiFixture.fx(() -> day().loop().current().phase()) == LoopState.Phase.RESULTS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(notice()).isEmpty();
    }

    @Test
    void rallyNotice_everyScreen_staysUntilTheRallyCloses() {
        UiFixture.fxRun(() -> app.window().announce("Backing this rally up to the stick."));
        robot.clickOn("#rally-setup");
        assertThat(notice()).isEqualTo("Backing this rally up to the stick.");
        robot.clickOn("#top-close");
        Await.until("the rally closed", () -> UiFixture.fx(() -> app.window().openDay().isEmpty()));
        assertThat(notice()).isEmpty();
    }

    @Test
    void raceConsole_noSectionRacing_saysSoOnRallyHome() {
        robot.clickOn("#top-console");
        assertThat(UiFixture.fx(() -> app.window().currentScreen().title())).contains("RallyLab Demo Rally");
        assertThat(notice()).startsWith("No section is racing");
    }

    // ---- steps ---------------------------------------------------------------------------------

    /** Checks every car of {@code name} in and starts it (manual mode: no track): the console shows heat 1. */
    private void racing(String name) {
        SectionState s = section(name);
        for (var car : s.roster()) {
            UiFixture.fxRun(() -> day().session().execute(new Command.MarkArrived(s.sectionId(), car.carNumber())));
        }
        Decision started = UiFixture.fx(() -> day().session().execute(new Command.StartSection(s.sectionId(),
                java.util.List.of(1, 2, 3))));
        assertThat(started).isInstanceOf(Decision.Accepted.class);
        UiFixture.fxRun(() -> app.window().go().console());
        Await.until("heat staged", () -> UiFixture.fx(() -> day().loop().current().phase()) == LoopState.Phase.STAGED);
    }

    private RaceDay day() {
        return app.window().day();
    }

    private SectionState section(String name) {
        return UiFixture.fx(() -> day().session().state().findSection(name).orElseThrow());
    }

    private String notice() {
        return UiFixture.fx(() -> app.window().noticeText());
    }

}
