package org.rallylab.app.ui.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.app.demo.DemoSetup;
import org.rallylab.app.ui.Screenshots;
import org.rallylab.app.ui.UiFixture;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.event.CarArrived;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class EventInspectorTest {

    @TempDir
    Path dir;
    private Stage stage;
    private UiFixture fixture;
    private EventInspector inspector;
    private String kubs;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        if (inspector != null) {
            UiFixture.fxRun(inspector::dispose);
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void inspector_eventSelected_showsTheRallyAsItWasAfterIt(FxRobot robot) {
        fixture = UiFixture.demo(dir, UiFixture.SMALL, null, stage);
        kubs = fixture.section(DemoSetup.KUB_KARS).sectionId();
        for (String car : List.of("1", "2", "3", "4", "5", "6")) {
            execute(new Command.MarkArrived(kubs, car));
        }
        execute(new Command.StartSection(kubs, List.of(1, 2, 3, 4, 5, 6)));
        race(Map.of(1, 2410L, 2, 2533L, 3, 2602L, 4, 2388L, 5, 2751L, 6, 2490L));
        inspector = UiFixture.fx(() -> new EventInspector(fixture.context));
        UiFixture.show(stage, inspector, 1280, 800);
        WaitForAsyncUtils.waitForFxEvents();

        int onDisk = fixture.eventsOnDisk().size();
        assertThat(rows(robot)).hasSize(onDisk);
        assertThat(rows(robot)).extracting(EventRow::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(text(robot, "#state-as-of")).contains("Kub Kars: Racing – heat 2 of")
                .contains("arrived 6 of 8").contains(" 1. car ");
        assertThat(text(robot, "#payload")).contains("\"section_id\"");
        Screenshots.take(stage, "operator-inspector");

        int firstArrival = indexOfType(robot, CarArrived.TYPE);
        select(robot, firstArrival + 1);
        assertThat(text(robot, "#state-as-of")).contains("Kub Kars: Checking in").contains("arrived 2 of 8")
                .doesNotContain("arrived 6 of 8");
        assertThat(text(robot, "#payload")).contains("\"car_number\" : \"2\"");

        // new events appear as they are written, and the filters narrow the list
        execute(new Command.MarkArrived(kubs, "7"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rows(robot)).hasSize(onDisk + 1);
        UiFixture.fxRun(() -> typeFilter(robot).setValue(CarArrived.TYPE));
        assertThat(rows(robot)).hasSize(7).allSatisfy(r -> assertThat(r.type()).isEqualTo(CarArrived.TYPE));
        assertThat(UiFixture.fx(() -> robot.lookup("#event-count").queryLabeled().getText()))
                .isEqualTo("7 of " + (onDisk + 1) + " events");
        @SuppressWarnings("unchecked")
        ComboBox<String> sections = robot.lookup("#section-filter").queryAs(ComboBox.class);
        UiFixture.fxRun(() -> {
            typeFilter(robot).setValue(EventInspector.ALL_TYPES);
            sections.setValue(DemoSetup.BEAVER_BUGGIES);
        });
        assertThat(rows(robot)).isNotEmpty().allSatisfy(r -> assertThat(r.section()).isEqualTo(DemoSetup.BEAVER_BUGGIES));
    }

    @Test
    void inspector_anyUse_neverWritesAnything(FxRobot robot) {
        fixture = UiFixture.demo(dir, UiFixture.SMALL, null, stage);
        int before = fixture.eventsOnDisk().size();
        inspector = UiFixture.fx(() -> new EventInspector(fixture.context));
        UiFixture.show(stage, inspector, 1280, 800);
        select(robot, 0);
        assertThat(text(robot, "#state-as-of")).contains("After event 1 of " + before);
        assertThat(fixture.eventsOnDisk()).hasSize(before);
    }

    private void race(Map<Integer, Long> times) {
        Decision d = UiFixture.fx(() -> fixture.day.loop().enterTimes(times));
        assertThat(d).isInstanceOf(Decision.Accepted.class);
        Decision next = UiFixture.fx(() -> fixture.day.loop().nextHeat());
        assertThat(next).isInstanceOf(Decision.Accepted.class);
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> typeFilter(FxRobot robot) {
        return robot.lookup("#type-filter").queryAs(ComboBox.class);
    }

    @SuppressWarnings("unchecked")
    private static TableView<EventRow> table(FxRobot robot) {
        return (TableView<EventRow>) robot.lookup("#events").query();
    }

    private static List<EventRow> rows(FxRobot robot) {
        return UiFixture.fx(() -> List.copyOf(table(robot).getItems()));
    }

    private static int indexOfType(FxRobot robot, String type) {
        List<EventRow> rows = rows(robot);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).type().equals(type)) {
                return i;
            }
        }
        throw new AssertionError("no " + type);
    }

    private static void select(FxRobot robot, int index) {
        UiFixture.fxRun(() -> table(robot).getSelectionModel().select(index));
    }

    private static String text(FxRobot robot, String query) {
        return UiFixture.fx(() -> robot.lookup(query).queryAs(TextArea.class).getText());
    }

    private void execute(Command command) {
        Decision d = UiFixture.fx(() -> fixture.day.session().execute(command));
        assertThat(d).as(command.toString()).isInstanceOf(Decision.Accepted.class);
    }
}
