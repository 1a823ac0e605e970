package org.rallylab.app.ui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.rallylab.app.ui.UiFixture;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.testfx.api.FxRobot;

class ChangeLanesDialogTest extends DialogTest {


    private DialogBench.Answer<Optional<ChangeLanesDialog.Answer>> open(FxRobot robot) {
        return bench.open(robot, () -> ChangeLanesDialog.ask(stage, 6, DialogBench.LANES));
    }

    @Test
    void a_lane_dropped_by_keyboard_is_returned_and_the_session_restages_the_heat(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        var answer = open(robot);
        robot.push(KeyCode.TAB).push(KeyCode.TAB).push(KeyCode.SPACE); // untick lane 3
        robot.push(KeyCode.TAB).push(KeyCode.TAB).push(KeyCode.TAB).push(KeyCode.TAB); // lanes 4, 5, 6, reason
        robot.write("Lane sensor failed");
        bench.screenshot("operator-dialog-change-lanes");
        robot.push(KeyCode.ENTER);

        ChangeLanesDialog.Answer change = answer.get().orElseThrow();
        assertThat(change).isEqualTo(new ChangeLanesDialog.Answer(List.of(1, 2, 4), "Lane sensor failed"));
        int before = bench.fixture.eventsOnDisk().size();
        assertThat(bench.execute(new Command.ChangeLanes(bench.sectionId, change.lanes(), change.reason())))
                .isInstanceOf(Decision.Accepted.class);
        assertThat(bench.fixture.typesOnDiskAfter(before)).containsExactly("LanesChanged", "HeatStaged");
        assertThat(bench.heat(1).laneNumbers()).containsExactly(1, 2, 4);
    }

    @Test
    void no_lane_the_same_lanes_and_a_blank_reason_are_refused(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        var answer = open(robot);
        robot.push(KeyCode.ENTER);
        assertThat(answer.isDone()).isFalse();
        assertThat(bench.error(robot)).isEqualTo("Lanes 1, 2, 3, 4 are already in use: tick the lanes to race on "
                + "from now on, or cancel.");

        for (int lane = 1; lane <= 4; lane++) {
            robot.clickOn("#lane-" + lane);
        }
        assertThat(bench.error(robot)).isEqualTo("Choose at least one lane to race on.");
        robot.push(KeyCode.ENTER);
        assertThat(answer.isDone()).isFalse();

        robot.clickOn("#lane-5").clickOn("#lane-6").clickOn("#reason").push(KeyCode.ENTER);
        assertThat(bench.error(robot)).isEqualTo("Say why the lanes change: type a reason or pick one.");
        robot.push(KeyCode.ESCAPE);
        assertThat(answer.get()).isEmpty();
    }

    @Test
    void one_lane_is_allowed_as_the_rules_allow_it_with_a_warning(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        var answer = open(robot);
        Node warning = robot.lookup("#one-lane-warning").query();
        assertThat(UiFixture.fx(warning::isVisible)).isFalse();
        robot.clickOn("#lane-2").clickOn("#lane-3").clickOn("#lane-4");
        assertThat(UiFixture.fx(warning::isVisible)).isTrue();
        robot.clickOn("#reason").write("Only lane 1 still times").push(KeyCode.ENTER);

        ChangeLanesDialog.Answer change = answer.get().orElseThrow();
        assertThat(change.lanes()).containsExactly(1);
        assertThat(bench.execute(new Command.ChangeLanes(bench.sectionId, change.lanes(), change.reason())))
                .isInstanceOf(Decision.Accepted.class);
    }
}
