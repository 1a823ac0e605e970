package org.rallylab.app.ui.backup;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.application.Platform;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.rallylab.app.race.RallySession;
import org.rallylab.app.settings.BackupFolders;
import org.rallylab.app.ui.Ui;
import org.rallylab.app.race.Subscription;
import org.rallylab.store.RallyFile;
import org.rallylab.store.RallyFileException;
import org.rallylab.store.backup.BackupStatus;
import org.rallylab.store.backup.BackupWorker;

/**
 * The USB backup of the open rally (opt-in; docs/file-formats.md): the folder the operator chose is a setting
 * of this laptop ({@link BackupFolders}); while the rally is open a {@link BackupWorker} writes the
 * whole log there after every change, in the background. The top bar's badge says how it stands
 * ("Backup: written 2 s ago (312 events)", "Backup offline: insert the stick") and its menu
 * chooses the folder, writes now or stops. A folder an earlier RallyLab kept inside the rally file
 * ({@value #OLD_SETTING}) is only offered, in the menu and a notice, never used unasked: a rally
 * file from elsewhere must not choose where this laptop writes. JavaFX thread only.
 */
public final class BackupControls implements AutoCloseable {

    /** The rally-file setting where an earlier RallyLab kept the backup folder. */
    public static final String OLD_SETTING = "backup_folder";

    private final Consumer<String> notice;
    private final Clock clock;
    private final Function<Window, Optional<Path>> chooseFolder;
    private final BackupFolders folders;
    private final Window owner;
    private final MenuButton badge = new MenuButton();
    private final javafx.animation.Timeline tick;
    private RallySession rally;
    private Subscription onChange;
    private BackupWorker worker;
    private BackupStatus status;
    /** Whether the backup folder was there when the last write failed (the stick is in, the write was refused). */
    private boolean folderThere = true;

    /** Controls keeping this laptop's backup folders in {@code folders}. */
    public BackupControls(Window owner, Consumer<String> notice, Clock clock, BackupFolders folders) {
        this(owner, notice, clock, folders, BackupControls::askForFolder);
    }

