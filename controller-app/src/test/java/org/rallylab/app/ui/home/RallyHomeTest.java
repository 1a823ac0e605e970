package org.rallylab.app.ui.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.app.demo.DemoSetup;
import org.rallylab.app.ui.Screenshots;
import org.rallylab.app.ui.UiFixture;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class RallyHomeTest {

    @TempDir
    Path dir;
    private Stage stage;
    private UiFixture fixture;
    private RallyHome home;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        if (home != null) {
            UiFixture.fxRun(home::dispose);
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void rallyHome_sections_showCountsAndStatusAndGoWhereAsked(FxRobot robot) {
        fixture = UiFixture.demo(dir, UiFixture.SMALL, null, stage);
        String beavers = fixture.section(DemoSetup.BEAVER_BUGGIES).sectionId();
        String kubs = fixture.section(DemoSetup.KUB_KARS).sectionId();
        String trucks = fixture.section(DemoSetup.SCOUT_TRUCKS).sectionId();
        arrive(kubs, "1", "2", "3");
        home = UiFixture.fx(() -> new RallyHome(fixture.context));
        UiFixture.show(stage, home, 1280, 800);

        assertThat(robot.lookup(".section-card").queryAll()).hasSize(3);
        assertThat(text(robot, "#section-" + beavers + " .checked-in")).isEqualTo("0 of 6 checked in");
        assertThat(text(robot, "#section-" + beavers + " .section-status")).isEqualTo("Not started");
        assertThat(text(robot, "#section-" + kubs + " .checked-in")).isEqualTo("3 of 8 checked in");
        assertThat(text(robot, "#section-" + kubs + " .section-status")).isEqualTo("Checking in");
        assertThat(text(robot, "#section-" + trucks + " .checked-in")).isEqualTo("0 of 5 checked in");
        assertThat(UiFixture.fx(home::title)).startsWith(DemoSetup.RALLY_NAME + " – ");
        // start only where cars have arrived
        assertThat(robot.lookup("#start-" + beavers).tryQuery()).isEmpty();
        assertThat(robot.lookup("#console-" + kubs).tryQuery()).isEmpty();

        robot.clickOn("#start-" + kubs);
        robot.clickOn("#check-in-" + beavers);
        robot.clickOn("#edit-roster-" + trucks);
        robot.clickOn("#event-inspector");
        robot.clickOn("#rally-setup");
        assertThat(fixture.context.visits).containsExactly("startSection:" + kubs, "checkIn:" + beavers,
                "editRally", "inspector", "editRally");
    }

    @Test
    void rallyHome_sectionsRaceAndComplete_followsTheRally(FxRobot robot) {
        fixture = UiFixture.demo(dir, UiFixture.SMALL, null, stage);
        String beavers = fixture.section(DemoSetup.BEAVER_BUGGIES).sectionId();
        String kubs = fixture.section(DemoSetup.KUB_KARS).sectionId();
        String trucks = fixture.section(DemoSetup.SCOUT_TRUCKS).sectionId();
        home = UiFixture.fx(() -> new RallyHome(fixture.context));
        UiFixture.show(stage, home, 1280, 800);

        arrive(beavers, "1", "2", "3");
        execute(new Command.StartSection(beavers, List.of(1, 2, 3)));
        UiFixture.fxRun(() -> fixture.day.loop().enterTimes(java.util.Map.of(1, 2500L, 2, 2600L, 3, 2700L)));
        execute(new Command.EndSectionEarly(beavers));
        arrive(kubs, "1", "2", "3", "4", "5", "6", "7", "8");
        execute(new Command.StartSection(kubs, List.of(1, 2, 3, 4, 5, 6)));
        arrive(trucks, "T101", "T102");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#section-" + beavers + " .section-status")).isEqualTo("Complete (ended early)");
        int heats = UiFixture.fx(() -> fixture.day.session().state().section(kubs).orElseThrow().heatCount());
        assertThat(text(robot, "#section-" + kubs + " .section-status")).isEqualTo("Racing – heat 1 of " + heats);
        assertThat(text(robot, "#section-" + trucks + " .checked-in")).isEqualTo("2 of 5 checked in");
        assertThat(robot.lookup("#edit-roster-" + kubs).tryQuery()).isEmpty();
        Screenshots.take(stage, "operator-home");

        robot.clickOn("#console-" + kubs);
        robot.clickOn("#standings-" + beavers);
        assertThat(fixture.context.visits).containsExactly("console", "sectionComplete:" + beavers);
    }

    @Test
    void rallyHome_shown_firstActionHasTheKeyboardFocus() {
        fixture = UiFixture.demo(dir, UiFixture.SMALL, null, stage);
        String beavers = fixture.section(DemoSetup.BEAVER_BUGGIES).sectionId();
        home = UiFixture.fx(() -> new RallyHome(fixture.context));
        UiFixture.show(stage, home, 1280, 800);
        WaitForAsyncUtils.waitForFxEvents();
        Object focused = UiFixture.fx(() -> stage.getScene().getFocusOwner());
        assertThat(focused).isInstanceOf(Button.class);
        assertThat(((Button) focused).getId()).isEqualTo("check-in-" + beavers);
    }

    private void arrive(String section, String... cars) {
        for (String car : cars) {
            execute(new Command.MarkArrived(section, car));
        }
    }

    private void execute(Command command) {
        Decision d = UiFixture.fx(() -> fixture.day.session().execute(command));
        assertThat(d).as(command.toString()).isInstanceOf(Decision.Accepted.class);
    }

    private static String text(FxRobot robot, String query) {
        return UiFixture.fx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }
}
