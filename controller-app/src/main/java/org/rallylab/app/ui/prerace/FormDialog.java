package org.rallylab.app.ui.prerace;

import java.util.Objects;
import java.util.function.Supplier;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.rallylab.app.ui.Ui;

/**
 * A small modal form: content, a line for what is wrong, and Save / Cancel (Enter / Escape).
 * Save runs a check first; when the check names a problem the form stays open and shows it.
 */
final class FormDialog {

    /** The pre-race screens' own styles, added after the operator stylesheet. */
    static final String STYLESHEET = Objects.requireNonNull(
            FormDialog.class.getResource("prerace.css"), "prerace.css").toExternalForm();

    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final ButtonType save;
    private final Label problem = new Label();

    FormDialog(Window owner, String title, String saveText, String saveId, Node content) {
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle(title);
        dialog.setResizable(true);
        save = new ButtonType(saveText, ButtonBar.ButtonData.OK_DONE);
        DialogPane pane = dialog.getDialogPane();
        style(pane);
        pane.getButtonTypes().addAll(save, ButtonType.CANCEL);
        ((Button) pane.lookupButton(save)).setId(saveId);
        ((Button) pane.lookupButton(save)).getStyleClass().add("primary");
        pane.lookupButton(ButtonType.CANCEL).setId("form-cancel");
        problem.setId("form-problem");
        problem.getStyleClass().addAll("status-bad", "form-problem");
        problem.setWrapText(true);
        problem.setManaged(false);
        problem.setVisible(false);
        Label heading = new Label(title);
        heading.getStyleClass().add("section-title");
        heading.setWrapText(true);
        VBox body = new VBox(14, heading, content, problem);
        body.getStyleClass().add("form-body");
        pane.setContent(body);
    }

    /** Gives a dialog pane the operator stylesheet and ours. */
    static void style(DialogPane pane) {
        pane.getStylesheets().addAll(Ui.STYLESHEET, STYLESHEET);
        pane.getStyleClass().add("prerace-dialog");
    }

    /** {@code check} runs when Save is chosen: null closes the form, a message keeps it open and shows it. */
    void onSave(Supplier<String> check) {
        dialog.getDialogPane().lookupButton(save).addEventFilter(ActionEvent.ACTION, e -> {
            String wrong = check.get();
            if (wrong != null) {
                problem.setText(wrong);
                problem.setManaged(true);
                problem.setVisible(true);
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
                e.consume();
            }
        });
    }

    /** Hides the problem shown when any of {@code fields} changes (the operator is fixing it). */
    void clearProblemOnChange(javafx.beans.Observable... fields) {
        for (javafx.beans.Observable field : fields) {
            field.addListener(o -> {
                problem.setManaged(false);
                problem.setVisible(false);
            });
        }
    }

    Dialog<ButtonType> dialog() {
        return dialog;
    }

    /** Shows the form until it is saved (true) or cancelled (false). */
    boolean showAndWait() {
        return dialog.showAndWait().filter(save::equals).isPresent();
    }
}
