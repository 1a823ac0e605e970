package org.rallylab.app.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.rallylab.app.race.RaceDay;
import org.rallylab.app.ui.console.LiveConsole;
import org.rallylab.app.ui.console.SectionCompleteScreen;
import org.rallylab.app.ui.home.CheckInScreen;
import org.rallylab.app.ui.home.RallyHome;
import org.rallylab.app.ui.home.StartSectionScreen;
import org.rallylab.app.ui.inspector.EventInspector;
import org.rallylab.app.ui.prerace.RallyEditor;
import org.rallylab.domain.command.Access;

/**
 * Which screen the operator window shows, and going from one to the next: the screen under the
 * title in the window's centre, its shortcuts beside the window's own, and the role's limits (a
 * registrar or check-in volunteer sees only their screens). A screen that goes is disposed. The
 * rally, the audience window and the notices are the {@link OperatorWindow}'s. JavaFX thread only.
 */
final class Navigation implements Navigator {

    private static final System.Logger LOG = System.getLogger(Navigation.class.getName());

    private final OperatorWindow window;
    private final BorderPane root;
    private final Label title = Ui.label("RallyLab", "screen-title");
    private final List<Shortcut> globalShortcuts;
    private List<Shortcut> shortcuts = List.of();
    private OperatorScreen screen;
    /** Counts the screens shown (the start screen too): a notice belongs to the one it was shown on. */
    private long screensShown;
    private Runnable onScreenChanged = () -> { };

    Navigation(OperatorWindow window, BorderPane root) {
        this.window = Objects.requireNonNull(window, "window");
        this.root = Objects.requireNonNull(root, "root");
        title.setId("screen-title");
        title.setWrapText(true); // a long rally name takes two lines, never "…"
        title.setMinHeight(Region.USE_PREF_SIZE);
        globalShortcuts = List.of(
                new Shortcut(Keys.HELP, "Help: every shortcut", this::help),
                new Shortcut(Keys.AUDIENCE_WINDOW, "Show or hide the audience window", this::toggleAudience),
                new Shortcut(Keys.AUDIENCE_FULL_SCREEN, "Audience window full screen", this::audienceFullScreen),
                new Shortcut(Keys.HOME, "Rally home", this::home),
                new Shortcut(Keys.CONSOLE, "Race console", this::console),
                new Shortcut(Keys.INSPECTOR, "Event inspector", this::inspector));
    }

    /** Runs after every change of screen (the notice about the screen that went goes with it). */
    void onScreenChanged(Runnable changed) {
        onScreenChanged = Objects.requireNonNull(changed, "changed");
    }

    /** Shows the start screen (no rally open): only Help works. */
    void showStart(Parent startScreen) {
        replace(null);
        title.setText("Welcome to RallyLab");
        root.setCenter(framed(startScreen));
        shortcuts = List.of(new Shortcut(Keys.HELP, "Help: every shortcut", this::help));
    }

    /** Leaves the screen shown now (the rally is closing). */
    void leave() {
        replace(null);
    }

    /** The screen shown now (null on the start screen). */
    OperatorScreen current() {
        return screen;
    }

    /** True while the screen shown now is still shown. */
    BooleanSupplier whileOnThisScreen() {
        long shownOn = screensShown;
        return () -> screensShown == shownOn;
    }

    /** One key handler for every shortcut (not scene accelerators: a shortcut may change the screen). */
    void onKey(KeyEvent event) {
        for (Shortcut s : shortcuts) {
            if (s.keys().match(event)) {
                event.consume();
                s.action().run();
                return;
            }
        }
    }

    /**
     * Rally home, or for someone whose role covers part of the rally ({@link Access}) the one screen
     * that role works in: a registrar's Rally setup (their sections only), a check-in volunteer's
     * check-in.
     */
    @Override
    public void home() {
        Access access = window.access();
        if (!access.wholeRally() && !access.registrarSections().isEmpty()) {
            ifOpen(() -> new RallyEditor(window));
        } else if (!access.wholeRally() && !access.checkInSections().isEmpty()) {
            ifOpen(() -> new CheckInScreen(window, firstCheckInSection(window.day(), access)));
        } else {
            ifOpen(() -> new RallyHome(window));
        }
    }

    @Override
    public void editRally() {
        if (allowed(window.access().wholeRally() || !window.access().registrarSections().isEmpty())) {
            ifOpen(() -> new RallyEditor(window));
        }
    }

    @Override
    public void checkIn(String sectionId) {
        if (allowed(window.access().mayCheckIn(sectionId))) {
            ifOpen(() -> new CheckInScreen(window, sectionId));
        }
    }

    @Override
    public void startSection(String sectionId) {
        if (allowed(window.access().wholeRally())) {
            ifOpen(() -> new StartSectionScreen(window, sectionId));
        }
    }

    @Override
    public void console() {
        if (window.openDay().isEmpty() || !allowed(window.access().wholeRally())) {
            return;
        }
        if (window.day().session().activeSection().isEmpty()) {
            home();
            window.notice("No section is racing. Check cars in and start a section from rally home.");
            return;
        }
        ifOpen(() -> new LiveConsole(window));
    }

    @Override
    public void sectionComplete(String sectionId) {
        if (allowed(window.access().wholeRally())) {
            ifOpen(() -> new SectionCompleteScreen(window, sectionId));
        }
    }

    @Override
    public void inspector() {
        if (allowed(window.access().wholeRally())) {
            ifOpen(() -> new EventInspector(window));
        }
    }

    @Override
    public void help() {
        HelpDialog.show(window.window(), globalShortcuts, screen == null ? "" : screen.title(),
                screen == null ? List.of() : screen.shortcuts());
    }

    @Override
    public void closeRally() {
        window.closeRally();
    }

    @Override
    public void toggleAudience() {
        window.toggleAudience();
    }

    @Override
    public void audienceFullScreen() {
        window.audienceFullScreen();
    }

    private static String firstCheckInSection(RaceDay day, Access access) {
        return day.session().state().sections().stream().map(s -> s.sectionId())
                .filter(access.checkInSections()::contains).findFirst()
                .orElse(access.checkInSections().iterator().next());
    }

    /** Whether a screen is the role's to see; when not, says so in the notice bar. */
    private boolean allowed(boolean yes) {
        if (!yes && window.openDay().isPresent()) {
            Access a = window.access();
            window.notice("Signed in as " + a.email() + ", you are the " + a.describe(window.day().session().state())
                    + ": that screen is for the organizer and operators.");
        }
        return yes;
    }

    private void ifOpen(Supplier<OperatorScreen> next) {
        if (window.openDay().isEmpty()) {
            return;
        }
        OperatorScreen built = next.get();
        replace(built);
        title.setText(built.title());
        root.setCenter(framed(built.view()));
        List<Shortcut> keys = new ArrayList<>(globalShortcuts);
        keys.addAll(built.shortcuts());
        shortcuts = List.copyOf(keys);
        built.view().requestFocus();
    }

    private void replace(OperatorScreen next) {
        screensShown++;
        onScreenChanged.run();
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
        box.setMinWidth(0); // a screen too wide for the window never pushes the top bar's buttons off it
        box.setPadding(new Insets(14, 18, 14, 18));
        return box;
    }
}
