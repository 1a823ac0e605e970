package org.rallylab.app.ui.dialogs;

import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.rallylab.app.ui.Ui;

/**
 * A yes/no question before something that cannot be undone ("End section now"). Cancel is the
 * default: Enter or Escape cancel; the action needs Tab to its button, then Enter or Space
 * ({@code #confirm-action}, {@code #dialog-cancel}).
 */
public final class Confirm {

    private Confirm() {
    }

    /** True only when the operator pressed the action's button. */
    public static boolean ask(Window owner, String title, String message, String confirmText) {
        Dialog<Boolean> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle(title);
        ButtonType action = new ButtonType(confirmText, ButtonBar.ButtonData.OTHER);
        DialogPane pane = dialog.getDialogPane();
        pane.getStylesheets().addAll(Ui.STYLESHEET, FormDialog.STYLESHEET);
        pane.getStyleClass().add("rally-dialog");
        pane.getButtonTypes().addAll(action, ButtonType.CANCEL);
        Button act = (Button) pane.lookupButton(action);
        act.setId("confirm-action");
        act.getStyleClass().add("danger");
        act.setDefaultButton(false);
        Button cancel = (Button) pane.lookupButton(ButtonType.CANCEL);
        cancel.setId("dialog-cancel");
        cancel.setDefaultButton(true);
        var heading = Ui.label(title, "section-title");
        heading.setId("dialog-heading");
        heading.setWrapText(true);
        var text = Notes.note(message);
        text.setId("confirm-message");
        pane.setContent(new javafx.scene.layout.VBox(14, heading, text));
        pane.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && pane.getScene() != null
                    && pane.getScene().getFocusOwner() instanceof Button b) {
                b.fire();
                e.consume();
            }
        });
        dialog.setResultConverter(type -> type == action);
        dialog.setOnShown(e -> Platform.runLater(cancel::requestFocus));
        return dialog.showAndWait().orElse(false);
    }
}
