package org.rallylab.app.ui;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.rallylab.app.race.LoopState;
import org.rallylab.app.race.RaceDay;
import org.rallylab.app.race.Subscription;
import org.rallylab.app.ui.audience.AudienceWindow;
import org.rallylab.app.ui.backup.BackupControls;
import org.rallylab.app.ui.cloud.CloudControls;
import org.rallylab.domain.command.Access;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.state.SectionState;
import org.rallylab.store.RallyFileException;

/**
 * The operator window, wired together: the {@link TopBar} (rally, track, audience, help), the
 * {@link NoticeBar}, and one screen at a time chosen by {@link Navigation}. With no rally open it
 * shows the start screen ({@link #showStart}); with one open, the rally's screens. It owns the open
 * {@link RaceDay} and the audience window and closes them in order, and says how long a notice
 * stands. JavaFX thread only.
 */
public final class OperatorWindow implements OperatorContext {

    private static final System.Logger LOG = System.getLogger(OperatorWindow.class.getName());
    /** The window's size where the screen has room (a laptop's 1280x800); a smaller screen gets all of it. */
    static final double WIDTH = 1280;
    static final double HEIGHT = 800;

    private final Stage stage;
    private final BorderPane root = new BorderPane();
    private final NoticeBar notices = new NoticeBar();
    private final Navigation navigation;
    private final TopBar topBar;
    private RaceDay day;
    private AudienceWindow audience;
    private Subscription loopSubscription;
    private Subscription sessionSubscription;
    private Runnable onRallyClosed = () -> { };
    private CloudControls cloud;
    private BackupControls backup;

    public OperatorWindow(Stage stage) {
        this.stage = Objects.requireNonNull(stage, "stage");
        navigation = new Navigation(this, root);
        navigation.onScreenChanged(notices::recheck); // a notice about the screen that goes goes with it
        topBar = new TopBar(navigation, () -> audience, notices);
        root.setTop(topBar.view());
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        boolean small = screen.getWidth() < WIDTH || screen.getHeight() < HEIGHT;
        Scene scene = Ui.scene(root, Math.min(WIDTH, screen.getWidth()), Math.min(HEIGHT, screen.getHeight()));
        scene.addEventHandler(KeyEvent.KEY_PRESSED, navigation::onKey);
        stage.setScene(scene);
        stage.setTitle("RallyLab");
        stage.setMinWidth(960);
        stage.setMinHeight(640);
        stage.setMaximized(small); // a 1366x768 laptop: the whole window on its screen, never cut off
    }

    // ---- rally open / closed ------------------------------------------------------------------

    /** Shows the start screen (no rally open). */
    public void showStart(Parent startScreen) {
        navigation.showStart(startScreen);
        topBar.noRally();
        stage.setTitle("RallyLab");
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
        loopSubscription = day.loop().state().subscribe(javafx.application.Platform::runLater, loop -> {
            topBar.track(loop);
            notices.recheck(); // the race moved on: a refusal about where it stood goes
        });
        sessionSubscription = day.session().addListener(change -> notices.recheck());
        audience = new AudienceWindow(day.audience());
        audience.openBeside(stage); // full screen on a projector when one is plugged in; else beside this window
        stage.toFront();
        stage.requestFocus();
        if (day.session().activeSection().isPresent()) {
            navigation.console();
        } else {
            navigation.home();
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
        return navigation.current();
    }

    /** Closes the open rally (audience, loop, track, file). Safe to call twice. */
    public void closeDay() {
        navigation.leave();
        if (loopSubscription != null) {
            loopSubscription.close();
            loopSubscription = null;
        }
        if (sessionSubscription != null) {
            sessionSubscription.close();
            sessionSubscription = null;
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
        return navigation;
    }

    @Override
    public Window window() {
        return stage;
    }

    /** A notice about the screen shown now (what the operator just did there): it goes when the screen changes. */
    @Override
    public void notice(String message) {
        notices.show(message, onThisScreen());
    }

    /**
     * A notice about the screen shown now that offers the one thing it asks for as a button
     * ({@code actionText}, such as "Open read-only"); it goes when the screen changes or the button is pressed.
     */
    public void notice(String message, String actionText, Runnable action) {
        notices.show(message, onThisScreen(), new NoticeBar.Action(actionText, action));
    }

    /**
     * A notice about the open rally as a whole, not one screen (how it was opened, the cloud copy,
     * the USB backup, the autopilot): it stays while that rally is open (with no rally open: until
     * one is opened), over every screen, until OK or the next notice.
     */
    public void announce(String message) {
        RaceDay about = day;
        notices.show(message, () -> day == about);
    }

    /**
     * A refused command's answer is about the screen it was given on and the rally and the race as
     * they stood: it goes when the screen changes, when the rally changes (an event is recorded,
     * here or arriving from another laptop) or when the race moves on (a result, another heat, a
     * held race decided).
     */
    @Override
    public boolean tell(Decision decision) {
        Objects.requireNonNull(decision, "decision");
        if (decision instanceof Decision.Accepted) {
            return true;
        }
        BooleanSupplier screen = onThisScreen();
        BooleanSupplier rally = whileTheRallyStands();
        notices.show(decision.message(), () -> screen.getAsBoolean() && rally.getAsBoolean());
        return false;
    }

    private BooleanSupplier onThisScreen() {
        return navigation.whileOnThisScreen();
    }

    private BooleanSupplier whileTheRallyStands() {
        RaceDay about = day;
        if (about == null) {
            return () -> day == null;
        }
        long lastEvent = about.session().lastSequence();
        LoopState.Position race = about.loop().current().position();
        return () -> day == about && !about.session().isClosed() && about.session().lastSequence() == lastEvent
                && about.loop().current().position().equals(race);
    }

    /** The notice shown now ("" when none). */
    public String noticeText() {
        return notices.text();
    }

    /** What the signed-in person may change in the open rally (everything when it is not from the cloud). */
    public Access access() {
        return day == null ? Access.EVERYTHING : day.session().access();
    }

    /** The top bar says whose laptop this is when a role limits it: "registrar of Kub Kars". */
    private void showRole() {
        topBar.role(access(), day == null ? null : day.session().state());
    }

    /** Closes the open rally and shows what comes after (the start screen). */
    public void closeRally() {
        closeDay();
        onRallyClosed.run();
    }

    /** Shows or hides the audience window. */
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

    /** Puts the audience window in or out of full screen (showing it first). */
    public void audienceFullScreen() {
        if (audience == null) {
            return;
        }
        if (!audience.isShowing()) {
            audience.show();
        }
        audience.toggleFullScreen();
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
            if (day != null && navigation.current() != null && !was.access().equals(now.access())) {
                navigation.home(); // the role changed (signed in, signed out, invited): show what it may do
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
