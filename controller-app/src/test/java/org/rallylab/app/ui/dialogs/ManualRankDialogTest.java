package org.rallylab.app.ui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.rallylab.app.ui.UiFixture;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.event.ResultManuallyEntered;
import org.testfx.api.FxRobot;

class ManualRankDialogTest extends DialogTest {


    private DialogBench.Answer<java.util.Optional<Map<Integer, Integer>>> open(FxRobot robot, int heat) {
        var section = bench.section();
        var h = bench.heat(heat);
        return bench.open(robot, () -> ManualRankDialog.ask(stage, "Kub Kars", h, section));
    }

    @Test
    void places_typed_lane_by_lane_with_a_dnf_are_returned_and_the_loop_accepts_them(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        var answer = open(robot, 1);
        robot.write("2").push(KeyCode.TAB).write("1").push(KeyCode.TAB).write("d").push(KeyCode.TAB).write("3");
        bench.screenshot("operator-dialog-manual-rank");
        robot.push(KeyCode.ENTER);

        Map<Integer, Integer> places = answer.get().orElseThrow();
        assertThat(places).isEqualTo(Map.of(1, 2, 2, 1, 4, 3));
        assertThat(UiFixture.fx(() -> bench.fixture.day.loop().rankByHand(places)))
                .isInstanceOf(Decision.Accepted.class);
        ResultManuallyEntered entered = (ResultManuallyEntered) bench.fixture.eventsOnDisk().stream()
                .filter(e -> e instanceof ResultManuallyEntered).findFirst().orElseThrow();
        assertThat(entered.heat()).isEqualTo(1);
        assertThat(entered.rankings()).hasSize(3);
    }

    @Test
    void up_and_down_step_through_the_places(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        var answer = open(robot, 1);
        robot.push(KeyCode.DOWN).push(KeyCode.DOWN).push(KeyCode.UP); // 1st
        for (int lane = 2; lane <= 4; lane++) {
            robot.push(KeyCode.TAB);
            for (int i = 0; i < lane; i++) {
                robot.push(KeyCode.DOWN);
            }
        }
        robot.push(KeyCode.ENTER);
        assertThat(answer.get()).contains(Map.of(1, 1, 2, 2, 3, 3, 4, 4));
    }

    @Test
    void two_lanes_with_the_same_place_are_refused_at_once(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        var answer = open(robot, 1);
        robot.write("1").push(KeyCode.TAB).write("2").push(KeyCode.TAB).write("3").push(KeyCode.TAB).write("1");
        assertThat(bench.error(robot)).isEqualTo("Lane 1 and lane 4 are both 1st: give each car its own place.");
        bench.screenshot("operator-dialog-manual-rank-duplicate");
        robot.push(KeyCode.ENTER);
        assertThat(answer.isDone()).isFalse();

        robot.write("4");
        assertThat(bench.error(robot)).isEmpty();
        robot.push(KeyCode.ENTER);
        assertThat(answer.get()).contains(Map.of(1, 1, 2, 2, 3, 3, 4, 4));
    }

    @Test
    void a_lane_without_a_place_and_a_heat_of_only_dnfs_are_refused(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        var answer = open(robot, 1);
        robot.write("1").push(KeyCode.ENTER);
        assertThat(answer.isDone()).isFalse();
        assertThat(bench.error(robot)).isEqualTo("Choose a place or DNF for lane 2.");
        assertThat(robot.lookup("#place-lane-2").queryAs(ComboBox.class).isFocused()).isTrue();

        robot.push(KeyCode.SHIFT, KeyCode.TAB).write("d");
        for (int i = 0; i < 3; i++) {
            robot.push(KeyCode.TAB).write("d");
        }
        assertThat(bench.error(robot)).startsWith("Every lane is DNF: place at least one car.");
        robot.push(KeyCode.ENTER);
        assertThat(answer.isDone()).isFalse();
        robot.push(KeyCode.ESCAPE);
        assertThat(answer.get()).isEmpty();
    }

    @Test
    void a_heat_with_a_result_is_prefilled_with_its_places(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        bench.rankHeatOne();
        var answer = open(robot, 1);
        robot.push(KeyCode.ENTER);
        assertThat(answer.get()).contains(Map.of(1, 1, 2, 2, 3, 3, 4, 4));
    }

    @Test
    void escape_cancels(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        var answer = open(robot, 1);
        robot.write("1").push(KeyCode.ESCAPE);
        assertThat(answer.get()).isEmpty();
    }
}
