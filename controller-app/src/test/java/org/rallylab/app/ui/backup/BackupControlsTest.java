package org.rallylab.app.ui.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.app.settings.BackupFolders;
import org.rallylab.app.ui.UiFixture;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.state.SectionState;
import org.rallylab.domain.testing.Await;
import org.rallylab.store.backup.BackupFiles;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The USB backup in the app: a folder chosen for the open rally is kept in this laptop's settings,
 * the whole log is written there after every change, the badge says how it stands, a pulled stick
 * turns it "offline" (racing goes on) and the full log is written again when the stick is back. A
 * folder named inside a rally file is only offered.
 */
@ExtendWith(ApplicationExtension.class)
class BackupControlsTest {

    @TempDir
    Path folder;

    private Stage stage;
    private UiFixture rally;
    private BackupControls controls;
    private final List<String> notices = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void tearDown() {
        if (controls != null) {
            UiFixture.fxRun(controls::close);
        }
        if (rally != null) {
            rally.close();
        }
    }

    @Test
    void backupFolder_chosenThenPulledThenBack_getsEveryChangeGoesOfflineAndIsWrittenWhole()
            throws Exception {
        rally = UiFixture.demo(folder, UiFixture.SMALL, null, stage);
        Path stick = Files.createDirectories(folder.resolve("stick"));
        controls = UiFixture.fx(() -> new BackupControls(stage, notices::add, Clock.systemUTC(), laptop(),
                owner -> Optional.of(stick)));
        UiFixture.fxRun(() -> {
            stage.setScene(new javafx.scene.Scene(new StackPane(controls.badge()), 520, 80));
            stage.show();
            controls.attach(rally.day.session());
        });
        assertThat(badge()).isEqualTo("Backup: off");

        UiFixture.fxRun(controls::chooseFolder);
        assertThat(notices).last().asString().startsWith("Backing this rally up to " + stick.resolve(
                BackupFiles.FILE_NAME));
        long events = UiFixture.fx(() -> rally.day.session().lastSequence());
        Await.until("the badge: every event written", this::badge,
                b -> b.startsWith("Backup: written") && b.endsWith("(" + events + " events)"));
        assertThat(BackupFiles.read(stick.resolve(BackupFiles.FILE_NAME)).events()).hasSize((int) events);

        checkInOneCar();
        Await.until("the check-in backed up", () -> backedUpEvents(stick) == events + 1);

        // the stick is pulled: racing goes on, the badge says so
        deleteFolder(stick);
        checkInOneCar();
        Await.until("the badge: offline", this::badge, "Backup offline: insert the stick"::equals);
        assertThat(notices).anyMatch(n -> n.startsWith("Backup offline:"));
        checkInOneCar();
        assertThat(UiFixture.fx(() -> rally.day.session().lastSequence())).isEqualTo(events + 3);

        // the stick is back: the whole log is written again by itself
        Files.createDirectories(stick);
        Await.until("the whole log written again", () -> backedUpEvents(stick) == events + 3);
        awaitWritten();
        assertThat(notices).anyMatch(n -> n.startsWith("Backup back: all " + (events + 3) + " events"));

        // the choice is kept on this laptop: closed and opened again, it backs up to the same folder
        UiFixture.fxRun(controls::detach);
        assertThat(badge()).isEqualTo("Backup: off");
        UiFixture.fxRun(() -> controls.attach(rally.day.session()));
        assertThat(UiFixture.fx(() -> controls.folder())).contains(stick.toAbsolutePath().normalize());
        awaitWritten();

        UiFixture.fxRun(controls::stop);
        assertThat(badge()).isEqualTo("Backup: off");
        assertThat(laptop().folderOf(rally.day.session().path())).isEmpty();
        assertThat(UiFixture.fx(() -> rally.day.session().rallyFile().orElseThrow().setting(BackupControls.OLD_SETTING)))
                .as("nothing is written into the rally file").isEmpty();
        assertThat(stick.resolve(BackupFiles.FILE_NAME)).as("the last backup stays on the stick").exists();
    }

    @Test
    void backupFolder_doesNotExist_refusedWithWhatToDo() {
        rally = UiFixture.fresh(folder, stage);
        controls = UiFixture.fx(() -> new BackupControls(stage, notices::add, Clock.systemUTC(), laptop()));
        UiFixture.fxRun(() -> {
            controls.attach(rally.day.session());
            controls.useFolder(folder.resolve("no-stick"));
        });
        assertThat(notices).last().asString().contains("does not exist: insert the stick");
        assertThat(UiFixture.fx(() -> controls.folder())).isEmpty();
    }

