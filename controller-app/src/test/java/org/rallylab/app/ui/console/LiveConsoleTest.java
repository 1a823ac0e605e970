package org.rallylab.app.ui.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.app.race.FakeTrack;
import org.rallylab.app.ui.Screenshots;
import org.rallylab.app.ui.UiFixture;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.HeatStaged;
import org.rallylab.domain.event.RaceCompleted;
import org.rallylab.domain.event.RerunDeclared;
import org.rallylab.domain.event.SectionCompleted;
import org.rallylab.domain.schedule.Heat;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class LiveConsoleTest {

    @TempDir
    Path folder;
    private Stage stage;
    private ConsoleRally rally;
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
        if (rally != null) {
            rally.close();
        }
    }

    private void open(FakeTrack track) {
        rally = ConsoleRally.started(folder, track, stage);
        console = UiFixture.fx(() -> new LiveConsole(rally.fixture.context));
        ConsoleRally.show(stage, console);
    }

    private String text(FxRobot robot, String id) {
        return UiFixture.fx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private boolean disabled(FxRobot robot, String id) {
        return UiFixture.fx(() -> robot.lookup(id).queryAs(Button.class).isDisabled());
    }

    /** Waits until the dialog with {@code id} in it is showing. */
    private static void dialogShows(FxRobot robot, String id) {
        try {
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                    () -> robot.lookup(id).tryQuery().map(n -> n.getScene().getWindow().isShowing()).orElse(false));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no dialog with " + id + " showed", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Node node(FxRobot robot, String id) {
        return robot.lookup(id).query();
    }

    @Test
    void stagedHeat_shown_showsItsNumberOfTheTotalAndItsCars(FxRobot robot) {
        open(new FakeTrack(6));
        rally.connect();
        int total = rally.section().heatCount();
        Heat heat1 = rally.racing();

        assertThat(text(robot, "#console-title")).isEqualTo("Kub Kars – Heat 1 of " + total);
        List<String> lanes = ConsoleRally.texts(node(robot, "#staged-lanes"));
        for (String car : heat1.cars()) {
            assertThat(lanes).contains(car, rally.section().nameOf(car));
        }
        assertThat(ConsoleRally.texts(node(robot, "#next-heat-line")).get(0)).startsWith("Next: heat 2");
        assertThat(ConsoleRally.texts(node(robot, "#track-status"))).contains("Connected",
                "Start gate: closed and ready", "1 clear", "6 clear");
        assertThat(disabled(robot, "#next-heat")).isTrue();
        assertThat(disabled(robot, "#manual-rank")).isFalse();
        Screenshots.take(stage, "operator-console-staged");
    }

    @Test
    void track_disconnected_saysSoAndWhatToDo(FxRobot robot) {
        open(new FakeTrack(6));
        rally.track.status(rally.track.disconnected("No track found on any serial port."));
        WaitForAsyncUtils.waitForFxEvents();

        List<String> track = ConsoleRally.texts(node(robot, "#track-status"));
        assertThat(track).contains("Not connected", "No track found on any serial port.");
        assertThat(String.join(" ", track)).contains("What to do");
        assertThat(text(robot, "#console-status")).contains("the track is not connected");
        Screenshots.take(stage, "operator-console-disconnected");
    }

    @Test
    void race_finished_showsItsResultAndTheStandings(FxRobot robot) {
        open(new FakeTrack(6));
        rally.connect();
        Heat heat1 = rally.racing();
        rally.finish(6);

        List<String> result = ConsoleRally.texts(node(robot, "#result-table"));
        assertThat(result).contains("1st", "2.400 s", "+0.113 s", "DNF", heat1.carIn(1).orElseThrow(),
                heat1.carIn(6).orElseThrow());
        assertThat(text(robot, "#console-status")).startsWith("Heat 1 has its result");
        List<String> standings = ConsoleRally.texts(node(robot, "#standings-table"));
        assertThat(standings).contains("Rank", heat1.carIn(1).orElseThrow(), "2.400 s");
        assertThat(ConsoleRally.texts(node(robot, "#heat-history"))).contains("Timed");
        assertThat(disabled(robot, "#next-heat")).isFalse();
        assertThat(disabled(robot, "#rerun-dnf")).isFalse();

        // a second heat, so the standings and lanes have more to show in the screenshot
        robot.clickOn("#next-heat");
        rally.finish();
        Screenshots.take(stage, "operator-console-results");
    }

    @Test
    void nextHeat_pressed_stagesTheNextHeat(FxRobot robot) {
        open(new FakeTrack(6));
        rally.connect();
        rally.finish();
        int before = rally.eventCount();

        robot.clickOn("#next-heat");

        List<DomainEvent> written = rally.fixture.eventsOnDisk().subList(before, rally.eventCount());
        assertThat(written).hasSize(1).first().isInstanceOfSatisfying(HeatStaged.class,
                staged -> assertThat(staged.heat()).isEqualTo(2));
        assertThat(text(robot, "#console-title")).startsWith("Kub Kars – Heat 2 of");
        assertThat(rally.racing().number()).isEqualTo(2);
    }

    @Test
    void nextHeat_ctrlN_stagesTheNextHeatToo(FxRobot robot) {
        open(new FakeTrack(6));
        rally.connect();
        rally.finish();
        int before = rally.eventCount();

        robot.push(KeyCode.CONTROL, KeyCode.N);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(rally.typesAfter(before)).containsExactly("HeatStaged");
        assertThat(text(robot, "#console-title")).startsWith("Kub Kars – Heat 2 of");
        // pressed again while heat 2 waits for the track: nothing is written, the operator is told
        robot.push(KeyCode.CONTROL, KeyCode.N);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rally.typesAfter(before)).containsExactly("HeatStaged");
        assertThat(rally.fixture.context.notices).last().asString().startsWith("Next heat is not possible now.");
    }

    @Test
    void heldRace_acceptButton_recordsIt(FxRobot robot) {
        open(new FakeTrack(6));
        rally.connect();
        Heat heat1 = rally.racing();
        java.util.Map<Integer, Long> times = new java.util.TreeMap<>();
        heat1.laneNumbers().forEach(lane -> times.put(lane, 2_500L + lane * 10));
        times.put(3, 400L); // faster than any real car
        rally.track.finish(times);
        WaitForAsyncUtils.waitForFxEvents();
        int before = rally.eventCount();

        assertThat(ConsoleRally.texts(node(robot, "#held-race"))).contains("Accept time", "Re-run heat");
        assertThat(rally.typesAfter(before)).isEmpty();
        Screenshots.take(stage, "operator-console-held");

        robot.clickOn("#accept-held");

        assertThat(rally.typesAfter(before)).containsExactly("RaceCompleted");
        assertThat(robot.lookup("#held-race").tryQuery()).isEmpty();
        assertThat(ConsoleRally.texts(node(robot, "#result-table"))).contains("⚠ impossible", "0.400 s");
    }

    @Test
    void rerun_pressed_asksWhyAndDeclaresTheRerun(FxRobot robot) {
        open(new FakeTrack(6));
        rally.connect();
        rally.finish();
        int before = rally.eventCount();

        robot.clickOn("#rerun");
        dialogShows(robot, "#reason");
        robot.clickOn("#reason").write("False start");
        robot.clickOn("#dialog-ok");
        WaitForAsyncUtils.waitForFxEvents();

        List<DomainEvent> written = rally.fixture.eventsOnDisk().subList(before, rally.eventCount());
        assertThat(written).first().isInstanceOfSatisfying(RerunDeclared.class, r -> {
            assertThat(r.heat()).isEqualTo(1);
            assertThat(r.reason()).isEqualTo("False start");
        });
        assertThat(text(robot, "#console-title")).isEqualTo("Kub Kars – Heat 1 of "
                + rally.section().heatCount() + " (re-run)");
    }

    @Test
    void removeCar_afterTheDialog_asksToConfirmAndOnlyTheConfirmedRemovalIsWritten(FxRobot robot) {
        open(new FakeTrack(6));
        rally.connect();
        String car = rally.section().racingCars().get(2);
        int before = rally.eventCount();

        robot.clickOn("#remove-car");
        dialogShows(robot, "#car-list");
        robot.clickOn("#car-search").write(car).clickOn("#reason-destroyed").clickOn("#dialog-ok");
        dialogShows(robot, "#confirm-action");
        assertThat(UiFixture.fx(() -> robot.lookup("#confirm-message").queryLabeled().getText()))
                .contains("Car " + car).contains("destroyed").contains("cannot be undone");
        robot.push(KeyCode.ESCAPE); // cancel is the default: nothing is removed
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rally.eventCount()).isEqualTo(before);
        assertThat(rally.section().isRemoved(car)).isFalse();

        robot.clickOn("#remove-car");
        dialogShows(robot, "#car-list");
        robot.clickOn("#car-search").write(car).clickOn("#reason-destroyed").clickOn("#dialog-ok");
        dialogShows(robot, "#confirm-action");
        robot.clickOn("#confirm-action");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rally.section().isRemoved(car)).isTrue();
        assertThat(rally.fixture.eventsOnDisk().subList(before, rally.eventCount())).first()
                .isInstanceOf(org.rallylab.domain.event.CarRemoved.class);
    }

    @Test
    void manualMode_typedTimes_runTheHeat(FxRobot robot) {
        open(null);
        Heat heat1 = rally.section().heatOnTrack().orElseThrow();
        assertThat(ConsoleRally.texts(node(robot, "#track-status"))).contains("Manual mode (no track)");
        assertThat(UiFixture.fx(() -> robot.lookup("#enter-times").queryButton().getText()))
                .isEqualTo("Run heat: enter times");
        Screenshots.take(stage, "operator-console-manual");
        int before = rally.eventCount();

        robot.clickOn("#enter-times");
        dialogShows(robot, "#time-lane-1");
        for (int lane : heat1.laneNumbers()) {
            robot.clickOn("#time-lane-" + lane).write("2." + (500 + lane * 7));
        }
        robot.clickOn("#dialog-ok");
        WaitForAsyncUtils.waitForFxEvents();

        List<DomainEvent> written = rally.fixture.eventsOnDisk().subList(before, rally.eventCount());
        assertThat(written).singleElement().isInstanceOfSatisfying(RaceCompleted.class, race -> {
            assertThat(race.heat()).isEqualTo(1);
            assertThat(race.raceId()).startsWith("manual-");
        });
        assertThat(ConsoleRally.texts(node(robot, "#result-table"))).contains("2.507 s");
    }

    @Test
    void endEarly_confirmed_completesTheSectionAndShowsItsFinalStandings(FxRobot robot) {
        open(new FakeTrack(6));
        rally.connect();
        rally.finish();
        int before = rally.eventCount();

        robot.clickOn("#end-early");
        dialogShows(robot, "#confirm-action");
        robot.clickOn("#confirm-action");
        WaitForAsyncUtils.waitForFxEvents();

        List<DomainEvent> written = rally.fixture.eventsOnDisk().subList(before, rally.eventCount());
        assertThat(written).singleElement().isInstanceOfSatisfying(SectionCompleted.class,
                done -> assertThat(done.sectionId()).isEqualTo(rally.sectionId));
        assertThat(rally.fixture.context.visits).containsExactly("sectionComplete:" + rally.sectionId);
    }

    @Test
    void nextHeat_afterTheLastHeat_completesTheSection(FxRobot robot) {
        open(null);
        int total = rally.section().heatCount();
        for (int heat = 1; heat <= total; heat++) {
            if (heat > 1) {
                ConsoleRally.accept(UiFixture.fx(() -> rally.fixture.day.loop().nextHeat()));
            }
            ConsoleRally.accept(UiFixture.fx(() -> rally.fixture.day.loop().rankByHand(java.util.Map.of(1, 1))));
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#console-status")).contains("it was the last heat");
        assertThat(rally.fixture.context.visits).isEmpty();

        robot.clickOn("#next-heat");

        assertThat(rally.typesAfter(0)).last().isEqualTo("SectionCompleted");
        assertThat(rally.fixture.context.visits).containsExactly("sectionComplete:" + rally.sectionId);
    }

    @Test
    void console_noSectionRacing_offersTheWayHome(FxRobot robot) {
        rally = ConsoleRally.started(folder, null, stage);
        ConsoleRally.accept(UiFixture.fx(() -> rally.fixture.day.loop().rankByHand(java.util.Map.of(1, 1))));
        UiFixture.fxRun(() -> ConsoleRally.accept(rally.fixture.day.session()
                .execute(new org.rallylab.domain.command.Command.EndSectionEarly(rally.sectionId))));
        console = UiFixture.fx(() -> new LiveConsole(rally.fixture.context));
        ConsoleRally.show(stage, console);

        assertThat(UiFixture.fx(() -> robot.lookup("#console-idle").query().isVisible())).isTrue();
        robot.clickOn("#go-home");
        assertThat(rally.fixture.context.visits).containsExactly("home");
    }
}
