package org.rallylab.app.ui.dialogs;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * "Why?": a text field ({@code #reason}) with quick-pick buttons that fill it in
 * ({@code #reason-pick-1}, {@code #reason-pick-2}, ...). Tab reaches the buttons; Space or Enter
 * on one fills the field and puts the cursor back in it. The rally file keeps the reason; racing
 * never waits for one (the events' {@code reason} is optional).
 */
final class ReasonField extends VBox {

    private final TextField field = new TextField();

    ReasonField(String question, String... quickPicks) {
        super(8);
        Label label = new Label(question);
        label.setLabelFor(field);
        field.setId("reason");
        field.setPromptText("Type a reason, or pick one below");
        FlowPane picks = new FlowPane(8, 8);
        for (int i = 0; i < quickPicks.length; i++) {
            String pick = quickPicks[i];
            Button b = new Button(pick);
            b.setMnemonicParsing(false);
            b.setId("reason-pick-" + (i + 1));
            b.getStyleClass().add("quick-pick");
            b.setOnAction(e -> {
                field.setText(pick);
                field.requestFocus();
                field.end();
            });
            picks.getChildren().add(b);
        }
        getChildren().addAll(label, field, picks);
    }

    TextField field() {
        return field;
    }

    /** The reason as typed, trimmed ("" when blank: a reason is optional). */
    String reason() {
        return field.getText() == null ? "" : field.getText().strip();
    }
}
