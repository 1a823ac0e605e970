package org.rallylab.app.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.rallylab.app.race.LoopState;
import org.rallylab.app.ui.audience.AudienceWindow;
import org.rallylab.domain.command.Access;
import org.rallylab.domain.state.RallyState;

/**
 * The operator window's top: the bar with the rally's name, the role of the person signed in and
 * the buttons (home, console, audience, help, close), and under it the status strip (the track,
 * the cloud copy, the USB backup). Buttons that need a rally hide without one; racing controls
 * hide from a registrar or check-in volunteer.
 */
final class TopBar {

    private final Label rallyLabel = Ui.label("RallyLab", "big");
    private final Label trackBadge = Ui.label("", "track-badge");
    private final Label roleBadge = Ui.label("", "role-badge");
    private final HBox statusStrip = new HBox(18);
    private final List<Node> rallyOnly = new ArrayList<>();
    private final List<Node> raceOnly;
    private final VBox view;

    TopBar(Navigator go, Supplier<AudienceWindow> audience, NoticeBar notices) {
        rallyLabel.setId("top-rally");
        rallyLabel.setWrapText(true); // a long rally name takes two lines beside the buttons, never "…"
        rallyLabel.setMinHeight(Region.USE_PREF_SIZE);
        trackBadge.setId("track-badge");
        Button home = Ui.button("Rally home", "top-home", Keys.HOME, go::home);
        Button console = Ui.button("Race console", "top-console", Keys.CONSOLE, go::console);
        AudienceMenu audienceMenu = new AudienceMenu(audience, go);
        Button help = Ui.button("Help", "top-help", Keys.HELP, go::help);
        Button close = Ui.button("Close rally", "top-close", go::closeRally);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        roleBadge.setId("top-role");
        roleBadge.managedProperty().bind(roleBadge.visibleProperty());
        roleBadge.setVisible(false);
        HBox bar = new HBox(10, rallyLabel, roleBadge, spacer, home, console, audienceMenu.view(), help, close);
        rallyOnly.addAll(List.of(trackBadge, home, console, audienceMenu.view(), close));
        raceOnly = List.of(trackBadge, console, audienceMenu.view());
        rallyOnly.forEach(n -> n.managedProperty().bind(n.visibleProperty()));
        for (Region control : List.of(trackBadge, home, console, audienceMenu.view(), help, close)) {
            control.setMinWidth(Region.USE_PREF_SIZE); // the rally's name makes room (it wraps)
        }
        bar.getStyleClass().add("top-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        statusStrip.getStyleClass().addAll("top-bar", "status-strip");
        statusStrip.setAlignment(Pos.CENTER_LEFT);
        statusStrip.getChildren().add(trackBadge);
        view = new VBox(bar, statusStrip, notices.view());
    }

    VBox view() {
        return view;
    }

    /** No rally is open: the bar says RallyLab and hides what needs a rally. */
    void noRally() {
        rallyLabel.setText("RallyLab");
        trackBadge.setText("");
        rallyOnly.forEach(n -> n.setVisible(false));
    }

    /** A rally is open under {@code name}. */
    void rally(String name) {
        rallyOnly.forEach(n -> n.setVisible(true));
        rallyLabel.setText(name);
    }

    String rallyName() {
        return rallyLabel.getText();
    }

    /**
     * Says whose laptop this is when a role limits it ("registrar of Kub Kars") and hides the
     * racing controls from such a role; {@code state} is null when no rally is open.
     */
    void role(Access access, RallyState state) {
        boolean limited = state != null && !access.wholeRally();
        roleBadge.setVisible(limited);
        roleBadge.setMinWidth(Region.USE_PREF_SIZE);
        raceOnly.forEach(n -> n.setVisible(state != null && access.wholeRally()));
        roleBadge.setText(limited ? access.email() + ": " + access.describe(state) : "");
    }

    /** The track badge: connected, disconnected, or manual mode. */
    void track(LoopState loop) {
        trackBadge.getStyleClass().removeAll("status-ok", "status-warn", "status-bad");
        if (loop.manual() && !loop.trackAttached()) {
            trackBadge.setText("No track: manual mode");
            trackBadge.getStyleClass().add("status-warn");
        } else if (loop.manual()) {
            trackBadge.setText("Manual mode");
            trackBadge.getStyleClass().add("status-warn");
        } else if (loop.track() != null && loop.track().connected()) {
            trackBadge.setText("Track connected");
            trackBadge.getStyleClass().add("status-ok");
        } else {
            trackBadge.setText("Track disconnected");
            trackBadge.getStyleClass().add("status-bad");
        }
    }

    /** Puts a badge in the status strip right after the track's. */
    void besideTrack(Node badge) {
        statusStrip.getChildren().add(statusStrip.getChildren().indexOf(trackBadge) + 1, badge);
    }

    /** Puts a badge at the end of the status strip. */
    void status(Node badge) {
        statusStrip.getChildren().add(badge);
    }
}
