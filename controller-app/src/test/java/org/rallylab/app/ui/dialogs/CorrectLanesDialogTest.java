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


    private DialogBench.Answer<Optional<CorrectLanesDialog.Answer>> open(FxRobot robot, int heat) {
        var section = bench.section();
        return bench.open(robot, () -> CorrectLanesDialog.ask(stage, section, heat));
    }

    @Test
    void two_swapped_cars_are_corrected_and_the_session_accepts_it(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        bench.rankHeatOne();
        Heat heat = bench.heat(1);
        String first = heat.carIn(1).orElseThrow();
        String second = heat.carIn(2).orElseThrow();
        var answer = open(robot, 1);

        robot.write(second);
        assertThat(bench.error(robot)).isEqualTo("Car " + second + " would be in lanes 1 and 2 of heat 1; "
                + "correct both lanes.");
        robot.push(KeyCode.TAB).write(first);
        assertThat(bench.error(robot)).isEmpty();
        robot.push(KeyCode.TAB).push(KeyCode.TAB).push(KeyCode.TAB); // lanes 3, 4, then the reason
        robot.write("Two cars swapped lanes");
        bench.screenshot("operator-dialog-correct-lanes");
        robot.push(KeyCode.ENTER);

        CorrectLanesDialog.Answer correction = answer.get().orElseThrow();
        assertThat(correction.carByLane()).containsEntry(1, second).containsEntry(2, first)
                .containsEntry(3, heat.carIn(3).orElseThrow()).containsEntry(4, heat.carIn(4).orElseThrow());
        assertThat(correction.reason()).isEqualTo("Two cars swapped lanes");
        assertThat(bench.execute(new Command.CorrectLanes(bench.sectionId, 1, correction.carByLane(),
                correction.reason()))).isInstanceOf(Decision.Accepted.class);
        assertThat(bench.heat(1).carIn(1)).contains(second);
    }

    @Test
    void a_car_from_outside_the_heat_in_a_staged_heat(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        Heat heat = bench.heat(1);
        String outsider = bench.section().racingCars().stream().filter(c -> !heat.hasCar(c)).findFirst()
                .orElseThrow();
        var answer = open(robot, 1);
        robot.push(KeyCode.TAB).push(KeyCode.TAB).push(KeyCode.TAB).write(outsider); // lane 4
        robot.push(KeyCode.TAB).push(KeyCode.TAB).push(KeyCode.SPACE); // reason: first quick pick
        robot.push(KeyCode.ENTER);
        CorrectLanesDialog.Answer correction = answer.get().orElseThrow();
        assertThat(correction.carByLane()).containsEntry(4, outsider);
        assertThat(correction.reason()).isEqualTo(CorrectLanesDialog.QUICK_PICKS[0]);
        assertThat(bench.execute(new Command.CorrectLanes(bench.sectionId, 1, correction.carByLane(),
                correction.reason()))).isInstanceOf(Decision.Accepted.class);
    }

    @Test
    void no_change_and_a_blank_reason_are_refused_and_escape_cancels(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        bench.rankHeatOne();
        Heat heat = bench.heat(1);
        var answer = open(robot, 1);
        robot.push(KeyCode.ENTER);
        assertThat(answer.isDone()).isFalse();
        assertThat(bench.error(robot)).isEqualTo("Those are already the cars in heat 1: choose the car really "
                + "in a lane, or cancel.");
        // the rules refuse it too
        assertThat(bench.execute(new Command.CorrectLanes(bench.sectionId, 1, Map.of(1, heat.carIn(1).orElseThrow()),
                "x"))).isInstanceOf(Decision.Rejected.class);

        robot.write(heat.carIn(4).orElseThrow()).push(KeyCode.TAB).push(KeyCode.TAB).push(KeyCode.TAB)
                .write(heat.carIn(1).orElseThrow()).push(KeyCode.ENTER);
        assertThat(answer.isDone()).isFalse();
        assertThat(bench.error(robot)).isEqualTo("Say why the lanes are corrected: type a reason or pick one.");
        robot.push(KeyCode.ESCAPE);
        assertThat(answer.get()).isEmpty();
    }
}
