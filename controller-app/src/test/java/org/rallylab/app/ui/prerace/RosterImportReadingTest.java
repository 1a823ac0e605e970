package org.rallylab.app.ui.prerace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.app.prerace.HostileWorkbooks;
import org.rallylab.app.prerace.SlowStick;
import org.rallylab.app.ui.Screenshots;
import org.rallylab.app.ui.UiFixture;
import org.rallylab.domain.command.Command;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 11: a roster file is read off the JavaFX thread, with progress and Cancel, on a real
 * rally file. A named pipe stands in for a slow USB stick: it delivers what the test writes and
 * then waits, so the read is still going when Cancel is pressed, without timing anything.
 */
@ExtendWith(ApplicationExtension.class)
class RosterImportReadingTest {

    @TempDir
    Path folder;

    private Stage stage;
    private UiFixture rally;
    private RallyEditor editor;
    /** The roster file the import's chooser answers. */
    private Path rosterFile;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void tearDown() {
        if (editor != null) {
            UiFixture.fxRun(editor::dispose);
        }
        if (rally != null) {
            rally.close();
        }
    }

    /** A fresh rally with the section Kub Kars, shown in the editor. */
    private void open() {
        rally = UiFixture.fresh(folder, stage);
        rally.run(new Command.CreateSection("s1", "Kub Kars", null));
        editor = UiFixture.fx(() -> new RallyEditor(rally.context, w -> Optional.ofNullable(rosterFile)));
        UiFixture.show(stage, editor, 1280, 800);
    }

    @Test
    void issue11_slowFile_readOffTheJavaFxThreadWithProgress_cancelStopsTheReadAndImportsNothing(FxRobot robot)
            throws Exception {
        Optional<SlowStick> made = SlowStick.at(folder.resolve("roster-on-a-slow-stick.csv"));
        assumeTrue(made.isPresent(), "needs mkfifo: a file that arrives only as fast as the test writes it");
        open();
        int before = rally.eventsOnDisk().size();
        try (SlowStick stick = made.get()) {
            rosterFile = stick.path();
            stick.deliver(participants(2_000)); // about 40 KB of a file that never ends

            // pressed without waiting for the JavaFX thread: a window frozen by the read fails the test, not hangs it
            Platform.runLater(() -> robot.lookup("#import-roster").queryAs(Button.class).fire());
            RosterImportWaits.until("the progress shows what was read",
                    () -> progress(robot).matches("\\d+ KB read"));
            assertThat(UiFixture.fx(() -> robot.lookup("#participants").queryAs(TableView.class).getItems().size()))
                    .as("the window answers while the file is read").isZero();
            Screenshots.take(readingWindow(), "operator-import-progress");

            robot.clickOn("#roster-read-cancel");

            RosterImportWaits.until("the cancel is noticed", () -> !rally.context.notices.isEmpty());
            // nothing more is written: the read that waits for the stick must end by itself
            RosterImportWaits.until("the read has stopped", () -> Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(t -> t.getName().equals("rallylab-roster-read")));
            assertThat(stick.letGo()).as("the file was let go").isTrue();
        }
        assertThat(rally.context.notices)
                .containsExactly("Import of roster-on-a-slow-stick.csv cancelled; nothing was imported.");
        assertThat(rally.eventsOnDisk()).hasSize(before);
        assertThat(UiFixture.fx(() -> Window.getWindows().stream().filter(Window::isShowing).toList()))
                .as("the progress window is gone, no preview").containsExactly(stage);
        assertThat(UiFixture.fx(() -> robot.lookup("#import-roster").queryAs(Button.class).isDisabled())).isFalse();
    }

    @Test
    void issue11_xlsxBomb_refusedWithItsMessage_nothingImported(FxRobot robot) throws Exception {
        open();
        rosterFile = HostileWorkbooks.workbook(folder.resolve("roster.xlsx"),
                HostileWorkbooks.sheetWithOneParticipant("7"), HostileWorkbooks.sharedStrings(30L << 20, 0));
        int before = rally.eventsOnDisk().size();

        robot.clickOn("#import-roster");

        RosterImportWaits.until("the refusal is noticed", () -> !rally.context.notices.isEmpty());
        assertThat(rally.context.notices).singleElement().asString()
                .startsWith("roster.xlsx unpacks to more than 20 MB").endsWith(" Nothing was imported.");
        assertThat(rally.eventsOnDisk()).hasSize(before);
        assertThat(UiFixture.fx(() -> Window.getWindows().stream().filter(Window::isShowing).toList()))
                .as("no preview").containsExactly(stage);
    }

    private static String progress(FxRobot robot) {
        return UiFixture.fx(() -> robot.lookup("#roster-read-progress").tryQuery()
                .map(n -> ((Label) n).getText()).orElse(""));
    }

    private Window readingWindow() {
        return UiFixture.fx(() -> Window.getWindows().stream().filter(w -> w != stage && w.isShowing())
                .findFirst().orElseThrow());
    }

    private static String participants(int count) {
        StringBuilder text = new StringBuilder("Name,Car Number\n");
        for (int i = 1; i <= count; i++) {
            text.append("Driver ").append(i).append(",\n");
        }
        return text.toString();
    }
}
