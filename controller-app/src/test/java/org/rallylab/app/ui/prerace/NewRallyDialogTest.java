package org.rallylab.app.ui.prerace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.app.ui.Screenshots;
import org.rallylab.app.ui.Ui;
import org.rallylab.app.ui.UiFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The new rally form: name required, date, and a rally file that never overwrites one. */
@ExtendWith(ApplicationExtension.class)
class NewRallyDialogTest {

    @TempDir
    Path folder;

    private Stage stage;
    private final AtomicReference<Optional<NewRallyDialog.Answer>> answer = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(Ui.scene(new StackPane(new Label("RallyLab")), 1280, 800));
        stage.show();
    }

    private void ask(Path chosenByChange) {
        Platform.runLater(() -> answer.set(NewRallyDialog.ask(stage, folder, (w, suggested) ->
                Optional.ofNullable(chosenByChange))));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) {
        return UiFixture.fx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    @Test
    void blankName_refused_thenNameDateAndAFreeFileAreAnswered(FxRobot robot) throws Exception {
        Files.writeString(folder.resolve("spring-rally-2026.rallylab"), "taken");
        ask(null);

        robot.clickOn("#rally-create");
        assertThat(text(robot, "#form-problem")).startsWith("Type a name for the rally");
        assertThat(answer.get()).isNull();
        assertThat(UiFixture.fx(() -> robot.lookup("#rally-date").queryAs(DatePicker.class).getValue()))
                .isEqualTo(LocalDate.now());

        robot.clickOn("#rally-name").write("Spring Rally 2026!");
        assertThat(text(robot, "#rally-file")).isEqualTo(folder.resolve("spring-rally-2026-2.rallylab").toString());
        UiFixture.fxRun(() -> robot.lookup("#rally-date").queryAs(DatePicker.class).setValue(LocalDate.of(2026, 4, 11)));
        Screenshots.take(robot.window(w -> w != stage && w.isShowing()), "operator-new-rally");
        robot.clickOn("#rally-create");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(answer.get()).contains(new NewRallyDialog.Answer("Spring Rally 2026!", LocalDate.of(2026, 4, 11),
                folder.resolve("spring-rally-2026-2.rallylab")));
    }

    @Test
    void change_usesTheChosenFile_withTheExtensionAdded(FxRobot robot) {
        Path elsewhere = folder.resolve("usb").resolve("fall-derby");
        ask(elsewhere);
        robot.clickOn("#rally-name").write("Fall Derby");
        robot.clickOn("#rally-file-change");
        assertThat(text(robot, "#rally-file")).isEqualTo(folder.resolve("usb").resolve("fall-derby.rallylab").toString());
        robot.clickOn("#rally-create");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(answer.get()).map(NewRallyDialog.Answer::file)
                .contains(folder.resolve("usb").resolve("fall-derby.rallylab"));
    }

    @Test
    void cancel_answersNothing(FxRobot robot) {
        ask(null);
        robot.clickOn("#rally-name").write("Fall Derby").clickOn("#form-cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(answer.get()).isEmpty();
    }

    @Test
    void slug_plainLowerCaseWords() {
        assertThat(RallyFileNames.slug("  Kub Kar Rally: Été 2026 ")).isEqualTo("kub-kar-rally-ete-2026");
        assertThat(RallyFileNames.slug("!!!")).isEqualTo("rally");
    }
}
