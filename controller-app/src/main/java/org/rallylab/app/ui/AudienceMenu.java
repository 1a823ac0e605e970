package org.rallylab.app.ui;

import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.rallylab.app.ui.audience.AudienceWindow;

/**
 * The top bar's Audience menu: show or hide the projector's window, full screen on a monitor, and
 * its text size. Filled each time it opens, from the monitors there are then.
 */
final class AudienceMenu {

    private final MenuButton menu = new MenuButton("Audience");
    private final Supplier<AudienceWindow> audience;
    private final Navigator navigator;

    AudienceMenu(Supplier<AudienceWindow> audience, Navigator navigator) {
        this.audience = audience;
        this.navigator = navigator;
        menu.setId("top-audience");
        menu.setOnShowing(e -> fill());
    }

    MenuButton view() {
        return menu;
    }

    private void fill() {
        AudienceWindow window = audience.get();
        menu.getItems().clear();
        MenuItem toggle = new MenuItem((window != null && window.isShowing() ? "Hide audience window"
                : "Show audience window") + " (" + Keys.AUDIENCE_WINDOW.getDisplayText() + ")");
        toggle.setOnAction(e -> navigator.toggleAudience());
        MenuItem full = new MenuItem("Full screen on its monitor (" + Keys.AUDIENCE_FULL_SCREEN.getDisplayText() + ")");
        full.setOnAction(e -> navigator.audienceFullScreen());
        menu.getItems().addAll(toggle, full);
        List<javafx.stage.Screen> monitors = javafx.stage.Screen.getScreens();
        for (int i = 0; i < monitors.size(); i++) {
            javafx.stage.Screen monitor = monitors.get(i);
            var b = monitor.getBounds();
            MenuItem on = new MenuItem("Full screen on monitor " + (i + 1) + " (" + (int) b.getWidth() + "×"
                    + (int) b.getHeight() + (monitor.equals(javafx.stage.Screen.getPrimary()) ? ", this laptop" : "")
                    + ")");
            on.setOnAction(e -> {
                AudienceWindow shown = audience.get();
                if (shown != null) {
                    if (!shown.isShowing()) {
                        shown.show();
                    }
                    shown.fullScreenOn(monitor);
                }
            });
            menu.getItems().add(on);
        }
        MenuItem zoomIn = new MenuItem("Larger text");
        zoomIn.setOnAction(e -> window.zoomIn());
        MenuItem zoomOut = new MenuItem("Smaller text");
        zoomOut.setOnAction(e -> window.zoomOut());
        MenuItem zoomReset = new MenuItem("Normal text size");
        zoomReset.setOnAction(e -> window.resetZoom());
        boolean none = window == null;
        zoomIn.setDisable(none);
        zoomOut.setDisable(none);
        zoomReset.setDisable(none);
        menu.getItems().addAll(new SeparatorMenuItem(), zoomIn, zoomOut, zoomReset);
    }
}
