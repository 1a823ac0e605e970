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
        UiFixture.fxRun(() -> List.copyOf(javafx.stage.Window.getWindows()).stream()
                .filter(w -> w != stage && w instanceof Stage).forEach(w -> ((Stage) w).close())); // a dialog a failed test left
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
    void the_staged_heat_shows_its_number_of_the_total_and_its_cars(FxRobot robot) {
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
    void a_disconnected_track_says_so_and_what_to_do(FxRobot robot) {
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
    void a_finished_race_shows_its_result_and_the_standings(FxRobot robot) {
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
    void next_heat_stages_the_next_heat(FxRobot robot) {
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
    void ctrl_n_stages_the_next_heat_too(FxRobot robot) {
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
    void a_held_race_is_accepted_with_its_button(FxRobot robot) {
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
    void rerun_asks_why_and_declares_the_rerun(FxRobot robot) {
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
    void manual_mode_runs_the_heat_from_typed_times(FxRobot robot) {
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
    void ending_early_completes_the_section_and_goes_to_its_final_standings(FxRobot robot) {
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
    void next_heat_after_the_last_heat_completes_the_section(FxRobot robot) {
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
    void without_a_racing_section_it_offers_the_way_home(FxRobot robot) {
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
