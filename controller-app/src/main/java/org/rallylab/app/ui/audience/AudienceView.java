package org.rallylab.app.ui.audience;

import java.util.Locale;
import java.util.Objects;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ObservableDoubleValue;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.rallylab.app.race.AudienceMessage;
import org.rallylab.app.race.AudienceMessage.Overlay;
import org.rallylab.app.race.AudienceMessage.Screen;

/**
 * The audience window's content: the last screen message, with the last overlay over its bottom.
 * The base font is the window height / {@link Fit#LINES} × zoom; every size in audience.css is in
 * em of it, so the picture looks the same at 1280x720 and 1920x1080. JavaFX thread only.
 */
final class AudienceView {

    static final String STYLESHEET = Objects.requireNonNull(
            AudienceView.class.getResource("audience.css"), "audience.css").toExternalForm();
    /** Normal text: the smallest zoom (smaller would not read from the back of the hall). */
    static final double MIN_ZOOM = 1.0;
    /** "Larger text". */
    static final double MAX_ZOOM = 1.4;

    private final StackPane root = new StackPane();
    private final StackPane screenLayer = new StackPane();
    private final StackPane overlayLayer = new StackPane();
    private final DoubleProperty zoom = new SimpleDoubleProperty(1);
    private Duration pageInterval = Duration.seconds(6);
    private Screen screen;
    private ScreenView view;
    private Overlay overlay;
    private Scene scene;
    private double shownAspect;

    AudienceView() {
        root.setId("audience-root");
        root.getStyleClass().add("audience");
        root.getStylesheets().add(STYLESHEET);
        screenLayer.setId("audience-screen");
        overlayLayer.setId("audience-overlay");
        overlayLayer.setPickOnBounds(false);
        overlayLayer.setAlignment(Pos.BOTTOM_CENTER);
        root.getChildren().addAll(screenLayer, overlayLayer);
        zoom.addListener((obs, was, now) -> {
            if (screen != null) {
                put(screen); // rows per page depend on the zoom
            }
        });
    }

    StackPane root() {
        return root;
    }

    /**
     * Makes the base font follow the scene's height, and lays the screen out again when the
     * window's shape (width / height) changes.
     */
    void scaleWith(Scene scene) {
        ObservableDoubleValue height = scene.heightProperty();
        root.styleProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", baseFont(height.get())), height, zoom));
        this.scene = scene;
        InvalidationListener reshape = obs -> {
            if (screen != null && Math.abs(aspect() - shownAspect) > 0.01) {
                put(screen);
            }
        };
        scene.widthProperty().addListener(reshape);
        scene.heightProperty().addListener(reshape);
    }

    /** The base font size in pixels for a window {@code height} pixels high. */
    double baseFont(double height) {
        return Fit.basePx(height, zoom.get());
    }

    double zoom() {
        return zoom.get();
    }

    void zoom(double value) {
        zoom.set(Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, Math.round(value * 100) / 100.0)));
    }

    void pageInterval(Duration interval) {
        pageInterval = interval;
    }

    /** The screen on show (null before the first). */
    Screen screen() {
        return screen;
    }

    Overlay overlay() {
        return overlay;
    }

    /** Puts {@code next} on the scene in place of the screen on show. */
    void show(Screen next) {
        put(next);
    }

    /** Shows {@code next} over the bottom of the screen (NoOverlay: nothing). */
    void show(Overlay next) {
        overlay = next;
        if (next instanceof AudienceMessage.TrackStatus status) {
            overlayLayer.getChildren().setAll(TrackStatusBanner.of(status));
        } else {
            overlayLayer.getChildren().clear();
        }
    }

    /** Forgets both messages and stops the screen's timers (the window was closed). */
    void clear() {
        if (view != null) {
            view.stop();
        }
        view = null;
        screen = null;
        overlay = null;
        screenLayer.getChildren().clear();
        overlayLayer.getChildren().clear();
    }

    private void put(Screen next) {
        if (view != null) {
            view.stop();
        }
        screen = next;
        shownAspect = aspect();
        view = create(next, new Fit(zoom.get(), shownAspect, pageInterval));
        screenLayer.getChildren().setAll(view.node());
    }

    /** The window's width / height (16:9 before it has a scene). */
    private double aspect() {
        if (scene == null || scene.getHeight() <= 0) {
            return 16 / 9.0;
        }
        return scene.getWidth() / scene.getHeight();
    }

    private static ScreenView create(Screen screen, Fit fit) {
        if (screen instanceof AudienceMessage.Staging s) {
            return new StagingView(s, fit);
        }
        if (screen instanceof AudienceMessage.Results r) {
            return new ResultsView(r, fit);
        }
        if (screen instanceof AudienceMessage.Leaderboard l) {
            return new LeaderboardView(l, fit);
        }
        if (screen instanceof AudienceMessage.SectionComplete c) {
            return new SectionCompleteView(c, fit);
        }
        return new WelcomeView((AudienceMessage.Welcome) screen, fit);
    }
}
