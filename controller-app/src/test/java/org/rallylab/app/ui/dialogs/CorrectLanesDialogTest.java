package org.rallylab.app.ui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.schedule.Heat;
import org.testfx.api.FxRobot;

class CorrectLanesDialogTest extends DialogTest {

    private DialogBench.Answer<Optional<Command.CorrectLanes>> open(FxRobot robot, int heat) {
        return bench.open(robot, () -> CorrectLanesDialog.ask(stage, bench.session(), bench.sectionId, heat));
    }

    @Test
    void correctLanes_twoSwappedCars_areCorrectedAndTheSessionAcceptsIt(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        bench.rankHeatOne();
        Heat heat = bench.heat(1);
        String first = heat.carIn(1).orElseThrow();
        String second = heat.carIn(2).orElseThrow();
        var answer = open(robot, 1);

        robot.write(second);
        assertThat(bench.error(robot)).startsWith("Car " + second + " would be in lanes 1 and 2");
        robot.push(KeyCode.TAB).write(first);
        assertThat(bench.error(robot)).isEmpty();
        robot.push(KeyCode.TAB).push(KeyCode.TAB).push(KeyCode.TAB); // lanes 3, 4, then the reason
        robot.write("Two cars swapped lanes");
        bench.screenshot("operator-dialog-correct-lanes");
        robot.push(KeyCode.ENTER);

        Command.CorrectLanes correction = answer.get().orElseThrow();
        assertThat(correction.carByLane()).containsEntry(1, second).containsEntry(2, first)
                .containsEntry(3, heat.carIn(3).orElseThrow()).containsEntry(4, heat.carIn(4).orElseThrow());
        assertThat(correction.reason()).isEqualTo("Two cars swapped lanes");
        assertThat(bench.execute(correction)).isInstanceOf(Decision.Accepted.class);
        assertThat(bench.heat(1).carIn(1)).contains(second);
    }

    @Test
    void correctLanes_carFromOutsideTheStagedHeat_isAccepted(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        Heat heat = bench.heat(1);
        String outsider = bench.section().racingCars().stream().filter(c -> !heat.hasCar(c)).findFirst()
                .orElseThrow();
        var answer = open(robot, 1);
        robot.push(KeyCode.TAB).push(KeyCode.TAB).push(KeyCode.TAB).write(outsider); // lane 4
        robot.push(KeyCode.TAB).push(KeyCode.TAB).push(KeyCode.SPACE); // reason: first quick pick
        robot.push(KeyCode.ENTER);
        Command.CorrectLanes correction = answer.get().orElseThrow();
        assertThat(correction.carByLane()).containsEntry(4, outsider);
        assertThat(correction.reason()).isEqualTo(CorrectLanesDialog.QUICK_PICKS[0]);
        assertThat(bench.execute(correction)).isInstanceOf(Decision.Accepted.class);
    }

    @Test
    void correctLanes_noChange_isRefusedWithTheRulesWordsAndNoReasonIsNeeded(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        bench.rankHeatOne();
        Heat heat = bench.heat(1);
        var answer = open(robot, 1);
        robot.push(KeyCode.ENTER);
        assertThat(answer.isDone()).isFalse();
        String refusal = bench.execute(new Command.CorrectLanes(bench.sectionId, 1,
                Map.of(1, heat.carIn(1).orElseThrow()), null)).message();
        assertThat(bench.error(robot)).isEqualTo(refusal)
                .isEqualTo("Those are already the cars in heat 1: choose the car really in a lane.");

        robot.write(heat.carIn(4).orElseThrow()).push(KeyCode.TAB).push(KeyCode.TAB).push(KeyCode.TAB)
                .write(heat.carIn(1).orElseThrow()).push(KeyCode.ENTER);
        Command.CorrectLanes correction = answer.get().orElseThrow();
        assertThat(correction.reason()).isNullOrEmpty();
        assertThat(bench.execute(correction)).isInstanceOf(Decision.Accepted.class);
    }

    @Test
    void correctLanes_escape_cancels(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        var answer = open(robot, 1);
        robot.write("x").push(KeyCode.ESCAPE);
        assertThat(answer.get()).isEmpty();
    }
}
