package org.rallylab.app.ui.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.app.demo.DemoSetup;
import org.rallylab.app.race.FakeTrack;
import org.rallylab.app.ui.Screenshots;
import org.rallylab.app.ui.UiFixture;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.event.HeatStaged;
import org.rallylab.domain.event.SectionStarted;
import org.rallylab.domain.schedule.Scheduler;
import org.rallylab.domain.state.SectionState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class StartSectionScreenTest {

    @TempDir
    Path dir;
    private Stage stage;
    private UiFixture fixture;
    private StartSectionScreen screen;
    private String sectionId;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        if (screen != null) {
            UiFixture.fxRun(screen::dispose);
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    /** Scout Trucks (5 cars) with every car checked in, on a 6-lane track or by hand. */
    private void open(boolean track) {
        fixture = UiFixture.demo(dir, UiFixture.SMALL, track ? new FakeTrack(6) : null, stage);
        SectionState trucks = fixture.section(DemoSetup.SCOUT_TRUCKS);
        sectionId = trucks.sectionId();
        for (var entry : trucks.roster()) {
            Decision d = UiFixture.fx(() -> fixture.day.session().execute(
                    new Command.MarkArrived(sectionId, entry.carNumber())));
            assertThat(d).isInstanceOf(Decision.Accepted.class);
        }
        screen = UiFixture.fx(() -> new StartSectionScreen(fixture.context, sectionId));
        UiFixture.show(stage, screen, 1280, 800);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String heatsFor(List<Integer> lanes) {
        List<String> cars = List.of("T101", "T102", "T103", "T104", "T105");
        return String.valueOf(Scheduler.plan(cars, lanes, lanes.size()).metrics().heats());
    }

    @Test
    void startSection_lanesChange_scheduleFiguresAreRecomputed(FxRobot robot) {
        open(true);
        assertThat(UiFixture.fx(screen::title)).isEqualTo("Scout Trucks – start");
        assertThat(text(robot, "#cars-value")).isEqualTo("5");
        assertThat(UiFixture.fx(screen::selectedLanes)).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(text(robot, "#heats-value")).isEqualTo(heatsFor(List.of(1, 2, 3, 4, 5, 6)));
        assertThat(text(robot, "#runs-value")).isEqualTo("6");
        assertThat(text(robot, "#balance-value")).isEqualTo("Even");
        assertThat(text(robot, "#meetings-value")).matches("\\d+ / \\d+");
        assertThat(text(robot, "#back-to-back-value")).matches("\\d+");
        assertThat(robot.lookup("#refusal").query().isVisible()).isFalse();
        Screenshots.take(stage, "operator-start-section");

        robot.clickOn("#lane-6");
        String fiveLanes = heatsFor(List.of(1, 2, 3, 4, 5));
        assertThat(fiveLanes).isNotEqualTo(heatsFor(List.of(1, 2, 3, 4, 5, 6)));
        assertThat(text(robot, "#heats-value")).isEqualTo(fiveLanes);
        assertThat(text(robot, "#runs-value")).isEqualTo("5");
    }

    @Test
    void startSection_start_writesTheStartAndTheFirstHeatAndOpensTheConsole(FxRobot robot) {
        open(true);
        robot.clickOn("#lane-2");
        int before = fixture.eventsOnDisk().size();
        robot.clickOn("#start");

        assertThat(fixture.typesOnDiskAfter(before)).containsExactly(SectionStarted.TYPE, HeatStaged.TYPE);
        SectionStarted started = (SectionStarted) fixture.eventsOnDisk().get(before);
        assertThat(started.availableLanes()).containsExactly(1, 3, 4, 5, 6);
        assertThat(fixture.context.visits).containsExactly("console");
    }

    @Test
    void startSection_oneLane_isAllowedAsTheRulesAllowIt(FxRobot robot) {
        open(true);
        for (int lane = 2; lane <= 6; lane++) {
            robot.clickOn("#lane-" + lane);
        }
        assertThat(robot.lookup("#refusal").query().isVisible()).isFalse();
        assertThat(text(robot, "#heats-value")).isEqualTo(heatsFor(List.of(1)));
        int before = fixture.eventsOnDisk().size();

        robot.clickOn("#start");

        assertThat(fixture.typesOnDiskAfter(before)).containsExactly(SectionStarted.TYPE, HeatStaged.TYPE);
    }

    @Test
    void startSection_noLane_isRefusedWithTheRulesWords(FxRobot robot) {
        open(true);
        for (int lane = 1; lane <= 6; lane++) {
            robot.clickOn("#lane-" + lane);
        }
        String rules = UiFixture.fx(() -> fixture.day.session().preview(new org.rallylab.domain.command.Command
                .StartSection(fixture.section(DemoSetup.SCOUT_TRUCKS).sectionId(), List.of())).message());
        assertThat(robot.lookup("#refusal").query().isVisible()).isTrue();
        assertThat(text(robot, "#refusal")).isEqualTo(rules).isEqualTo("Choose at least one lane to race on.");
        int before = fixture.eventsOnDisk().size();

        robot.clickOn("#start");

        assertThat(fixture.eventsOnDisk()).hasSize(before);
        assertThat(fixture.context.notices).singleElement().asString().isEqualTo(rules);
        assertThat(fixture.context.visits).isEmpty();
    }

    @Test
    void startSection_withoutATrack_operatorSaysHowManyLanes(FxRobot robot) {
        open(false);
        @SuppressWarnings("unchecked")
        Spinner<Integer> lanes = robot.lookup("#track-lanes").queryAs(Spinner.class);
        assertThat(lanes.getValue()).isEqualTo(6);
        assertThat(robot.lookup("#lane-6").tryQuery()).isPresent();

        UiFixture.fxRun(() -> lanes.getValueFactory().setValue(4));
        assertThat(robot.lookup("#lane-5").tryQuery()).isEmpty();
        assertThat(UiFixture.fx(screen::selectedLanes)).containsExactly(1, 2, 3, 4);
        assertThat(text(robot, "#heats-value")).isEqualTo(heatsFor(List.of(1, 2, 3, 4)));
        robot.clickOn("#back");
        assertThat(fixture.context.visits).containsExactly("checkIn:" + sectionId);
    }

    private static String text(FxRobot robot, String query) {
        return UiFixture.fx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }
}
