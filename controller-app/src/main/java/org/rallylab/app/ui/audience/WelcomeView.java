package org.rallylab.app.ui.audience;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.FontWeight;
import org.rallylab.app.race.AudienceMessage;

/** SHOW_WELCOME: the rally's name, huge (on up to two lines), and "Cars are checking in". */
final class WelcomeView implements ScreenView {

    private final VBox box;

    WelcomeView(AudienceMessage.Welcome welcome, Fit fit) {
        FitText name = new FitText(welcome.rallyName(), 3.2, FontWeight.BOLD, fit, true, "welcome-name");
        name.setId("welcome-name");
        name.setMaxWidth(Double.MAX_VALUE);
        name.setStyle("-fx-pref-height: 9em;"); // two lines of its full size
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
