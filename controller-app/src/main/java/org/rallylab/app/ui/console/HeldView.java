package org.rallylab.app.ui.console;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.rallylab.app.race.HeldRace;
import org.rallylab.app.ui.Ui;

/** A race with an impossible time waiting for the operator: accept the time or race the heat again. */
final class HeldView {

    private HeldView() {
    }

    static Node of(HeldRace held, Runnable accept, Runnable rerun) {
        VBox card = new VBox(10);
        card.getStyleClass().addAll("card", "held-card");
        card.setId("held-race");
        card.getChildren().add(Grid.Cells.label("Heat " + held.heat() + " needs a decision", "section-title"));
        Label message = new Label(held.message());
        message.getStyleClass().add("big");
        message.setWrapText(true);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        card.getChildren().add(message);
        Button acceptButton = Ui.button("Accept time", "accept-held", accept);
        acceptButton.getStyleClass().add("primary");
        Button rerunButton = Ui.button("Re-run heat", "rerun-held", rerun);
        Label help = new Label("Accept if the time is real; otherwise race the heat again (nothing is recorded).");
        help.getStyleClass().add("muted");
        help.setWrapText(true);
        help.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        card.getChildren().addAll(new HBox(12, acceptButton, rerunButton), help);
        return card;
    }
}
