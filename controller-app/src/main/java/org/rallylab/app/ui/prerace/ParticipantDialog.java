package org.rallylab.app.ui.prerace;

import java.util.List;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import org.rallylab.domain.command.Decision;

/**
 * Adds a participant or fixes one: name (required), car number (new participants only; blank
 * gives the next free number) and group (optional; a new name creates the group). Saving goes
 * through the rules; a refusal keeps the form open with its message.
 */
final class ParticipantDialog {

    /** What the form holds: {@code carNumber} and {@code groupName} are blank when not given. */
    record Form(String name, String carNumber, String groupName) {
    }

    private ParticipantDialog() {
    }

    /**
     * Shows the form. {@code existing} false: a new participant (the car number may be typed);
     * true: the car number is shown but never changes. {@code save} executes and answers.
     */
    static boolean ask(Window owner, String title, Form initial, boolean existing, List<String> groupNames,
                       Function<Form, Decision> save) {
        TextField name = new TextField(initial.name());
        name.setId("participant-name");
        name.setPrefColumnCount(24);
        TextField car = new TextField(initial.carNumber());
        car.setId("participant-car");
        car.setPrefColumnCount(8);
        car.setDisable(existing);
        ComboBox<String> group = new ComboBox<>();
        group.setId("participant-group");
        group.setEditable(true);
        group.getItems().setAll(groupNames);
        group.setValue(initial.groupName());
        group.getEditor().setText(initial.groupName());
        group.setMaxWidth(Double.MAX_VALUE);

        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMinWidth(360);
        grid.getColumnConstraints().addAll(labels, fields);
        row(grid, 0, "_Name", name, "Required, as it should appear on the screen.");
        row(grid, 2, "_Car number", car, existing
                ? "A car number never changes once it is given."
                : "Leave blank to get the next free number; a label such as B100 is kept as typed.");
        row(grid, 4, "_Group", group, "Optional: the troop or pack. A new name creates the group.");

        FormDialog form = new FormDialog(owner, title, existing ? "_Save" : "_Add", "participant-save", grid);
        form.clearProblemOnChange(name.textProperty(), car.textProperty(), group.getEditor().textProperty());
        form.onSave(() -> {
            if (name.getText().isBlank()) {
                return "Type the participant's name.";
            }
            String groupText = group.getEditor().getText();
            Decision d = save.apply(new Form(name.getText().strip(), car.getText().strip(),
                    groupText == null ? "" : groupText.strip()));
            return d instanceof Decision.Rejected || d instanceof Decision.Held ? d.message() : null;
        });
        Platform.runLater(name::requestFocus);
        return form.showAndWait();
    }

    private static void row(GridPane grid, int row, String text, javafx.scene.control.Control field, String hint) {
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        Label help = new Label(hint);
        help.getStyleClass().addAll("muted", "field-hint");
        help.setWrapText(true);
        help.setMaxWidth(460);
        grid.add(label, 0, row);
        grid.add(field, 1, row);
        grid.add(help, 1, row + 1);
    }
}
