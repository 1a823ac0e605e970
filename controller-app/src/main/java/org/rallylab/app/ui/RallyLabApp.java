package org.rallylab.app.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.rallylab.app.demo.Autopilot;
import org.rallylab.app.demo.DemoSetup;
import org.rallylab.app.race.AudienceDirector;
import org.rallylab.app.race.RaceDay;
import org.rallylab.app.race.TaskScheduler;
import org.rallylab.app.settings.CloudSettings;
import org.rallylab.app.settings.OpenRallyMarker;
import org.rallylab.app.settings.RecentRallies;
import org.rallylab.app.ui.backup.BackupControls;
import org.rallylab.app.ui.cloud.CloudControls;
import org.rallylab.app.ui.dialogs.RestoreFromBackupDialog;
import org.rallylab.store.InvalidInputException;
import org.rallylab.store.backup.Backup;
import org.rallylab.store.backup.BackupFiles;
import org.rallylab.app.ui.cloud.CloudSync;
import org.rallylab.app.ui.prerace.NewRallyDialog;
import org.rallylab.app.ui.start.StartScreen;
import org.rallylab.domain.event.SectionStarted;
import org.rallylab.store.RallyFile;
import org.rallylab.store.RallyFileException;

/**
 * The JavaFX application: the operator window, what it opens at start, the autopilot and a clean
 * shutdown. Started by {@link AppLauncher}; the options are handed over before launch.
 */
public final class RallyLabApp extends Application {

    private static final System.Logger LOG = System.getLogger(RallyLabApp.class.getName());
    private static volatile AppOptions options;
    private static volatile int exitCode;
    /** Where the app's few console lines go: the command line's own (escaping) writers when started from it. */
    private static volatile java.io.PrintWriter console = new java.io.PrintWriter(System.err, true);
    private static volatile java.io.PrintWriter report = new java.io.PrintWriter(System.out, true);

    private ScheduledExecutorService timer;
    private RallyOpener opener;
    private RecentRallies recent;
    private OperatorWindow window;
    private OpenRallyMarker marker;
    private Autopilot autopilot;
    private StartProbe probe;
    private CloudSync cloud;

    static void prepare(AppOptions given) {
        options = given;
        exitCode = 0;
    }

    /** {@link #prepare(AppOptions)}, with the autopilot's end going to {@code out} and errors to {@code err}. */
    static void prepare(AppOptions given, java.io.PrintWriter out, java.io.PrintWriter err) {
        prepare(given);
        report = java.util.Objects.requireNonNull(out, "out");
        console = java.util.Objects.requireNonNull(err, "err");
    }

    static int exitCode() {
        return exitCode;
    }

    /** The operator window (tests). */
    OperatorWindow window() {
        return window;
    }

