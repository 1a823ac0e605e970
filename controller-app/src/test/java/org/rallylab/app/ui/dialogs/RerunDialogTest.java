package org.rallylab.app.ui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.testfx.api.FxRobot;

class RerunDialogTest extends DialogTest {


    @Test
    void a_quick_pick_chosen_by_keyboard_is_the_reason_and_the_rules_accept_the_rerun(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        bench.rankHeatOne();
        var answer = bench.open(robot, () -> RerunDialog.ask(stage, "Kub Kars", 1));
        bench.screenshot("operator-dialog-rerun");

        robot.push(KeyCode.TAB).push(KeyCode.TAB).push(KeyCode.SPACE); // the second quick pick
        assertThat(robot.lookup("#reason").queryTextInputControl().getText()).isEqualTo("Car left the track");
        robot.push(KeyCode.ENTER);

        Optional<String> reason = answer.get();
        assertThat(reason).contains("Car left the track");
        assertThat(bench.execute(new Command.DeclareRerun(bench.sectionId, 1, reason.orElseThrow())))
                .isInstanceOf(Decision.Accepted.class);
        assertThat(bench.fixture.typesOnDiskAfter(0)).endsWith("RerunDeclared", "HeatStaged");
    }

    @Test
    void a_typed_reason_is_returned_as_typed(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        var answer = bench.open(robot, () -> RerunDialog.ask(stage, "Kub Kars", 1));
        robot.write("  Lane 3 car jumped the rail ").push(KeyCode.ENTER);
        assertThat(answer.get()).contains("Lane 3 car jumped the rail");
    }

    @Test
    void a_blank_reason_is_refused_with_the_message_until_one_is_given(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        var answer = bench.open(robot, () -> RerunDialog.ask(stage, "Kub Kars", 2));
        assertThat(bench.error(robot)).isEmpty();

        robot.push(KeyCode.ENTER);
        assertThat(answer.isDone()).isFalse();
        assertThat(bench.error(robot)).isEqualTo("Say why heat 2 is re-run: type a reason or pick one.");
        robot.write("   ").push(KeyCode.ENTER);
        assertThat(answer.isDone()).isFalse();

        robot.write("Gate fault");
        assertThat(bench.error(robot)).isEmpty();
        robot.push(KeyCode.ENTER);
        assertThat(answer.get()).contains("Gate fault");
    }

    @Test
    void escape_cancels(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        var answer = bench.open(robot, () -> RerunDialog.ask(stage, "Kub Kars", 1));
        robot.write("False start").push(KeyCode.ESCAPE);
        assertThat(answer.get()).isEmpty();
    }
}
