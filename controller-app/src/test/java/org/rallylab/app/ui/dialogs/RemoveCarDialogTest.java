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


    private DialogBench.Answer<Optional<RemoveCarDialog.Answer>> open(FxRobot robot, String preselected) {
        var section = bench.section();
        return bench.open(robot, () -> RemoveCarDialog.ask(stage, section, preselected));
    }

    @Test
    void a_car_found_by_number_and_destroyed_is_removed_by_the_session(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        String car = bench.section().racingCars().get(2);
        var answer = open(robot, null);
        robot.write(car).push(KeyCode.TAB).push(KeyCode.TAB).push(KeyCode.SPACE); // list, then "Car destroyed"
        assertThat(selected(robot)).isEqualTo(car);
        bench.screenshot("operator-dialog-remove-car");
        robot.push(KeyCode.ENTER);

        RemoveCarDialog.Answer removal = answer.get().orElseThrow();
        assertThat(removal).isEqualTo(new RemoveCarDialog.Answer(car, CarRemoved.DESTROYED));
        assertThat(bench.execute(new Command.RemoveCar(bench.sectionId, removal.carNumber(), removal.reason())))
                .isInstanceOf(Decision.Accepted.class);
        assertThat(bench.section().isRemoved(car)).isTrue();
    }

    @Test
    void a_car_found_by_name_with_the_arrow_keys(FxRobot robot) {
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
        assertThat(answer.get()).contains(new RemoveCarDialog.Answer(car, CarRemoved.DISQUALIFIED));
    }

    @Test
    void the_preselected_car_is_chosen_and_a_reason_is_required(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        String car = bench.section().racingCars().get(4);
        var answer = open(robot, car);
        assertThat(selected(robot)).isEqualTo(car);
        robot.push(KeyCode.ENTER);
        assertThat(answer.isDone()).isFalse();
        assertThat(bench.error(robot)).isEqualTo("Say why car " + car + " leaves.");
        robot.push(KeyCode.SPACE).push(KeyCode.ENTER); // the cursor went to the first reason
        assertThat(answer.get()).contains(new RemoveCarDialog.Answer(car, CarRemoved.DESTROYED));
    }

    @Test
    void family_left_is_not_a_removal_unless_the_operator_insists(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        String car = bench.section().racingCars().get(0);
        var answer = open(robot, car);
        robot.clickOn("#reason-family-left").push(KeyCode.ENTER);
        assertThat(answer.isDone()).isFalse();
        assertThat(bench.error(robot)).isEqualTo("Race car " + car + " for the family instead, or tick "
                + "\"Remove it anyway\".");
        robot.push(KeyCode.SPACE).push(KeyCode.ENTER); // the cursor went to "Remove it anyway"
        RemoveCarDialog.Answer removal = answer.get().orElseThrow();
        assertThat(removal).isEqualTo(new RemoveCarDialog.Answer(car, CarRemoved.DISQUALIFIED));
        assertThat(bench.execute(new Command.RemoveCar(bench.sectionId, removal.carNumber(), removal.reason())))
                .isInstanceOf(Decision.Accepted.class);
    }

    @Test
    void no_car_matching_is_refused_and_escape_cancels(FxRobot robot) {
        bench = DialogBench.racing(folder, stage);
        var answer = open(robot, null);
        robot.write("zzz9").push(KeyCode.ENTER);
        assertThat(answer.isDone()).isFalse();
        assertThat(bench.error(robot)).isEqualTo("No racing car matches \"zzz9\".");
        robot.push(KeyCode.ESCAPE);
        assertThat(answer.get()).isEmpty();
    }

    @Test
    void removing_the_second_last_car_is_refused_as_the_rules_would(FxRobot robot) {
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
