package org.rallylab.app.ui.audience;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.rallylab.app.race.AudienceDirector;
import org.rallylab.app.race.AudienceMessage;
import org.rallylab.app.race.AudienceMessage.Overlay;
import org.rallylab.app.race.AudienceMessage.Screen;
import org.rallylab.app.race.StateBus;
import org.rallylab.app.race.Subscription;

/**
 * The audience window (the projector): renders the last screen and overlay of the audience
 * director's buses, and nothing else of its own. It can be closed and shown again at any time;
 * it then shows the current screen at once.
 *
 * <p>Keys: F11 full screen, Escape leaves it, Ctrl+plus / Ctrl+minus / Ctrl+0 zoom. Type scales
 * with the window's height. JavaFX thread only.
 */
public final class AudienceWindow {

    /** The window's title. */
    public static final String TITLE = "RallyLab – audience";
    private static final double ZOOM_STEP = 1.1;

    private final StateBus<Screen> screens;
    private final StateBus<Overlay> overlay;
    private final AudienceDirector director;
    private final AudienceView view = new AudienceView();
    private Stage stage;
    private Subscription screenSubscription;
    private Subscription overlaySubscription;
    private Consumer<Screen> onScreenRendered = screen -> { };
    private Screen awaitingRender;

    public AudienceWindow(StateBus<Screen> screens, StateBus<Overlay> overlay) {
        this.screens = Objects.requireNonNull(screens, "screens");
        this.overlay = Objects.requireNonNull(overlay, "overlay");
        this.director = null;
    }

    /** The window of {@code director}'s screens; the operator's choices (on deck, standings) go to it. */
    public AudienceWindow(AudienceDirector director) {
        this.screens = director.screens();
        this.overlay = director.overlay();
        this.director = director;
    }

    /** The director whose choices the operator can change (none for a window of bare buses). */
    public Optional<AudienceDirector> director() {
        return Optional.ofNullable(director);
    }

    /**
     * Shows the window where the audience can see it and the operator can still work: full screen
     * on a second monitor when there is one; else beside the operator's window {@code operator},
     * not over it (see {@link Placement}).
     */
    public void openBeside(Stage operator) {
        show();
        javafx.stage.Screen primary = javafx.stage.Screen.getPrimary();
        Optional<javafx.stage.Screen> projector = javafx.stage.Screen.getScreens().stream()
                .filter(m -> !m.equals(primary)).findFirst();
        if (projector.isPresent()) {
            fullScreenOn(projector.get());
            return;
        }
        Rectangle2D visual = primary.getVisualBounds();
        Placement.Layout layout = Placement.beside(visual, new Rectangle2D(operator.getX(), operator.getY(),
                Math.max(1, operator.getWidth()), Math.max(1, operator.getHeight())));
        if (!layout.operator().equals(new Rectangle2D(operator.getX(), operator.getY(), operator.getWidth(),
                operator.getHeight()))) {
            operator.setMaximized(false);
            place(operator, layout.operator());
        }
        place(stage, layout.audience());
        if (layout.behind()) {
            stage.toBack();
            operator.toFront();
        }
    }

    private static void place(Stage s, Rectangle2D bounds) {
        s.setX(bounds.getMinX());
        s.setY(bounds.getMinY());
        s.setWidth(bounds.getWidth());
        s.setHeight(bounds.getHeight());
    }

    /** "Larger text": on or off. */
    public void largerText(boolean on) {
        view.zoom(on ? AudienceView.MAX_ZOOM : AudienceView.MIN_ZOOM);
    }

    /** Whether "Larger text" is on (the text is larger than normal). */
    public boolean largerText() {
        return view.zoom() > AudienceView.MIN_ZOOM;
    }

    /** Shows the window (creating it the first time) with the current screen and overlay at once. */
    public void show() {
        Stage s = stage();
        if (screenSubscription == null) {
            screens.last().ifPresent(this::render);
            overlay.last().ifPresent(this::render);
            screenSubscription = screens.subscribe(Platform::runLater, this::render);
            overlaySubscription = overlay.subscribe(Platform::runLater, this::render);
        }
        s.show();
        s.toFront();
    }

