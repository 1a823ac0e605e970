package org.rallylab.app.ui.audience;

import java.util.Locale;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ObservableDoubleValue;
import javafx.geometry.Pos;
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
    static final double MIN_ZOOM = 0.5;
    static final double MAX_ZOOM = 2.0;

    private final StackPane root = new StackPane();
    private final StackPane screenLayer = new StackPane();
    private final StackPane overlayLayer = new StackPane();
    private final DoubleProperty zoom = new SimpleDoubleProperty(1);
    private Duration pageInterval = Duration.seconds(6);
    private Screen screen;
    private ScreenView view;
    private Overlay overlay;

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

    /** Makes the base font follow {@code height} (the scene's). */
    void scaleWith(ObservableDoubleValue height) {
        root.styleProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", baseFont(height.get())), height, zoom));
    }

    /** The base font size in pixels for a window {@code height} pixels high. */
    double baseFont(double height) {
        return Math.max(8, height / Fit.LINES * zoom.get());
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
        view = create(next, new Fit(zoom.get(), pageInterval));
        screenLayer.getChildren().setAll(view.node());
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
        return new WelcomeView((AudienceMessage.Welcome) screen);
    }
}
