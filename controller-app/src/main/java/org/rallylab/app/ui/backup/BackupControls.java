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
import org.rallylab.app.ui.Ui;
import org.rallylab.app.race.Subscription;
import org.rallylab.store.RallyFile;
import org.rallylab.store.RallyFileException;
import org.rallylab.store.backup.BackupStatus;
import org.rallylab.store.backup.BackupWorker;

/**
 * The USB backup of the open rally (spec 07, opt-in): the folder the operator chose is kept with
 * the rally file (setting {@value #SETTING}); while the rally is open a {@link BackupWorker} writes
 * the whole log there after every change, in the background. The top bar's badge says how it
 * stands ("Backup: written 2 s ago (312 events)", "Backup offline: insert the stick") and its menu
 * chooses the folder, writes now or stops. JavaFX thread only.
 */
public final class BackupControls implements AutoCloseable {

    /** The rally file setting that names the backup folder. */
    public static final String SETTING = "backup_folder";

    private final Consumer<String> notice;
    private final Clock clock;
    private final Function<Window, Optional<Path>> chooseFolder;
    private final Window owner;
    private final MenuButton badge = new MenuButton();
    private final javafx.animation.Timeline tick;
    private RallySession rally;
    private Subscription onChange;
    private BackupWorker worker;
    private BackupStatus status;
    /** Whether the backup folder was there when the last write failed (the stick is in, the write was refused). */
    private boolean folderThere = true;

    public BackupControls(Window owner, Consumer<String> notice, Clock clock) {
        this(owner, notice, clock, BackupControls::askForFolder);
    }

    /** Controls whose folder is chosen by {@code chooseFolder} (tests pass a folder). */
    public BackupControls(Window owner, Consumer<String> notice, Clock clock,
                          Function<Window, Optional<Path>> chooseFolder) {
        this.owner = Objects.requireNonNull(owner, "owner");
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
        folder().ifPresent(this::startWorker);
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

    /** The open rally's backup folder, if one was chosen. */
    public Optional<Path> folder() {
        Optional<RallyFile> file = file();
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            return file.get().setting(SETTING).filter(s -> !s.isBlank()).map(Path::of);
        } catch (RallyFileException e) {
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

    /** Backs the open rally up to {@code folder} from now on (kept with the rally file), starting with a write now. */
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
            file.get().putSetting(SETTING, chosen.toString());
        } catch (RallyFileException e) {
            notice.accept("The backup folder could not be kept with the rally: " + e.getMessage());
            return;
        }
        stopWorker();
        startWorker(chosen);
        notice.accept("Backing this rally up to " + chosen.resolve(org.rallylab.store.backup.BackupFiles.FILE_NAME)
                + " after every change. Keep the stick in; racing never waits for it.");
        render();
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
            file.get().putSetting(SETTING, null);
        } catch (RallyFileException e) {
            notice.accept("The backup setting could not be changed: " + e.getMessage());
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
        now.setDisable(worker == null);
        stop.setDisable(worker == null);
        badge.getItems().setAll(choose, now, stop);
    }


    private static Optional<Path> askForFolder(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Back up to a folder (a USB stick)");
        File folder = chooser.showDialog(owner);
        return Optional.ofNullable(folder).map(File::toPath);
    }
}