    /** Controls whose folder is chosen by {@code chooseFolder} (tests pass a folder). */
    public BackupControls(Window owner, Consumer<String> notice, Clock clock, BackupFolders folders,
                          Function<Window, Optional<Path>> chooseFolder) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.folders = Objects.requireNonNull(folders, "folders");
        this.notice = Objects.requireNonNull(notice, "notice");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.chooseFolder = Objects.requireNonNull(chooseFolder, "chooseFolder");
        badge.setId("backup-badge");
        badge.getStyleClass().add("backup-badge");
        badge.setMnemonicParsing(false);
        badge.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        badge.setOnShowing(e -> fillMenu());
        tick = new javafx.animation.Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> render()));
        tick.setCycleCount(Animation.INDEFINITE);
        render();
    }

    /** The top bar's badge; its menu holds the backup actions. */
    public MenuButton badge() {
        return badge;
    }

    /** A rally was opened: back it up to its folder, when one was chosen for it. */
    public void attach(RallySession session) {
        detach();
        rally = Objects.requireNonNull(session, "session");
        onChange = session.addListener(change -> {
            if (worker != null) {
                worker.changed();
            }
        });
        Optional<Path> chosen = folder();
        if (chosen.isPresent()) {
            startWorker(chosen.get());
        } else {
            offeredFolder().ifPresent(named -> notice.accept("This rally file names a backup folder, " + named
                    + ", chosen on another laptop or by an earlier RallyLab. It is not used unless you say so:"
                    + " the backup button → \"Back up to " + named + "\"."));
        }
        render();
    }

    /** The rally is closing: stop backing it up (before its file closes). */
    public void detach() {
        stopWorker();
        if (onChange != null) {
            onChange.close();
            onChange = null;
        }
        rally = null;
        render();
    }

    /** The open rally's backup folder, if one was chosen on this laptop. */
    public Optional<Path> folder() {
        return file().flatMap(f -> folders.folderOf(f.path()));
    }

    /** A folder the rally file itself names (kept there by an earlier RallyLab): offered, never used unasked. */
    public Optional<Path> offeredFolder() {
        Optional<RallyFile> file = file();
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            return file.get().setting(OLD_SETTING).filter(s -> !s.isBlank()).flatMap(BackupControls::path)
                    .filter(named -> !named.equals(folder().orElse(null)));
        } catch (RallyFileException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> path(String text) {
        try {
            return Optional.of(Path.of(text).toAbsolutePath().normalize());
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** The backup's state now (empty: no backup for this rally). */
    public Optional<BackupStatus> status() {
        return Optional.ofNullable(worker == null ? null : status);
    }

    /** Backup → Choose folder…: asks for a folder (a USB stick), keeps it with the rally, writes at once. */
    public void chooseFolder() {
        if (file().isEmpty()) {
            return;
        }
        chooseFolder.apply(owner).ifPresent(this::useFolder);
    }

    /** Backs the open rally up to {@code folder} from now on (a setting of this laptop), starting with a write now. */
    public void useFolder(Path folder) {
        Optional<RallyFile> file = file();
        if (file.isEmpty()) {
            notice.accept("Open a rally first: the backup belongs to a rally.");
            return;
        }
        Path chosen = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(chosen)) {
            notice.accept("The backup folder " + chosen + " does not exist: insert the stick, or choose another folder.");
            return;
        }
        try {
            folders.use(file.get().path(), chosen);
        } catch (java.io.IOException e) {
            notice.accept("The backup folder could not be saved in this laptop's settings (" + e.getMessage()
                    + "); it is used until the rally is closed.");
        }
        stopWorker();
        startWorker(chosen);
        notice.accept("Backing this rally up to " + chosen.resolve(org.rallylab.store.backup.BackupFiles.FILE_NAME)
                + " after every change. Keep the stick in; racing never waits for it.");
        render();
    }

    /** Backup → Save a copy of the rally file…: asks where, then {@link #saveCopy}. */
    public void chooseCopy() {
        Optional<RallyFile> file = file();
        if (file.isEmpty()) {
            return;
        }
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Save a copy of the rally file");
        chooser.setInitialFileName(copyName(file.get().path()));
        Path folder = file.get().path().toAbsolutePath().getParent();
        if (folder != null && Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Rally files",
                "*" + RallyFile.EXTENSION));
        Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath).ifPresent(this::saveCopy);
    }

    /**
     * Saves a consistent copy of the open rally file to {@code target} (SQLite's online backup of
     * everything recorded so far) in the background; an existing file is never overwritten. The
     * notice bar says how it went.
     */
    public java.util.concurrent.CompletableFuture<Void> saveCopy(Path target) {
        Optional<RallyFile> file = file();
        if (file.isEmpty()) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        RallyFile rallyFile = file.get();
        Path chosen = target.getFileName().toString().endsWith(RallyFile.EXTENSION) ? target
                : target.resolveSibling(target.getFileName() + RallyFile.EXTENSION);
        return java.util.concurrent.CompletableFuture.runAsync(() -> {
            String said;
            try {
                rallyFile.copyTo(chosen);
                said = "Saved a copy of " + rallyFile.path().getFileName() + " (every event recorded so far) to "
                        + chosen + ".";
            } catch (RallyFileException e) {
                said = "No copy was saved: " + e.getMessage();
            } catch (RuntimeException e) {
                said = "No copy was saved: " + e.getMessage();
            }
            String message = said;
            Platform.runLater(() -> notice.accept(message));
        });
    }

    private static String copyName(Path rallyFile) {
        String name = rallyFile.getFileName().toString();
        String base = name.endsWith(RallyFile.EXTENSION) ? name.substring(0, name.length() - RallyFile.EXTENSION.length())
                : name;
        return base + "-copy-" + java.time.LocalDate.now() + RallyFile.EXTENSION;
    }

    /** Backup → Write now. */
    public void writeNow() {
        if (worker != null) {
            worker.writeNow();
        }
    }

    /** Backup → Stop backups: forgets the folder; the last backup file stays where it is. */
    public void stop() {
        Optional<RallyFile> file = file();
        if (file.isEmpty()) {
            return;
        }
        try {
            folders.forget(file.get().path());
        } catch (java.io.IOException e) {
            notice.accept("The backup setting could not be changed (" + e.getMessage() + "); try again.");
            return;
        }
        stopWorker();
        notice.accept("Backups stopped. The last backup file stays on the stick.");
        render();
    }

    @Override
    public void close() {
        detach();
        tick.stop();
    }

    private Optional<RallyFile> file() {
        return rally == null || rally.isClosed() ? Optional.empty() : rally.rallyFile();
    }

    private void startWorker(Path folder) {
        Optional<RallyFile> file = file();
        if (file.isEmpty()) {
            return;
        }
        BackupWorker started = new BackupWorker(file.get(), folder, clock);
        worker = started;
        status = started.status();
        started.addListener(next -> {
            // looked at here, on the backup's thread: a stick that hangs never stalls the screen
            boolean stickThere = !(next instanceof BackupStatus.Offline) || Files.isDirectory(folder);
            Platform.runLater(() -> {
                if (worker != started) {
                    return;
                }
                BackupStatus was = status;
                status = next;
                folderThere = stickThere;
                tellWhatChanged(was, next);
                render();
            });
        });
        started.start();
        started.changed();
        tick.play();
    }

    private void stopWorker() {
        if (worker != null) {
            worker.close();
            worker = null;
        }
        status = null;
        tick.stop();
    }

    private void tellWhatChanged(BackupStatus was, BackupStatus now) {
        if (now instanceof BackupStatus.Offline off && !(was instanceof BackupStatus.Offline)) {
            notice.accept("Backup offline: " + off.reason() + " Racing goes on; the backup is written again, whole,"
                    + " as soon as the folder is back.");
        } else if (now instanceof BackupStatus.Written w && was instanceof BackupStatus.Offline) {
            notice.accept("Backup back: all " + w.events() + " events written to the stick again.");
        }
    }

    private void render() {
        String text;
        String style;
        String tip;
        Optional<Path> folder = worker == null ? Optional.empty() : Optional.of(worker.folder());
        badge.setVisible(rally != null);
        badge.setManaged(rally != null);
        if (worker == null) {
            text = "Backup: off";
            style = "muted";
            tip = "No USB backup for this rally. Choose a folder (a USB stick) to write the whole rally there after"
                    + " every change.";
        } else if (status instanceof BackupStatus.Written w) {
            long seconds = Math.max(0, Duration.between(w.at(), clock.instant()).toSeconds());
            text = "Backup: written " + ago(seconds) + " (" + w.events() + " events)";
            style = "status-ok";
            tip = "Backup file: " + folder.get().resolve(org.rallylab.store.backup.BackupFiles.FILE_NAME);
        } else if (status instanceof BackupStatus.Offline off) {
            text = folderThere ? "Backup not written: hover for why"
                    : "Backup offline: insert the stick";
            style = "status-bad";
            tip = off.reason() + " RallyLab tries again every few seconds; racing goes on.";
        } else {
            text = "Backup: writing…";
            style = "muted";
            tip = "Writing the first backup to " + folder.get();
        }
        badge.setText(text);
        badge.getStyleClass().removeAll("muted", "status-ok", "status-warn", "status-bad");
        badge.getStyleClass().add(style);
        badge.setTooltip(new Tooltip(tip));
        badge.getTooltip().setWrapText(true);
        badge.getTooltip().setMaxWidth(520);
    }

    private static String ago(long seconds) {
        if (seconds < 2) {
            return "just now";
        }
        if (seconds < 60) {
            return seconds + " s ago";
        }
        return seconds / 60 + " min ago";
    }

    private void fillMenu() {
        MenuItem choose = Ui.menuItem(worker == null ? "Back up to a folder (USB stick)…" : "Choose another folder…",
                "backup-menu-choose", this::chooseFolder);
        MenuItem now = Ui.menuItem("Write the backup now", "backup-menu-now", this::writeNow);
        MenuItem stop = Ui.menuItem("Stop backups", "backup-menu-stop", this::stop);
        MenuItem copy = Ui.menuItem("Save a copy of the rally file…", "backup-menu-copy", this::chooseCopy);
        now.setDisable(worker == null);
        stop.setDisable(worker == null);
        badge.getItems().setAll(choose, now, stop, new javafx.scene.control.SeparatorMenuItem(), copy);
        offeredFolder().ifPresent(named -> badge.getItems().add(0, Ui.menuItem("Back up to " + named
                + " (named in this rally file)", "backup-menu-offered", () -> useFolder(named))));
    }


    private static Optional<Path> askForFolder(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Back up to a folder (a USB stick)");
        File folder = chooser.showDialog(owner);
        return Optional.ofNullable(folder).map(File::toPath);
    }
}
