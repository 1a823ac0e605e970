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
        return bench.open(robot, () -> ManualTimesDialog.ask(stage, bench.session(), bench.sectionId, 1));
    }

    /** "car 103, Ava B." for the car in {@code lane} of heat 1. */
    private String carIn(int lane) {
        String car = bench.heat(1).carIn(lane).orElseThrow();
        String name = bench.section().nameOf(car);
        return name.isEmpty() ? "car " + car : "car " + car + ", " + name;
    }

    @Test
    void manualTimes_pointOrCommaAndDnfLanes_areReturnedAndTheLoopRecordsThem(FxRobot robot) {
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
    void manualTimes_wordOrNegative_isRefusedWithTheLaneNamed(FxRobot robot) {
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

        replace(robot, "3.1");
        assertThat(bench.error(robot)).isEmpty();
        robot.push(KeyCode.ENTER);
        assertThat(answer.get()).contains(Map.of(1, 2800L, 2, 3100L));
    }

    @Test
    void manualTimes_impossibleTimeOfAnySize_isRefusedNamingTheCarAsTheRulesSay(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        var answer = open(robot);
        robot.write("2.8").push(KeyCode.TAB);
        for (String impossible : new String[] {"0", "12", "2853"}) {
            replace(robot, impossible);
            robot.push(KeyCode.ENTER);
            assertThat(answer.isDone()).as(impossible).isFalse();
            assertThat(bench.error(robot)).as(impossible).contains("ane 2 (" + carIn(2) + ")")
                    .doesNotContain("Accept the race");
            bench.assertButtonsInView(robot);
        }
        assertThat(bench.error(robot)).contains("2853.000 s");

        replace(robot, "3.1");
        assertThat(bench.error(robot)).isEmpty();
        robot.push(KeyCode.ENTER);
        assertThat(answer.get()).contains(Map.of(1, 2800L, 2, 3100L));
        assertThat(bench.fixture.typesOnDiskAfter(0)).doesNotContain("RaceCompleted");
    }

    @Test
    void manualTimes_noTimeAtAll_isRefusedAsAGateFault(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        var answer = open(robot);
        robot.push(KeyCode.ENTER);
        assertThat(answer.isDone()).isFalse();
        assertThat(bench.error(robot)).startsWith("Every lane of heat 1 is DNF");
    }

    @Test
    void manualTimes_escape_cancels(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        var answer = open(robot);
        robot.write("2.853").push(KeyCode.ESCAPE);
        assertThat(answer.get()).isEmpty();
    }

    private static void replace(FxRobot robot, String text) {
        robot.push(KeyCode.CONTROL, KeyCode.A).write(text);
    }
}