    /**
     * Issue 11: a rally file that names a backup folder (planted by hand, or left by an earlier
     * RallyLab) made the app write the whole roster there without asking. Now it is only offered.
     */
    @Test
    void backupFolder_namedInsideTheRallyFile_onlyOfferedNeverWrittenUnasked() throws Exception {
        Path planted = Files.createDirectories(folder.resolve("planted"));
        Path rallyFile;
        rally = UiFixture.fresh(folder, stage);
        rallyFile = rally.day.session().path();
        rally.close();
        try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + rallyFile);
             var s = db.createStatement()) {
            s.execute("INSERT INTO metadata (key, value) VALUES ('setting.backup_folder', '" + planted + "')");
        }
        rally = UiFixture.reopen(rallyFile, stage);
        controls = UiFixture.fx(() -> new BackupControls(stage, notices::add, Clock.systemUTC(), laptop(),
                owner -> Optional.empty()));
        UiFixture.fxRun(() -> {
            stage.setScene(new javafx.scene.Scene(new StackPane(controls.badge()), 520, 80));
            stage.show();
            controls.attach(rally.day.session());
        });

        assertThat(notices).last().asString().startsWith("This rally file names a backup folder, " + planted)
                .contains("It is not used unless you say so");
        assertThat(badge()).isEqualTo("Backup: off");
        rally.run(new Command.CreateSection("s-1", "Kub Kars", "organizer@example.org"));
        UiFixture.fxRun(controls::writeNow);
        assertThat(UiFixture.fx(() -> controls.status())).isEmpty();
        assertThat(planted.resolve(BackupFiles.FILE_NAME)).as("nothing written unasked").doesNotExist();
        assertThat(UiFixture.fx(() -> controls.offeredFolder())).contains(planted.toAbsolutePath().normalize());

        UiFixture.fxRun(() -> controls.useFolder(planted)); // the operator says so
        Await.until("the backup written once asked", () -> backedUpEvents(planted) > 0);
    }

    /** Issue 11: "Save a copy…" while the rally is open: a consistent copy of everything recorded, never over a file. */
    @Test
    void saveCopy_openRally_isWholeAndNeverOverwritesAFile() throws Exception {
        rally = UiFixture.demo(folder, UiFixture.SMALL, null, stage);
        controls = UiFixture.fx(() -> new BackupControls(stage, notices::add, Clock.systemUTC(), laptop(),
                owner -> Optional.empty()));
        UiFixture.fxRun(() -> controls.attach(rally.day.session()));
        checkInOneCar();
        Path target = Files.createDirectories(folder.resolve("stick")).resolve("copy.rallylab");

        UiFixture.fx(() -> controls.saveCopy(target)).get(Await.timeout().toSeconds(), TimeUnit.SECONDS);
        Await.until("the copy saved",
                () -> notices.stream().anyMatch(n -> n.startsWith("Saved a copy of ui-test.rallylab")));

        long events = UiFixture.fx(() -> rally.day.session().lastSequence());
        try (var copy = org.rallylab.store.RallyFile.openReadOnly(target)) {
            assertThat(copy.lastSequence()).isEqualTo(events);
            assertThat(copy.verify().problems()).isEmpty();
        }
        byte[] before = Files.readAllBytes(target);
        UiFixture.fx(() -> controls.saveCopy(target)).get(Await.timeout().toSeconds(), TimeUnit.SECONDS);
        Await.until("the second copy refused", () -> notices.stream()
                .anyMatch(n -> n.startsWith("No copy was saved: ") && n.contains("already exists")));
        assertThat(Files.readAllBytes(target)).isEqualTo(before);
    }

    private BackupFolders laptop() {
        return new BackupFolders(folder.resolve("laptop-settings"));
    }

    private void checkInOneCar() {
        UiFixture.fxRun(() -> {
            SectionState s = rally.day.session().state().findSection("Kub Kars").orElseThrow();
            String car = s.roster().stream().map(r -> r.carNumber()).filter(c -> !s.hasArrived(c)).findFirst()
                    .orElseThrow();
            rally.day.session().execute(new Command.MarkArrived(s.sectionId(), car));
        });
    }

    private static long backedUpEvents(Path stick) {
        try {
            return BackupFiles.read(stick.resolve(BackupFiles.FILE_NAME)).events().size();
        } catch (Exception e) {
            return -1;
        }
    }

    private static void deleteFolder(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(folder);
    }

    private String badge() {
        return UiFixture.fx(() -> controls.badge().getText());
    }

    private void awaitWritten() {
        Await.until("the badge: written", this::badge, b -> b.startsWith("Backup: written"));
    }
}
