package org.rallylab.app.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.rallylab.app.race.RaceDay;
import org.rallylab.app.race.Subscription;
import org.rallylab.app.ui.audience.AudienceWindow;
import org.rallylab.app.ui.backup.BackupControls;
import org.rallylab.app.ui.cloud.CloudControls;
import org.rallylab.domain.command.Access;
import org.rallylab.app.ui.console.LiveConsole;
import org.rallylab.app.ui.console.SectionCompleteScreen;
import org.rallylab.app.ui.home.CheckInScreen;
import org.rallylab.app.ui.home.RallyHome;
import org.rallylab.app.ui.home.StartSectionScreen;
import org.rallylab.app.ui.inspector.EventInspector;
import org.rallylab.app.ui.prerace.RallyEditor;
import org.rallylab.domain.state.SectionState;
import org.rallylab.store.RallyFileException;

/**
 * The operator window: a top bar (rally, track, audience, help), the notice bar, and one screen at
 * a time. With no rally open it shows the start screen ({@link #showStart}); with one open, the
 * rally's screens through {@link Navigator}. It owns the open {@link RaceDay} and the audience
 * window and closes them in order. JavaFX thread only.
 */
public final class OperatorWindow implements OperatorContext, Navigator {

    private static final System.Logger LOG = System.getLogger(OperatorWindow.class.getName());

    private final Stage stage;
    private final BorderPane root = new BorderPane();
    private final Label title = Ui.label("RallyLab", "screen-title");
    private final NoticeBar notices = new NoticeBar();
    private final TopBar topBar;
    private final List<Shortcut> globalShortcuts;
    private List<Shortcut> shortcuts = List.of();
    private RaceDay day;
    private AudienceWindow audience;
    private Subscription loopSubscription;
    private OperatorScreen screen;
    private Runnable onRallyClosed = () -> { };
    private CloudControls cloud;
    private BackupControls backup;

    public OperatorWindow(Stage stage) {
        this.stage = Objects.requireNonNull(stage, "stage");
        topBar = new TopBar(this, () -> audience, notices);
        title.setId("screen-title");
        root.setTop(topBar.view());
        globalShortcuts = List.of(
                new Shortcut(Keys.HELP, "Help: every shortcut", this::help),
                new Shortcut(Keys.AUDIENCE_WINDOW, "Show or hide the audience window", this::toggleAudience),
                new Shortcut(Keys.AUDIENCE_FULL_SCREEN, "Audience window full screen", this::audienceFullScreen),
                new Shortcut(Keys.HOME, "Rally home", this::home),
                new Shortcut(Keys.CONSOLE, "Race console", this::console),
                new Shortcut(Keys.INSPECTOR, "Event inspector", this::inspector));
        Scene scene = Ui.scene(root, 1280, 800);
        scene.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        stage.setScene(scene);
        stage.setTitle("RallyLab");
        stage.setMinWidth(960);
        stage.setMinHeight(640);
    }

    // ---- rally open / closed ------------------------------------------------------------------

    /** Shows the start screen (no rally open). */
    public void showStart(Parent startScreen) {
        replace(null);
        topBar.noRally();
        stage.setTitle("RallyLab");
        title.setText("Welcome to RallyLab");
        root.setCenter(framed(startScreen));
        installShortcuts(List.of(new Shortcut(Keys.HELP, "Help: every shortcut", this::help)));
    }

    /**
     * Takes {@code opened} over and shows where it stands: the racing section's console, else
     * rally home. {@code onClosed} runs after the operator closes it (to show the start screen).
     */
    public void open(RaceDay opened, Runnable onClosed) {
        closeDay();
        this.day = Objects.requireNonNull(opened, "opened");
        this.onRallyClosed = Objects.requireNonNull(onClosed, "onClosed");
        String name = day.session().state().rallyName();
        topBar.rally(name.isBlank() ? day.session().path().getFileName().toString() : name);
        stage.setTitle("RallyLab – " + topBar.rallyName());
        if (cloud != null) {
            cloud.cloud().attach(day.session());
        }
        if (backup != null) {
            backup.attach(day.session());
        }
        loopSubscription = day.loop().state().subscribe(javafx.application.Platform::runLater, topBar::track);
        audience = new AudienceWindow(day.audience().screens(), day.audience().overlay());
        audience.show();
        javafx.stage.Screen.getScreens().stream().filter(m -> !m.equals(javafx.stage.Screen.getPrimary()))
                .findFirst().ifPresent(audience::fullScreenOn); // a projector is plugged in: use it
        stage.toFront();
        stage.requestFocus();
        if (day.session().activeSection().isPresent()) {
            console();
        } else {
            home();
        }
    }

