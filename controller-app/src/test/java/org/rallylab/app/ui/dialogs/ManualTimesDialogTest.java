package org.rallylab.app.ui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.rallylab.app.ui.UiFixture;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.event.RaceCompleted;
import org.testfx.api.FxRobot;

class ManualTimesDialogTest extends DialogTest {


    private DialogBench.Answer<Optional<Map<Integer, Long>>> open(FxRobot robot) {
        var section = bench.section();
        var heat = bench.heat(1);
        return bench.open(robot, () -> ManualTimesDialog.ask(stage, "Kub Kars", heat, section));
    }

    @Test
    void times_with_point_or_comma_and_dnf_lanes_are_returned_and_the_loop_records_them(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        var answer = open(robot);
        robot.write("2.853").push(KeyCode.TAB).write("2,9").push(KeyCode.TAB).push(KeyCode.TAB).write("dnf");
        bench.screenshot("operator-dialog-manual-times");
        robot.push(KeyCode.ENTER);

        Map<Integer, Long> times = answer.get().orElseThrow();
        assertThat(times).isEqualTo(Map.of(1, 2853L, 2, 2900L));
        assertThat(UiFixture.fx(() -> bench.fixture.day.loop().enterTimes(times)))
                .isInstanceOf(Decision.Accepted.class);
        RaceCompleted race = (RaceCompleted) bench.fixture.eventsOnDisk().stream()
                .filter(e -> e instanceof RaceCompleted).findFirst().orElseThrow();
        assertThat(race.timesMs()).isEqualTo(Map.of(1, 2853L, 2, 2900L));
    }

    @Test
    void a_word_a_negative_and_an_absurd_time_are_refused_with_the_lane_named(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        var answer = open(robot);
        robot.write("2.8").push(KeyCode.TAB).write("abc").push(KeyCode.ENTER);
        assertThat(answer.isDone()).isFalse();
        assertThat(bench.error(robot)).isEqualTo("Lane 2: \"abc\" is not a time. Type seconds like 2.853, "
                + "or DNF for a car that did not finish.");
        assertThat(robot.lookup("#time-lane-2").queryAs(TextField.class).isFocused()).isTrue();

        replace(robot, "-2.5");
        robot.push(KeyCode.ENTER);
        assertThat(bench.error(robot)).isEqualTo("Lane 2: a time cannot be negative. Type seconds like 2.853, or DNF.");

        replace(robot, "2853");
        robot.push(KeyCode.ENTER);
        assertThat(bench.error(robot)).startsWith("Lane 2: 2853.000 s is longer than the 10.000 s race timeout.");

        replace(robot, "0");
        robot.push(KeyCode.ENTER);
        assertThat(bench.error(robot)).startsWith("Lane 2: 0.000 s is no time at all.");
        assertThat(answer.isDone()).isFalse();

        replace(robot, "3.1");
        assertThat(bench.error(robot)).isEmpty();
        robot.push(KeyCode.ENTER);
        assertThat(answer.get()).contains(Map.of(1, 2800L, 2, 3100L));
    }

    @Test
    void no_time_at_all_is_refused(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        var answer = open(robot);
        robot.push(KeyCode.ENTER);
        assertThat(answer.isDone()).isFalse();
        assertThat(bench.error(robot)).startsWith("Type the time of at least one car.");
    }

    @Test
    void escape_cancels(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        var answer = open(robot);
        robot.write("2.853").push(KeyCode.ESCAPE);
        assertThat(answer.get()).isEmpty();
    }

    private static void replace(FxRobot robot, String text) {
        robot.push(KeyCode.CONTROL, KeyCode.A).write(text);
    }
}
