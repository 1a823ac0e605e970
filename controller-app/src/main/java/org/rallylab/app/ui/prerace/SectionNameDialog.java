package org.rallylab.app.ui.prerace;

import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.rallylab.domain.command.Decision;

/** Asks for a section's name (a new section, or a new name for one) and saves it through the rules. */
final class SectionNameDialog {

    private SectionNameDialog() {
    }

    /**
     * Shows the form with {@code current} filled in; {@code save} executes the command for a name
     * and returns the decision. A refusal keeps the form open with its message.
     */
    static boolean ask(Window owner, String title, String saveText, String current, Function<String, Decision> save) {
        TextField name = new TextField(current);
        name.setId("section-name-field");
        name.setPrefColumnCount(24);
        name.setPromptText("such as Kub Kars");
        Label label = new Label("Section _name");
        label.setMnemonicParsing(true);
        label.setLabelFor(name);
        Label hint = new Label("Each section has its own roster, heats and winners.");
        hint.getStyleClass().add("muted");
        VBox content = new VBox(6, label, name, hint);
        FormDialog form = new FormDialog(owner, title, saveText, "section-name-save", content);
        form.clearProblemOnChange(name.textProperty());
        form.onSave(() -> {
            if (name.getText().isBlank()) {
                return "Type a name for the section, such as Kub Kars.";
            }
            Decision d = save.apply(name.getText().strip());
            return d instanceof Decision.Rejected || d instanceof Decision.Held ? d.message() : null;
        });
        Platform.runLater(() -> {
            name.requestFocus();
            name.selectAll();
        });
        return form.showAndWait();
    }
}
