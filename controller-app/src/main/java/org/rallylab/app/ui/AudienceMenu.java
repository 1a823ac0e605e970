package org.rallylab.app.ui;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import org.rallylab.app.race.AudienceDirector;
import org.rallylab.app.ui.audience.AudienceWindow;

/**
 * The top bar's Audience menu: show or hide the projector's window, full screen on a monitor,
 * "Larger text", how many heats show "On deck" and whether the standings show between heats. Filled each time it opens, from the monitors there are then.
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
        boolean none = window == null;
        CheckMenuItem larger = new CheckMenuItem("Larger text");
        larger.setId("audience-larger-text");
        larger.setSelected(!none && window.largerText());
        larger.setOnAction(e -> window.largerText(larger.isSelected()));
        larger.setDisable(none);
        menu.getItems().addAll(new SeparatorMenuItem(), larger);

        Optional<AudienceDirector> director = none ? Optional.empty() : window.director();
        AudienceDirector.Choices now = director.map(AudienceDirector::choices).orElse(AudienceDirector.Choices.DEFAULT);
        ToggleGroup deck = new ToggleGroup();
        String[] words = {"On deck: no heats", "On deck: the next heat", "On deck: the next two heats"};
        menu.getItems().add(new SeparatorMenuItem());
        for (int heats = 0; heats <= AudienceDirector.Choices.MOST_ON_DECK; heats++) {
            int chosen = heats;
            RadioMenuItem item = new RadioMenuItem(words[heats]);
            item.setId("audience-on-deck-" + heats);
            item.setToggleGroup(deck);
            item.setSelected(now.onDeckHeats() == heats);
            item.setDisable(director.isEmpty());
            item.setOnAction(e -> director.ifPresent(d -> d.choose(
                    new AudienceDirector.Choices(chosen, d.choices().standingsBetweenHeats()))));
            menu.getItems().add(item);
        }
        CheckMenuItem standings = new CheckMenuItem("Standings between heats");
        standings.setId("audience-standings-between-heats");
        standings.setSelected(now.standingsBetweenHeats());
        standings.setDisable(director.isEmpty());
        standings.setOnAction(e -> director.ifPresent(d -> d.choose(
                new AudienceDirector.Choices(d.choices().onDeckHeats(), standings.isSelected()))));
        menu.getItems().add(standings);
    }
}
