package org.rallylab.app.ui.audience;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import org.rallylab.app.race.AudienceMessage;

/** SHOW_WELCOME: the rally's name, huge, and "Cars are checking in". */
final class WelcomeView implements ScreenView {

    private final VBox box;

    WelcomeView(AudienceMessage.Welcome welcome) {
        Label name = Cells.text(welcome.rallyName(), "welcome-name");
        name.setId("welcome-name");
        name.setWrapText(true);
        name.setTextAlignment(TextAlignment.CENTER);
        name.setMinWidth(0);
        Label sub = Cells.text("Cars are checking in", "welcome-sub");
        sub.setId("welcome-sub");
        box = new VBox(name, sub);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().addAll("screen", "welcome");
    }

    @Override
    public Node node() {
        return box;
    }
}
