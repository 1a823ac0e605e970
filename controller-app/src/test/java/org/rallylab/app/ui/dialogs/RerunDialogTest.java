package org.rallylab.app.ui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.rallylab.app.ui.UiFixture;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.testfx.api.FxRobot;

class RerunDialogTest extends DialogTest {

    private DialogBench.Answer<Optional<Command.DeclareRerun>> open(FxRobot robot, int heat) {
        return bench.open(robot, () -> RerunDialog.ask(stage, bench.session(), bench.sectionId, heat));
    }

    @Test
    void rerun_quickPickChosenByKeyboard_isTheReasonAndTheRulesAcceptIt(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        bench.rankHeatOne();
        var answer = open(robot, 1);
        bench.screenshot("operator-dialog-rerun");

        robot.push(KeyCode.TAB).push(KeyCode.TAB).push(KeyCode.SPACE); // the second quick pick
        assertThat(robot.lookup("#reason").queryTextInputControl().getText()).isEqualTo("Car left the track");
        robot.push(KeyCode.ENTER);

        Command.DeclareRerun rerun = answer.get().orElseThrow();
        assertThat(rerun).isEqualTo(new Command.DeclareRerun(bench.sectionId, 1, "Car left the track"));
        assertThat(bench.execute(rerun)).isInstanceOf(Decision.Accepted.class);
        assertThat(bench.fixture.typesOnDiskAfter(0)).endsWith("RerunDeclared", "HeatStaged");
    }

    @Test
    void rerun_typedReason_isReturnedAsTyped(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        bench.rankHeatOne();
        var answer = open(robot, 1);
        robot.write("  Lane 3 car jumped the rail ").push(KeyCode.ENTER);
        assertThat(answer.get().map(Command.DeclareRerun::reason)).contains("Lane 3 car jumped the rail");
    }

    @Test
    void rerun_noReason_isAcceptedAsTheRulesAcceptIt(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        bench.rankHeatOne();
        var answer = open(robot, 1);
        assertThat(bench.error(robot)).isEmpty();
        robot.push(KeyCode.ENTER);
        Command.DeclareRerun rerun = answer.get().orElseThrow();
        assertThat(bench.execute(rerun)).isInstanceOf(Decision.Accepted.class);
    }

    @Test
    void rerun_heatWithoutAResult_isRefusedWithTheRulesWords(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        var answer = open(robot, 2);
        assertThat(bench.error(robot)).isEqualTo("Heat 2 has no result to re-run.");
        robot.push(KeyCode.ENTER);
        assertThat(answer.isDone()).isFalse();
        robot.push(KeyCode.ESCAPE);
        assertThat(answer.get()).isEmpty();
    }

    @Test
    void rerun_heatRacedAgainWhileTheDialogIsOpen_saysSoAndRefuses(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        bench.rankHeatOne();
        var answer = open(robot, 1);
        assertThat(bench.error(robot)).isEmpty();

        // racing moves on under the dialog: heat 2 staged and ranked, so heat 1 is no longer the latest
        bench.accept(new Command.StageNextHeat(bench.sectionId));
        assertThat(UiFixture.fx(() -> bench.fixture.day.loop().rankByHand(java.util.Map.of(1, 1, 2, 2, 3, 3, 4, 4))))
                .isInstanceOf(Decision.Accepted.class);

        assertThat(bench.error(robot)).startsWith("Heat 2 got a new result since this window opened. Nothing was"
                + " done here");
        assertThat(UiFixture.fx(() -> robot.lookup("#dialog-ok").queryAs(Button.class).isDisabled())).isTrue();
        robot.push(KeyCode.ENTER);
        assertThat(answer.isDone()).isFalse();
        robot.push(KeyCode.ESCAPE);
        assertThat(answer.get()).isEmpty();
    }

    @Test
    void rerun_escape_cancels(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        bench.rankHeatOne();
        var answer = open(robot, 1);
        robot.write("False start").push(KeyCode.ESCAPE);
        assertThat(answer.get()).isEmpty();
    }
}