    @Override
    public void start(Stage stage) {
        AppOptions o = options != null ? options : AppOptions.plain(RallyFile.defaultFolder());
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rallylab-timer");
            t.setDaemon(true);
            return t;
        });
        TaskScheduler later = TaskScheduler.using(timer, Platform::runLater);
        opener = new RallyOpener(Clock.systemUTC(), Platform::runLater, later, AudienceDirector.Timing.DEFAULT,
                o.speed(), o.seed());
        recent = new RecentRallies(o.dataFolder(), Clock.systemUTC());
        marker = new OpenRallyMarker(o.dataFolder());
        window = new OperatorWindow(stage);
        cloud = new CloudSync(new CloudSettings(o.dataFolder()));
        window.useCloud(new CloudControls(cloud, stage, window::announce));
        window.useBackup(new BackupControls(stage, window::announce, Clock.systemUTC(),
                new org.rallylab.app.settings.BackupFolders(o.dataFolder())));
        new ErrorReport(() -> stage, () -> window.rallyFile().orElse(null)).install();
        stage.setOnCloseRequest(e -> Platform.exit());
        probe = StartProbe.fromSystemProperties(stage, window);
        stage.show();

        if (o.demo()) {
            startDemo(o, o.counts(), o.rally());
        } else if (o.rally() != null) {
            openFile(o.rally(), o.track(), o);
        } else {
            Optional<OpenRallyMarker.Open> left = marker.leftOpen();
            showStart(o);
            left.ifPresent(open -> {
                if (openFile(open.path(), trackFor(o, open.track()), o)) {
                    window.announce("RallyLab was not closed properly last time, so it reopened "
                            + open.path().getFileName() + " where the log stopped: "
                            + OperatorWindow.whereItStopped(window.day()) + ". No result was lost.");
                }
            });
        }
        if (o.backup() != null && window.openDay().isPresent()) {
            window.backup().ifPresent(b -> b.useFolder(o.backup()));
        }
        if (!cloud.startupProblem().isEmpty() && window.noticeText().isEmpty()) {
            window.announce(cloud.startupProblem());
        }
        probe.armed();
    }

    @Override
    public void stop() {
        if (autopilot != null) {
            autopilot.close();
        }
        if (window != null) {
            boolean wasOpen = window.openDay().isPresent();
            window.closeDay();
            if (wasOpen) {
                marker.closed();
            }
        }
        if (cloud != null) {
            cloud.close();
        }
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void showStart(AppOptions o) {
        window.showStart(new StartScreen(recent.list(), o.counts(), startActions(o)).view());
    }

    /** What the start screen's buttons do (tests call them with a file an operator would pick). */
    StartScreen.Actions startActions() {
        return startActions(options != null ? options : AppOptions.plain(RallyFile.defaultFolder()));
    }

    private StartScreen.Actions startActions(AppOptions o) {
        return new StartScreen.Actions() {
            @Override
            public void newRally() {
                NewRallyDialog.ask(window.window(), o.dataFolder()).ifPresent(answer -> {
                    try {
                        RaceDay day = opener.create(answer.file(), answer.rallyName(), answer.date(), o.track());
                        opened(day, o.track(), o);
                        window.go().editRally();
                    } catch (RallyFileException | IllegalArgumentException e) {
                        window.notice(e.getMessage());
                    }
                });
            }

            @Override
            public void openFile() {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Open a rally file");
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Rally files",
                        "*" + RallyFile.EXTENSION));
                if (java.nio.file.Files.isDirectory(o.dataFolder())) {
                    chooser.setInitialDirectory(o.dataFolder().toFile());
                }
                java.io.File chosen = chooser.showOpenDialog(window.window());
                if (chosen != null) {
                    RallyLabApp.this.openFile(chosen.toPath(), o.track(), o);
                }
            }

            @Override
            public void open(Path rallyFile) {
                RallyLabApp.this.openFile(rallyFile, o.track(), o);
            }

            @Override
            public void restoreFromCloud() {
                window.cloud().flatMap(c -> c.restore(o.dataFolder())).ifPresent(restored -> {
                    if (RallyLabApp.this.openFile(restored.file(), o.track(), o)) {
                        org.rallylab.domain.command.Access access = window.access();
                        window.announce("Restored " + restored.rallyName() + " from the cloud (" + restored.events()
                                + " events) into " + restored.file() + ". " + (access.wholeRally()
                                ? "It continues at " + OperatorWindow.whereItStopped(window.day()) + "."
                                : "Signed in as " + access.email() + ", you are the "
                                        + access.describe(window.day().session().state()) + "."));
                    }
                });
            }

            @Override
            public void restoreFromBackup() {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Restore from a backup file");
                chooser.getExtensionFilters().addAll(
                        new FileChooser.ExtensionFilter("RallyLab backups (rallylab-backup.json)", "*.json"),
                        new FileChooser.ExtensionFilter("All files", "*.*"));
                java.io.File chosen = chooser.showOpenDialog(window.window());
                if (chosen != null) {
                    RallyLabApp.this.restoreFromBackup(chosen.toPath(), o);
                }
            }

            @Override
            public void demo(DemoSetup.Counts counts) {
                startDemo(o, counts, null);
            }
        };
    }

    private void startDemo(AppOptions o, DemoSetup.Counts counts, Path file) {
        String track = o.effectiveTrack() == null ? "sim" : o.effectiveTrack();
        try {
            Path target = file != null ? file : DemoSetup.freeFile(o.dataFolder());
            RaceDay day = java.nio.file.Files.exists(target) ? opener.open(target, track)
                    : opener.createDemo(target, counts, track);
            opened(day, track, o);
        } catch (RallyFileException | IllegalArgumentException e) {
            failedToOpen(o, e.getMessage());
        }
    }

    /**
     * Checks {@code backupFile} whole, shows what it holds and asks for the new file's name, restores
     * it and opens the rally where it stopped. A damaged file is refused with the check that failed;
     * nothing is created then, and no existing file is ever overwritten.
     */
    boolean restoreFromBackup(Path backupFile, AppOptions o) {
        Backup backup;
        try {
            backup = BackupFiles.read(backupFile);
        } catch (InvalidInputException e) {
            window.notice(e.getMessage() + " Nothing was restored.");
            return false;
        }
        Optional<Path> target = RestoreFromBackupDialog.ask(window.window(), backupFile, backup, o.dataFolder());
        if (target.isEmpty()) {
            return false;
        }
        BackupFiles.Restored restored;
        try {
            java.nio.file.Files.createDirectories(o.dataFolder());
            restored = BackupFiles.restore(backupFile, target.get());
        } catch (InvalidInputException | RallyFileException | java.io.IOException e) {
            window.notice(e.getMessage() + " Nothing was restored.");
            return false;
        }
        if (!openFile(restored.file(), o.track(), o)) {
            return false;
        }
        window.announce("Restored " + restored.rallyName() + " from " + backupFile + " (" + restored.events()
                + " events) into " + restored.file() + ". It continues at " + OperatorWindow.whereItStopped(window.day())
                + ". Choose a backup folder again (the backup button in the top bar) to keep backing it up.");
        return true;
    }

    private boolean openFile(Path file, String track, AppOptions o) {
        try {
            opened(opener.open(file, track), track, o);
            return true;
        } catch (RallyFileException e) {
            if (e.reason() == RallyFileException.Reason.LOCKED && !o.exitWhenDone()) {
                failedToOpen(o, e.getMessage() + ".", "Open read-only", () -> inspect(file));
                return false;
            }
            failedToOpen(o, e.getMessage());
            if (e.reason() == RallyFileException.Reason.CHANGED && !o.exitWhenDone()) {
                offerInspection(file, e.getMessage());
            }
            return false;
        } catch (IllegalArgumentException e) {
            failedToOpen(o, e.getMessage());
            return false;
        }
    }

    /**
     * The track a reopen after a crash uses: the {@code --track} given on this command line wins
     * over the one remembered with the rally (which is only a fallback when none is given).
     */
    static String trackFor(AppOptions o, String remembered) {
        return o.track() != null ? o.track() : remembered;
    }

    /**
     * A rally file that cannot be raced on because it was changed after it was written: offers to
     * look at it read-only, in a window of its own.
     */
    private void offerInspection(Path file, String why) {
        if (!org.rallylab.app.ui.dialogs.Confirm.ask(window.window(), "This rally file cannot be raced on",
                why + "\n\nLook at what it holds, read-only? Nothing can be changed there.", "Look at it read-only")) {
            return;
        }
        inspect(file);
    }

    /**
     * Opens {@code file} read-only in a window of its own (the event inspector): a file changed
     * after it was written, or one open for racing elsewhere (reading works beside its writer).
     */
    private void inspect(Path file) {
        try {
            org.rallylab.app.ui.inspector.InspectionWindow.show(window.window(), file);
        } catch (RallyFileException e) {
            window.notice(e.getMessage());
        }
    }

    private void failedToOpen(AppOptions o, String message) {
        failedToOpen(o, message, null, null);
    }

    /** Says why a rally could not be opened, offering {@code action} ({@code actionText}) when not null. */
    private void failedToOpen(AppOptions o, String message, String actionText, Runnable action) {
        if (o.exitWhenDone()) {
            console.println("rallylab: " + message);
            exitCode = 1;
            Platform.exit();
            return;
        }
        if (window.openDay().isEmpty()) {
            showStart(o);
        }
        if (action == null) {
            window.notice(message);
        } else {
            window.notice(message, actionText, action);
        }
    }

    private void opened(RaceDay day, String track, AppOptions o) {
        Path path = day.session().path();
        recent.opened(path);
        marker.opened(new OpenRallyMarker.Open(path, track));
        window.open(day, () -> {
            if (autopilot != null) {
                autopilot.close();
                autopilot = null;
            }
            marker.closed();
            showStart(o);
        });
        if (o.autopilot()) {
            startAutopilot(day, o);
        }
    }

    private void startAutopilot(RaceDay day, AppOptions o) {
        autopilot = Autopilot.forDay(day, Platform::runLater, TaskScheduler.using(timer, Platform::runLater),
                Autopilot.Pace.DEMO,
                progress -> window.announce("Autopilot: " + progress));
        day.session().addListener(change -> {
            if (change.events().stream().anyMatch(e -> e.event() instanceof SectionStarted)
                    && window.openDay().isPresent()) {
                window.go().console(); // the autopilot started a section: show it racing
            }
        });
        autopilot.start().whenComplete((ok, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                LOG.log(System.Logger.Level.ERROR, "autopilot stopped", failure);
                window.announce("Autopilot stopped: " + failure.getMessage());
                console.println("rallylab: autopilot stopped: " + failure.getMessage());
            } else {
                window.announce("Autopilot: every section is complete.");
                report.println("rallylab: every section of " + day.session().path().getFileName()
                        + " is complete");
            }
            if (o.exitWhenDone()) {
                exitCode = failure == null ? 0 : 1;
                Platform.exit();
            }
        }));
    }
}
