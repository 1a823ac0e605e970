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

    private DialogBench.Answer<Optional<Command.ChangeLanes>> open(FxRobot robot) {
        return bench.open(robot, () -> ChangeLanesDialog.ask(stage, bench.session(), bench.sectionId, 6));
    }

    @Test
    void changeLanes_laneDroppedByKeyboard_isReturnedAndTheSessionRestagesTheHeat(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        var answer = open(robot);
        robot.push(KeyCode.TAB).push(KeyCode.TAB).push(KeyCode.SPACE); // untick lane 3
        robot.push(KeyCode.TAB).push(KeyCode.TAB).push(KeyCode.TAB).push(KeyCode.TAB); // lanes 4, 5, 6, reason
        robot.write("Lane sensor failed");
        bench.screenshot("operator-dialog-change-lanes");
        robot.push(KeyCode.ENTER);

        Command.ChangeLanes change = answer.get().orElseThrow();
        assertThat(change).isEqualTo(new Command.ChangeLanes(bench.sectionId, List.of(1, 2, 4), "Lane sensor failed"));
        int before = bench.fixture.eventsOnDisk().size();
        assertThat(bench.execute(change)).isInstanceOf(Decision.Accepted.class);
        assertThat(bench.fixture.typesOnDiskAfter(before)).containsExactly("LanesChanged", "HeatStaged");
        assertThat(bench.heat(1).laneNumbers()).containsExactly(1, 2, 4);
    }

    @Test
    void changeLanes_sameLanesOrNoLane_isRefusedWithTheRulesWords(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        var answer = open(robot);
        robot.push(KeyCode.ENTER);
        assertThat(answer.isDone()).isFalse();
        assertThat(bench.error(robot)).isEqualTo("Lanes 1, 2, 3, 4 are already in use: tick the lanes to race on "
                + "from now on.");

        for (int lane = 1; lane <= 4; lane++) {
            robot.clickOn("#lane-" + lane);
        }
        String noLane = bench.error(robot);
        assertThat(noLane).isNotEmpty();
        assertThat(bench.execute(new Command.ChangeLanes(bench.sectionId, List.of(), null)).message())
                .isEqualTo(noLane);
        robot.push(KeyCode.ENTER);
        assertThat(answer.isDone()).isFalse();
        robot.push(KeyCode.ESCAPE);
        assertThat(answer.get()).isEmpty();
    }

    @Test
    void changeLanes_noReason_isAcceptedAsTheRulesAcceptIt(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        var answer = open(robot);
        robot.clickOn("#lane-4").push(KeyCode.ENTER);
        Command.ChangeLanes change = answer.get().orElseThrow();
        assertThat(change.lanes()).containsExactly(1, 2, 3);
        assertThat(bench.execute(change)).isInstanceOf(Decision.Accepted.class);
    }

    @Test
    void changeLanes_oneLane_isAllowedAsTheRulesAllowItWithAWarning(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        var answer = open(robot);
        Node warning = robot.lookup("#one-lane-warning").query();
        assertThat(UiFixture.fx(warning::isVisible)).isFalse();
        robot.clickOn("#lane-2").clickOn("#lane-3").clickOn("#lane-4");
        assertThat(UiFixture.fx(warning::isVisible)).isTrue();
        robot.clickOn("#reason").write("Only lane 1 still times").push(KeyCode.ENTER);

        Command.ChangeLanes change = answer.get().orElseThrow();
        assertThat(change.lanes()).containsExactly(1);
        assertThat(bench.execute(change)).isInstanceOf(Decision.Accepted.class);
    }
}
