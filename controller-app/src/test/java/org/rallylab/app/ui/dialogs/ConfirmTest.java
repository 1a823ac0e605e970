package org.rallylab.app.ui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.testfx.api.FxRobot;

class ConfirmTest extends DialogTest {

    private static final String MESSAGE = "Kub Kars has raced 1 of 14 heats. Ending now ranks the cars on the "
            + "heats raced so far; the remaining heats are not raced. This cannot be undone.";


    private DialogBench.Answer<Boolean> open(FxRobot robot) {
        return bench.open(robot, () -> Confirm.ask(stage, "End Kub Kars early?", MESSAGE, "End section now"));
    }

    @Test
    void confirm_actionButton_endsTheSection(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        bench.rankHeatOne();
        var answer = open(robot);
        bench.screenshot("operator-dialog-end-early");
        robot.push(KeyCode.SHIFT, KeyCode.TAB); // from Cancel back to the action
        robot.push(KeyCode.ENTER);
        assertThat(answer.get()).isTrue();
        assertThat(bench.execute(new Command.EndSectionEarly(bench.sectionId))).isInstanceOf(Decision.Accepted.class);
    }

    @Test
    void confirm_enterAlone_cancelsBecauseCancelIsTheDefault(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        var answer = open(robot);
        robot.push(KeyCode.ENTER);
        assertThat(answer.get()).isFalse();
    }

    @Test
    void confirm_escape_cancels(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        var answer = open(robot);
        robot.push(KeyCode.ESCAPE);
        assertThat(answer.get()).isFalse();
    }

    @Test
    void confirm_clickingTheAction_confirms(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        var answer = open(robot);
        robot.clickOn("#confirm-action");
        assertThat(answer.get()).isTrue();
    }
}
