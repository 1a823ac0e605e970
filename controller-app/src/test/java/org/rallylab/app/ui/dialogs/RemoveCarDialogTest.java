package org.rallylab.app.ui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.rallylab.app.ui.UiFixture;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.event.CarRemoved;
import org.testfx.api.FxRobot;

class RemoveCarDialogTest extends DialogTest {


    private DialogBench.Answer<Optional<Command.RemoveCar>> open(FxRobot robot, String preselected) {
        return bench.open(robot, () -> RemoveCarDialog.ask(stage, bench.session(), bench.sectionId, preselected));
    }

    private Command.RemoveCar removal(String car, String reason) {
        return new Command.RemoveCar(bench.sectionId, car, reason);
    }

    @Test
    void removeCar_foundByNumberAndDestroyed_isRemovedByTheSession(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        String car = bench.section().racingCars().get(2);
        var answer = open(robot, null);
        robot.write(car).push(KeyCode.TAB).push(KeyCode.TAB).push(KeyCode.SPACE); // list, then "Car destroyed"
        assertThat(selected(robot)).isEqualTo(car);
        bench.screenshot("operator-dialog-remove-car");
        robot.push(KeyCode.ENTER);

        Command.RemoveCar removal = answer.get().orElseThrow();
        assertThat(removal).isEqualTo(removal(car, CarRemoved.DESTROYED));
        assertThat(bench.execute(removal)).isInstanceOf(Decision.Accepted.class);
        assertThat(bench.section().isRemoved(car)).isTrue();
    }

    @Test
    void removeCar_foundByNameWithTheArrowKeys_isChosen(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        var section = bench.section();
        String car = section.racingCars().get(5);
        String name = section.nameOf(car);
        var answer = open(robot, null);
        robot.write(name.substring(0, Math.min(4, name.length())));
        List<Object> shown = UiFixture.fx(() -> List.<Object>copyOf(listView(robot).getItems()));
        assertThat(shown).contains(car);
        for (int i = 0; i < shown.indexOf(car); i++) {
            robot.push(KeyCode.DOWN);
        }
        assertThat(selected(robot)).isEqualTo(car);
        robot.push(KeyCode.TAB).push(KeyCode.TAB).push(KeyCode.TAB).push(KeyCode.SPACE); // "Car failed inspection"
        robot.push(KeyCode.ENTER);
        assertThat(answer.get()).contains(removal(car, CarRemoved.DISQUALIFIED));
    }

    @Test
    void removeCar_preselectedCar_isChosenAndAReasonIsRequired(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        String car = bench.section().racingCars().get(4);
        var answer = open(robot, car);
        assertThat(selected(robot)).isEqualTo(car);
        robot.push(KeyCode.ENTER);
        assertThat(answer.isDone()).isFalse();
        assertThat(bench.error(robot)).isEqualTo("Say why car " + car + " leaves.");
        robot.push(KeyCode.SPACE).push(KeyCode.ENTER); // the cursor went to the first reason
        assertThat(answer.get()).contains(removal(car, CarRemoved.DESTROYED));
    }

    @Test
    void removeCar_familyLeaving_isNotAReasonOffered(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        var answer = open(robot, bench.section().racingCars().get(0));
        assertThat(robot.lookup("#reason-family-left").tryQuery()).isEmpty();
        assertThat(robot.lookup("#family-note").queryLabeled().getText())
                .startsWith("A family leaving early is not a removal: race the car for them");
        robot.push(KeyCode.ESCAPE);
        assertThat(answer.get()).isEmpty();
    }

    @Test
    void removeCar_noCarMatching_isRefusedAndEscapeCancels(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        var answer = open(robot, null);
        robot.write("zzz9").push(KeyCode.ENTER);
        assertThat(answer.isDone()).isFalse();
        assertThat(bench.error(robot)).isEqualTo("No racing car matches \"zzz9\".");
        robot.push(KeyCode.ESCAPE);
        assertThat(answer.get()).isEmpty();
    }

    @Test
    void removeCar_secondLastCar_isRefusedWithTheRulesWords(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        List<String> cars = bench.section().racingCars();
        for (String car : cars.subList(2, cars.size())) {
            bench.accept(new Command.RemoveCar(bench.sectionId, car, CarRemoved.DESTROYED));
        }
        var answer = open(robot, cars.get(0));
        assertThat(bench.error(robot)).isEqualTo("Removing car " + cars.get(0)
                + " would leave only one car racing; end the section early instead.");
        robot.push(KeyCode.ESCAPE);
        assertThat(answer.get()).isEmpty();
    }

    private static ListView<?> listView(FxRobot robot) {
        return robot.lookup("#car-list").queryAs(ListView.class);
    }

    private static Object selected(FxRobot robot) {
        return UiFixture.fx(() -> listView(robot).getSelectionModel().getSelectedItem());
    }
}
