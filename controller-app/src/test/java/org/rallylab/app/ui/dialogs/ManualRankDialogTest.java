package org.rallylab.app.ui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.rallylab.app.ui.UiFixture;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.event.ResultManuallyEntered;
import org.testfx.api.FxRobot;

class ManualRankDialogTest extends DialogTest {

    private DialogBench.Answer<Optional<Command.EnterManualResult>> open(FxRobot robot, int heat) {
        return bench.open(robot, () -> ManualRankDialog.ask(stage, bench.session(), bench.sectionId, heat));
    }

    private Decision rank(Command.EnterManualResult ranking) {
        return UiFixture.fx(() -> bench.fixture.day.loop().rankByHand(ranking.placeByLane()));
    }

    @Test
    void manualRank_placesTypedLaneByLaneWithADnf_areReturnedAndTheLoopAcceptsThem(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        var answer = open(robot, 1);
        robot.write("2").push(KeyCode.TAB).write("1").push(KeyCode.TAB).write("d").push(KeyCode.TAB).write("3");
        bench.screenshot("operator-dialog-manual-rank");
        robot.push(KeyCode.ENTER);

        Command.EnterManualResult ranking = answer.get().orElseThrow();
        assertThat(ranking.placeByLane()).isEqualTo(Map.of(1, 2, 2, 1, 4, 3));
        assertThat(rank(ranking)).isInstanceOf(Decision.Accepted.class);
        ResultManuallyEntered entered = (ResultManuallyEntered) bench.fixture.eventsOnDisk().stream()
                .filter(e -> e instanceof ResultManuallyEntered).findFirst().orElseThrow();
        assertThat(entered.heat()).isEqualTo(1);
        assertThat(entered.rankings()).hasSize(3);
    }

    @Test
    void manualRank_upAndDown_stepThroughThePlaces(FxRobot robot) {
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
        assertThat(answer.get().map(Command.EnterManualResult::placeByLane)).contains(Map.of(1, 1, 2, 2, 3, 3, 4, 4));
    }

    @Test
    void manualRank_deadHeat_sharesAPlaceAndTheRulesAcceptIt(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        var answer = open(robot, 1);
        robot.write("1").push(KeyCode.TAB).write("1").push(KeyCode.TAB).write("3").push(KeyCode.TAB).write("4");
        assertThat(bench.error(robot)).isEmpty();
        bench.screenshot("operator-dialog-manual-rank-dead-heat");
        robot.push(KeyCode.ENTER);

        Command.EnterManualResult ranking = answer.get().orElseThrow();
        assertThat(ranking.placeByLane()).isEqualTo(Map.of(1, 1, 2, 1, 3, 3, 4, 4));
        assertThat(rank(ranking)).isInstanceOf(Decision.Accepted.class);
    }

    @Test
    void manualRank_missingPlace_isRefusedWithTheRulesWords(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        var answer = open(robot, 1);
        robot.write("1").push(KeyCode.TAB).write("2").push(KeyCode.TAB).write("3").push(KeyCode.TAB).write("4");
        assertThat(bench.error(robot)).isEmpty();
        // lane 3 given 4th: 1st, 2nd, 4th, 4th leaves 3rd out
        robot.push(KeyCode.SHIFT, KeyCode.TAB).write("4");
        String refusal = bench.error(robot);
        assertThat(refusal).isNotEmpty();
        assertThat(bench.execute(new Command.EnterManualResult(bench.sectionId, 1, Map.of(1, 1, 2, 2, 3, 4, 4, 4)))
                .message()).isEqualTo(refusal);
        bench.assertButtonsInView(robot);
        bench.screenshot("operator-dialog-manual-rank-gap");
        robot.push(KeyCode.ENTER);
        assertThat(answer.isDone()).isFalse();

        robot.write("3");
        assertThat(bench.error(robot)).isEmpty();
        robot.push(KeyCode.ENTER);
        assertThat(answer.get().map(Command.EnterManualResult::placeByLane)).contains(Map.of(1, 1, 2, 2, 3, 3, 4, 4));
    }

    @Test
    void manualRank_laneWithoutAPlaceAndOnlyDnfs_areRefused(FxRobot robot) {
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
        assertThat(bench.error(robot)).startsWith("Place at least one car;");
        robot.push(KeyCode.ENTER);
        assertThat(answer.isDone()).isFalse();
        robot.push(KeyCode.ESCAPE);
        assertThat(answer.get()).isEmpty();
    }

    @Test
    void manualRank_heatWithAResult_isPrefilledWithItsPlaces(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        bench.rankHeatOne();
        var answer = open(robot, 1);
        robot.push(KeyCode.ENTER);
        assertThat(answer.get().map(Command.EnterManualResult::placeByLane)).contains(Map.of(1, 1, 2, 2, 3, 3, 4, 4));
    }

    @Test
    void manualRank_escape_cancels(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        var answer = open(robot, 1);
        robot.write("1").push(KeyCode.ESCAPE);
        assertThat(answer.get()).isEmpty();
    }
}
