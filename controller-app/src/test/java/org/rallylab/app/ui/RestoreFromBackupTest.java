package org.rallylab.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javafx.application.Platform;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.app.demo.DemoSetup;
import org.rallylab.app.race.RallySession;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.SectionState;
import org.rallylab.domain.testing.Await;
import org.rallylab.store.backup.BackupFiles;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * "Restore from backup…" on the start screen: the backup is checked whole and shown (rally,
 * sections, events, last event time); the new file's name never overwrites one (both are kept);
 * the rally opens where it stopped. A damaged backup is refused with the check that failed.
 */
class RestoreFromBackupTest {

    @TempDir
    Path folder;

    private RallyLabApp app;
    private Stage stage;
    private final FxRobot robot = new FxRobot();
    private Path data;

    @BeforeEach
    void launch() throws Exception {
        data = Files.createDirectories(folder.resolve("data"));
        stage = FxToolkit.registerPrimaryStage();
        RallyLabApp.prepare(AppOptions.plain(data));
        app = (RallyLabApp) FxToolkit.setupApplication(RallyLabApp::new);
        robot.targetWindow(stage);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
    }

    @Test
    void restoreFromBackup_nextToAnEarlierRestore_shownThenRestoredIntoANewFileAndOpensWhereItStopped()
            throws Exception {
        Path stick = Files.createDirectories(folder.resolve("stick"));
        RallyState original = racedRallyBackedUpTo(stick);
        Files.writeString(data.resolve("RallyLab-Demo-Rally-restored.rallylab"), "an older restore, kept");

        Platform.runLater(() -> app.restoreFromBackup(stick.resolve(BackupFiles.FILE_NAME), AppOptions.plain(data)));
        Window dialog = awaitWindow("Restore from backup");
        robot.targetWindow(dialog);
        assertThat(UiFixture.fx(() -> robot.lookup("#backup-summary").queryLabeled().getText()))
                .startsWith(DemoSetup.RALLY_NAME + ": 3 sections (Beaver Buggies, Kub Kars, Scout Trucks), ")
                .contains(original.eventCount() + " events, the last one ");
        assertThat(UiFixture.fx(() -> robot.lookup("#backup-target").queryAs(TextField.class).getText()))
                .as("a free name: the earlier restore is kept").isEqualTo("RallyLab-Demo-Rally-restored-2.rallylab");
        Screenshots.take(dialog, "operator-restore-from-backup");
        robot.clickOn("#dialog-ok");

        Await.until("the restored rally open", () -> UiFixture.fx(() -> app.window().openDay().isPresent()));
        robot.targetWindow(stage);
        assertThat(UiFixture.fx(() -> app.window().day().session().path()))
                .isEqualTo(data.resolve("RallyLab-Demo-Rally-restored-2.rallylab"));
        assertThat(UiFixture.fx(() -> app.window().day().session().state())).isEqualTo(original);
        assertThat(UiFixture.fx(() -> app.window().currentScreen().title())).contains(DemoSetup.KUB_KARS);
        assertThat(UiFixture.fx(() -> app.window().noticeText())).startsWith("Restored " + DemoSetup.RALLY_NAME);
        assertThat(Files.readString(data.resolve("RallyLab-Demo-Rally-restored.rallylab")))
                .isEqualTo("an older restore, kept");

        // and this laptop backs it up to its own stick from now on
        Path newStick = Files.createDirectories(folder.resolve("new-stick"));
        UiFixture.fxRun(() -> app.window().backup().orElseThrow().useFolder(newStick));
        Await.until("the backup written to the new stick", () -> UiFixture.fx(() -> app.window().backup()
                .orElseThrow().badge().getText()), badge -> badge.startsWith("Backup: written"));
        Screenshots.take(stage, "operator-backup-badge");
        assertThat(BackupFiles.read(newStick.resolve(BackupFiles.FILE_NAME)).state()).isEqualTo(original);
    }

    @Test
    void restoreFromBackup_damagedBackup_refusedWithTheCheckThatFailedAndNothingCreated() throws Exception {
        Path stick = Files.createDirectories(folder.resolve("stick"));
        racedRallyBackedUpTo(stick);
        Path backup = stick.resolve(BackupFiles.FILE_NAME);
        byte[] bytes = Files.readAllBytes(backup);
        Files.write(backup, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // the stick was pulled mid-copy

        UiFixture.fxRun(() -> app.restoreFromBackup(backup, AppOptions.plain(data)));

        assertThat(UiFixture.fx(() -> app.window().noticeText())).startsWith(BackupFiles.FILE_NAME + ": ")
                .endsWith("Nothing was restored.");
        assertThat(UiFixture.fx(() -> app.window().openDay().isPresent())).isFalse();
        try (var files = Files.list(data)) {
            assertThat(files.filter(f -> f.toString().endsWith(".rallylab"))).isEmpty();
        }
    }

    /** The demo rally with Kub Kars racing (two heats), its backup written to {@code stick}; its state. */
    private RallyState racedRallyBackedUpTo(Path stick) throws Exception {
        Path file = Files.createDirectories(folder.resolve("first-laptop")).resolve("spring.rallylab");
        try (RallySession s = DemoSetup.create(file, Clock.systemUTC(), 3, UiFixture.SMALL)) {
            SectionState kubs = s.state().findSection(DemoSetup.KUB_KARS).orElseThrow();
            for (var car : kubs.roster()) {
                s.execute(new Command.MarkArrived(kubs.sectionId(), car.carNumber()));
            }
            s.execute(new Command.StartSection(kubs.sectionId(), DemoSetup.lanesFor(DemoSetup.KUB_KARS, 6)));
            BackupFiles.write(s.rallyFile().orElseThrow(), stick);
            return s.state();
        }
    }

    private Window awaitWindow(String title) {
        return Await.value("the window \"" + title + "\"", () -> UiFixture.fx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Stage st && title.equals(st.getTitle()) && st.isShowing()).findFirst()));
    }
}
