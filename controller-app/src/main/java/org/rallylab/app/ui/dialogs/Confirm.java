package org.rallylab.app.ui.dialogs;

import java.util.Optional;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.rallylab.app.race.Subscription;
import org.rallylab.app.ui.Ui;

/**
 * A yes/no question before something that cannot be undone ("End section now"). Cancel is the
 * default: Enter or Escape cancel; the action needs Tab to its button, then Enter or Space
 * ({@code #confirm-action}, {@code #dialog-cancel}). A race-day question watches the
 * {@link RaceMoment} it was asked for: once racing moves on under it, it says so
 * ({@code #dialog-error}) and the action is refused.
 */
public final class Confirm {

    private Confirm() {
    }

    /** True only when the operator pressed the action's button. */
    public static boolean ask(Window owner, String title, String message, String confirmText) {
        return ask(owner, title, message, confirmText, null);
    }

    /**
     * True only when the operator pressed the action's button while {@code moment} (null: none) had
     * not moved on.
     */
    public static boolean ask(Window owner, String title, String message, String confirmText, RaceMoment moment) {
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
        Label movedOn = new Label();
        movedOn.setId("dialog-error");
        movedOn.getStyleClass().addAll("dialog-error", "status-bad");
        movedOn.setWrapText(true);
        movedOn.setMinHeight(Label.USE_PREF_SIZE);
        movedOn.managedProperty().bind(movedOn.visibleProperty());
        movedOn.setVisible(false);
        pane.setContent(new VBox(14, heading, text, movedOn));
        Runnable recheck = () -> {
            Optional<String> why = moment == null ? Optional.empty() : moment.movedOn();
            movedOn.setText(why.orElse(""));
            movedOn.setVisible(why.isPresent());
            act.setDisable(why.isPresent());
        };
        recheck.run();
        act.addEventFilter(ActionEvent.ACTION, e -> {
            recheck.run();
            if (act.isDisabled()) {
                e.consume();
            }
        });
        pane.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && pane.getScene() != null
                    && pane.getScene().getFocusOwner() instanceof Button b) {
                b.fire();
                e.consume();
            }
        });
        dialog.setResultConverter(type -> type == action && !act.isDisabled());
        dialog.setOnShown(e -> Platform.runLater(cancel::requestFocus));
        if (moment == null) {
            return dialog.showAndWait().orElse(false);
        }
        try (Subscription listening = moment.onChange(recheck)) {
            return dialog.showAndWait().orElse(false);
        }
    }
}
