package org.rallylab.app.ui.prerace;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.stage.Modality;
import javafx.stage.Window;

/** A question with a named yes (#confirm-yes) and no (#confirm-no); Escape says no. */
final class Confirm {

    private Confirm() {
    }

    static boolean ask(Window owner, String title, String question, String yes, String no, boolean dangerous) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle(title);
        FormDialog.style(dialog.getDialogPane());
        ButtonType yesType = new ButtonType(yes, ButtonBar.ButtonData.OK_DONE);
        ButtonType noType = new ButtonType(no, ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(yesType, noType);
        Button yesButton = (Button) dialog.getDialogPane().lookupButton(yesType);
        yesButton.setId("confirm-yes");
        yesButton.getStyleClass().add(dangerous ? "danger" : "primary");
        dialog.getDialogPane().lookupButton(noType).setId("confirm-no");
        Label text = new Label(question);
        text.setWrapText(true);
        text.setMaxWidth(560);
        text.getStyleClass().add("confirm-question");
        dialog.getDialogPane().setContent(text);
        return dialog.showAndWait().filter(yesType::equals).isPresent();
    }
}
