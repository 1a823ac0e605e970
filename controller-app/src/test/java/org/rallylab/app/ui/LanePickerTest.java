package org.rallylab.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class LanePickerTest {

    private LanePicker picker;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        picker = new LanePicker(6, List.of(1, 3, 5));
        stage.setScene(Ui.scene(new StackPane(picker), 600, 120));
        stage.show();
    }

    @Test
    void lanePicker_ticking_keepsLanesInOrderAdjacentOrNot(FxRobot robot) {
        assertThat(picker.selectedLanes()).containsExactly(1, 3, 5);
        robot.clickOn("#lane-2").clickOn("#lane-5");
        assertThat(picker.selectedLanes()).containsExactly(1, 2, 3);
        Screenshots.take(stage, "test-lane-picker");
    }

    @Test
    void lanePicker_select_replacesTheTickedLanes() {
        UiFixture.fxRun(() -> picker.select(List.of(6, 4)));
        assertThat(picker.selectedLanes()).containsExactly(4, 6);
    }
}