    /** Hides the window and stops listening; {@link #show()} brings it back with what is current then. */
    public void close() {
        if (stage != null) {
            stage.hide(); // onHidden unsubscribes, also when the window's own close button hid it
        }
        unsubscribe();
    }

    public boolean isShowing() {
        return stage != null && stage.isShowing();
    }

    /** Full screen on the monitor the window is on, or back to a window. */
    public void toggleFullScreen() {
        if (!isShowing()) {
            show();
        }
        stage.setFullScreen(!stage.isFullScreen());
    }

    /** Moves the window to {@code monitor} and makes it full screen there. */
    public void fullScreenOn(javafx.stage.Screen monitor) {
        Objects.requireNonNull(monitor, "monitor");
        if (!isShowing()) {
            show();
        }
        stage.setFullScreen(false);
        Rectangle2D bounds = monitor.getVisualBounds();
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
        stage.setFullScreen(true);
    }

    public void zoomIn() {
        view.zoom(view.zoom() * ZOOM_STEP);
    }

    public void zoomOut() {
        view.zoom(view.zoom() / ZOOM_STEP);
    }

    public void resetZoom() {
        view.zoom(1);
    }

    /** The zoom: 1 is normal, up to 1.4 ("Larger text"). */
    public double zoom() {
        return view.zoom();
    }

    /** The window (created on first use). */
    public Stage stage() {
        if (stage == null) {
            stage = createStage();
        }
        return stage;
    }

    /**
     * Called once, at the first pulse that laid out a new screen message after it was put on the
     * scene (benchmarks measure track-to-audience latency with it). JavaFX thread.
     */
    public void setOnScreenRendered(Consumer<Screen> listener) {
        onScreenRendered = listener == null ? screen -> { } : listener;
    }

    /** How long each page of a long list shows (6 s; tests make it shorter). */
    void pageInterval(Duration interval) {
        view.pageInterval(interval);
    }

    /** The base font size in pixels now (the window height / 24 × zoom). */
    double baseFontSize() {
        return view.baseFont(stage().getScene().getHeight());
    }

    private void render(AudienceMessage message) {
        if (message instanceof Screen screen) {
            if (screen == view.screen()) {
                return; // the replay of what show() rendered already
            }
            view.show(screen);
            awaitingRender = screen;
            Platform.requestNextPulse();
        } else if (message instanceof Overlay next && next != view.overlay()) {
            view.show(next);
        }
    }

    private void unsubscribe() {
        if (screenSubscription != null) {
            screenSubscription.close();
            overlaySubscription.close();
            screenSubscription = null;
            overlaySubscription = null;
        }
        awaitingRender = null;
        view.clear();
    }

    private Stage createStage() {
        Stage s = new Stage();
        s.setTitle(TITLE);
        Scene scene = new Scene(view.root(), 1280, 720);
        view.scaleWith(scene);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        scene.addPostLayoutPulseListener(() -> {
            Screen rendered = awaitingRender;
            if (rendered != null) {
                awaitingRender = null;
                onScreenRendered.accept(rendered);
            }
        });
        s.setScene(scene);
        s.setFullScreenExitHint("");
        s.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH); // Escape is handled in key()
        s.setOnHidden(e -> unsubscribe());
        return s;
    }

    private void key(KeyEvent e) {
        KeyCode code = e.getCode();
        if (code == KeyCode.F11) {
            toggleFullScreen();
        } else if (code == KeyCode.ESCAPE && stage.isFullScreen()) {
            stage.setFullScreen(false);
        } else if (e.isShortcutDown() && (code == KeyCode.PLUS || code == KeyCode.EQUALS || code == KeyCode.ADD)) {
            zoomIn();
        } else if (e.isShortcutDown() && (code == KeyCode.MINUS || code == KeyCode.SUBTRACT)) {
            zoomOut();
        } else if (e.isShortcutDown() && (code == KeyCode.DIGIT0 || code == KeyCode.NUMPAD0)) {
            resetZoom();
        } else {
            return;
        }
        e.consume();
    }
}
