package org.rallylab.app.ui.audience;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.rallylab.app.race.AudienceMessage;
import org.rallylab.app.race.AudienceMessage.LaneSensor;

/**
 * SHOW_TRACK_STATUS: a banner over the bottom of the screen telling the track operator what to
 * do ("Reset the gate."), "Track disconnected" when it is, and each lane's finish sensor in words.
 */
final class TrackStatusBanner {

    private TrackStatusBanner() {
    }

    static VBox of(AudienceMessage.TrackStatus status) {
        VBox banner = new VBox();
        banner.setId("overlay-banner");
        banner.getStyleClass().addAll("track-banner", status.connected() ? "track-warn" : "track-bad");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setMaxHeight(Region.USE_PREF_SIZE);
        if (!status.connected()) {
            Label off = Cells.text("Track disconnected", "banner-heading");
            off.setId("overlay-disconnected");
            banner.getChildren().add(off);
        }
        Label message = Cells.text(status.message(), "banner-message");
        message.setId("overlay-message");
        message.setWrapText(true);
        message.setMinWidth(0);
        banner.getChildren().add(message);

        FlowPane chips = new FlowPane();
        chips.getStyleClass().add("sensor-chips");
        if (status.gateReady() != null) {
            Label gate = Cells.text(status.gateReady() ? "Gate: ready" : "Gate: not ready",
                    "sensor-chip", status.gateReady() ? "chip-ok" : "chip-bad");
            gate.setId("sensor-gate");
            chips.getChildren().add(gate);
        }
        for (LaneSensor lane : status.lanes()) {
            Label chip = Cells.text("Lane " + lane.lane() + ": " + (lane.triggered() ? "blocked" : "clear"),
                    "sensor-chip", lane.triggered() ? "chip-bad" : "chip-ok");
            chip.setId("sensor-lane-" + lane.lane());
            chips.getChildren().add(chip);
        }
        if (!chips.getChildren().isEmpty()) {
            banner.getChildren().add(chips);
        }
        return banner;
    }
}