    /** The open race day, if a rally is open. */
    public Optional<RaceDay> openDay() {
        return Optional.ofNullable(day);
    }

    /** The audience window of the open rally, if any. */
    public Optional<AudienceWindow> audienceWindow() {
        return Optional.ofNullable(audience);
    }

    /** The screen shown now (null on the start screen). */
    public OperatorScreen currentScreen() {
        return screen;
    }

    /** Closes the open rally (audience, loop, track, file). Safe to call twice. */
    public void closeDay() {
        replace(null);
        if (loopSubscription != null) {
            loopSubscription.close();
            loopSubscription = null;
        }
        if (audience != null) {
            audience.close();
            audience = null;
        }
        if (cloud != null) {
            cloud.cloud().detach(); // before the rally file closes
        }
        if (backup != null) {
            backup.detach();
        }
        if (day != null) {
            RaceDay closing = day;
            day = null;
            try {
                closing.close();
            } catch (RallyFileException e) {
                LOG.log(System.Logger.Level.WARNING, "closing " + closing.session().path(), e);
            }
        }
    }

    // ---- OperatorContext -----------------------------------------------------------------------

    @Override
    public RaceDay day() {
        if (day == null) {
            throw new IllegalStateException("no rally is open");
        }
        return day;
    }

    @Override
    public Navigator go() {
        return this;
    }

    @Override
    public Window window() {
        return stage;
    }

    @Override
    public void notice(String message) {
        notices.show(message);
    }

    /** The notice shown now ("" when none). */
    public String noticeText() {
        return notices.text();
    }

    // ---- Navigator -----------------------------------------------------------------------------

    /**
     * Rally home, or for someone whose role covers part of the rally ({@link Access}) the one screen
     * that role works in: a registrar's Rally setup (their sections only), a check-in volunteer's
     * check-in.
     */
    @Override
    public void home() {
        Access access = access();
        if (!access.wholeRally() && !access.registrarSections().isEmpty()) {
            ifOpen(() -> new RallyEditor(this));
        } else if (!access.wholeRally() && !access.checkInSections().isEmpty()) {
            String first = day.session().state().sections().stream().map(s -> s.sectionId())
                    .filter(access.checkInSections()::contains).findFirst()
                    .orElse(access.checkInSections().iterator().next());
            ifOpen(() -> new CheckInScreen(this, first));
        } else {
            ifOpen(() -> new RallyHome(this));
        }
    }

    @Override
    public void editRally() {
        if (allowed(access().wholeRally() || !access().registrarSections().isEmpty())) {
            ifOpen(() -> new RallyEditor(this));
        }
    }

    @Override
    public void checkIn(String sectionId) {
        if (allowed(access().mayCheckIn(sectionId))) {
            ifOpen(() -> new CheckInScreen(this, sectionId));
        }
    }

    @Override
    public void startSection(String sectionId) {
        if (allowed(access().wholeRally())) {
            ifOpen(() -> new StartSectionScreen(this, sectionId));
        }
    }

    @Override
    public void console() {
        if (day == null || !allowed(access().wholeRally())) {
            return;
        }
        if (day.session().activeSection().isEmpty()) {
            notice("No section is racing. Check cars in and start a section from rally home.");
            home();
            return;
        }
        ifOpen(() -> new LiveConsole(this));
    }

    @Override
    public void sectionComplete(String sectionId) {
        if (allowed(access().wholeRally())) {
            ifOpen(() -> new SectionCompleteScreen(this, sectionId));
        }
    }

    @Override
    public void inspector() {
        if (allowed(access().wholeRally())) {
            ifOpen(() -> new EventInspector(this));
        }
    }

    /** What the signed-in person may change in the open rally (everything when it is not from the cloud). */
    public Access access() {
        return day == null ? Access.EVERYTHING : day.session().access();
    }

    /** The top bar says whose laptop this is when a role limits it: "registrar of Kub Kars". */
    private void showRole() {
        topBar.role(access(), day == null ? null : day.session().state());
    }

    /** Whether a screen is the role's to see; when not, says so in the notice bar. */
    private boolean allowed(boolean yes) {
        if (!yes && day != null) {
            Access a = access();
            notice("Signed in as " + a.email() + ", you are the " + a.describe(day.session().state())
                    + ": that screen is for the organizer and operators.");
        }
        return yes;
    }

    @Override
    public void help() {
        HelpDialog.show(stage, globalShortcuts, screen == null ? "" : screen.title(),
                screen == null ? List.of() : screen.shortcuts());
    }

    @Override
    public void closeRally() {
        closeDay();
        onRallyClosed.run();
    }

    @Override
    public void toggleAudience() {
        if (audience == null) {
            return;
        }
        if (audience.isShowing()) {
            audience.close();
        } else {
            audience.show();
        }
    }

    @Override
    public void audienceFullScreen() {
        if (audience == null) {
            return;
        }
        if (!audience.isShowing()) {
            audience.show();
        }
        audience.toggleFullScreen();
    }

    // ---- inside --------------------------------------------------------------------------------

    private void ifOpen(Supplier<OperatorScreen> next) {
        if (day == null) {
            return;
        }
        OperatorScreen built = next.get();
        replace(built);
        title.setText(built.title());
        root.setCenter(framed(built.view()));
        List<Shortcut> keys = new ArrayList<>(globalShortcuts);
        keys.addAll(built.shortcuts());
        installShortcuts(keys);
        built.view().requestFocus();
    }

    private void replace(OperatorScreen next) {
        if (screen != null) {
            try {
                screen.dispose();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "disposing " + screen.title(), e);
            }
        }
        screen = next;
    }

    private Parent framed(Parent content) {
        VBox box = new VBox(10, title, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        box.setPadding(new Insets(14, 18, 14, 18));
        return box;
    }

    private void installShortcuts(List<Shortcut> shortcuts) {
        this.shortcuts = List.copyOf(shortcuts);
    }

    /** One key handler for every shortcut (not scene accelerators: a shortcut may change the screen). */
    private void onKey(KeyEvent event) {
        for (Shortcut s : shortcuts) {
            if (s.keys().match(event)) {
                event.consume();
                s.action().run();
                return;
            }
        }
    }

    /** For the start-up notice after a crash: the section and heat the log stopped at. */
    static String whereItStopped(RaceDay day) {
        Optional<SectionState> s = day.session().activeSection();
        return s.map(x -> x.sectionName() + ", heat " + x.stagedHeatNumber() + " of " + x.heatCount())
                .orElse("rally home");
    }

    /** Puts the cloud badge (its arrow: the Cloud menu) in the top bar; the open rally is copied from now on. */
    public void useCloud(CloudControls controls) {
        if (cloud != null) {
            throw new IllegalStateException("the cloud is already in use");
        }
        cloud = Objects.requireNonNull(controls, "controls");
        cloud.cloud().view().addListener((o, was, now) -> {
            showRole();
            if (day != null && screen != null && !was.access().equals(now.access())) {
                home(); // the role changed (signed in, signed out, invited): show what it may do
            }
        });
        topBar.besideTrack(controls.badge().view());
        if (day != null) {
            cloud.cloud().attach(day.session());
        }
    }

    /** Puts the USB backup badge (its menu: the backup actions) in the top bar; opened rallies are backed up from now on. */
    public void useBackup(BackupControls controls) {
        if (backup != null) {
            throw new IllegalStateException("the backup is already in use");
        }
        backup = Objects.requireNonNull(controls, "controls");
        topBar.status(controls.badge());
        if (day != null) {
            backup.attach(day.session());
        }
    }

    /** The USB backup's controls, when in use. */
    public Optional<BackupControls> backup() {
        return Optional.ofNullable(backup);
    }

    /** The cloud's controls, when the cloud is in use. */
    public Optional<CloudControls> cloud() {
        return Optional.ofNullable(cloud);
    }

    /** The rally file open now, if any. */
    public Optional<Path> rallyFile() {
        return Optional.ofNullable(day).map(d -> d.session().path());
    }
}
