package org.rallylab.app.ui.dialogs;

import java.util.Optional;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ListView;
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
import org.rallylab.app.ui.Ui;

/**
 * The frame every race-day dialog shares: a window-modal dialog over the operator window with a
 * heading, the form, an inline problem line ({@code #dialog-error}) and OK / Cancel. Enter
 * confirms (or presses the focused button), Escape cancels. OK never closes the dialog while the
 * input has a problem: the problem is shown and the cursor put where it is. A race-day dialog
 * {@linkplain #watch watches} the moment it was opened for: once racing moves on under it, it says so
 * and OK is refused.
 */
final class FormDialog<T> {

    static final String STYLESHEET = FormDialog.class.getResource("dialogs.css").toExternalForm();

    private final Dialog<T> dialog = new Dialog<>();
    private final ButtonType okType;
    private final VBox body = new VBox(14);
    private final Label error = new Label();
    private Supplier<Outcome<T>> check = () -> Outcome.missing("Nothing to confirm.", null);
    private Node first;
    private boolean attempted;
    private RaceMoment moment;

    FormDialog(Window owner, String title, String heading, String okText) {
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle(title);
        dialog.setResizable(true);
        okType = new ButtonType(okText, ButtonBar.ButtonData.OK_DONE);
        DialogPane pane = dialog.getDialogPane();
        pane.getStylesheets().addAll(Ui.STYLESHEET, STYLESHEET);
        pane.getStyleClass().add("rally-dialog");
        pane.getButtonTypes().addAll(okType, ButtonType.CANCEL);
        Button ok = (Button) pane.lookupButton(okType);
        ok.setId("dialog-ok");
        ok.getStyleClass().add("primary");
        ((Button) pane.lookupButton(ButtonType.CANCEL)).setId("dialog-cancel");

        error.setId("dialog-error");
        error.getStyleClass().addAll("dialog-error", "status-bad");
        error.setWrapText(true);
        error.setVisible(false);
        error.setMinHeight(Label.USE_PREF_SIZE);
        error.heightProperty().addListener((o, was, is) -> fitHeight());
        Label head = Ui.label(heading, "section-title");
        head.setWrapText(true);
        head.setId("dialog-heading");
        body.getStyleClass().add("dialog-body");
        body.getChildren().add(head);
        pane.setContent(body);

        ok.addEventFilter(ActionEvent.ACTION, e -> {
            attempted = true;
            Outcome<T> outcome = current();
            show(outcome);
            if (!outcome.valid()) {
                e.consume();
                if (outcome.where() != null) {
                    outcome.where().requestFocus();
                }
            }
        });
        pane.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.ENTER || e.isAltDown() || e.isControlDown() || pane.getScene() == null) {
                return;
            }
            // Enter presses the focused button (Cancel, a quick pick); on a check box, radio button or
            // list (which would swallow it) it confirms; text fields and drop-downs pass it to OK.
            Node focus = pane.getScene().getFocusOwner();
            if (focus instanceof Button b && !b.isDefaultButton() && !b.isDisabled()) {
                b.fire();
                e.consume();
            } else if (focus instanceof ButtonBase && !(focus instanceof Button) || focus instanceof ListView) {
                ok.fire();
                e.consume();
            }
        });
        dialog.setResultConverter(type -> {
            if (type != okType) {
                return null;
            }
            Outcome<T> outcome = current();
            return outcome.valid() ? outcome.value() : null;
        });
        dialog.setOnShown(e -> {
            if (first != null) {
                Platform.runLater(first::requestFocus);
            }
        });
    }

    /** Adds rows to the form, after the heading. */
    FormDialog<T> add(Node... nodes) {
        body.getChildren().addAll(nodes);
        return this;
    }

    /** The control the cursor starts in. */
    FormDialog<T> focusFirst(Node node) {
        first = node;
        return this;
    }

    /**
     * How the input is checked; it is checked again whenever one of {@code inputs} changes, so
     * a problem disappears as soon as it is fixed.
     */
    FormDialog<T> check(Supplier<Outcome<T>> check, Observable... inputs) {
        this.check = check;
        for (Observable input : inputs) {
            input.addListener(o -> recheck());
        }
        return this;
    }

    /**
     * The section and heat this dialog was opened for: while it shows, every change of the rally is
     * checked against it, and once racing has moved on the dialog says what happened and OK is
     * refused (cancel is all that is left).
     */
    FormDialog<T> watch(RaceMoment moment) {
        this.moment = moment;
        return this;
    }

    /** Checks the input again (after a change no observable reports). */
    void recheck() {
        show(current());
    }

    /** The confirming button ({@code #dialog-ok}), to relabel it or mark it dangerous. */
    Button okButton() {
        return (Button) dialog.getDialogPane().lookupButton(okType);
    }

    /** The dialog itself, for its pane (width) and window. */
    Dialog<T> dialog() {
        return dialog;
    }

    /** Shows the dialog and waits: the answer, or empty when cancelled. */
    Optional<T> showAndWait() {
        body.getChildren().add(error);
        show(current());
        if (moment == null) {
            return dialog.showAndWait();
        }
        try (var listening = moment.onChange(this::recheck)) {
            return dialog.showAndWait();
        }
    }

    /** The input's outcome, unless racing moved on under the dialog: then that is the problem. */
    private Outcome<T> current() {
        Optional<String> movedOn = moment == null ? Optional.empty() : moment.movedOn();
        okButton().setDisable(movedOn.isPresent());
        return movedOn.<Outcome<T>>map(why -> Outcome.refuse(why, null)).orElseGet(check);
    }

    private void show(Outcome<T> outcome) {
        boolean visible = !outcome.valid() && (attempted || !outcome.missing());
        error.setText(visible ? outcome.problem() : "");
        error.setVisible(visible);
        fitHeight();
    }

    /**
     * Grows the window when the form needs more height than it has (a long problem wraps onto more
     * lines), so the buttons are never pushed out of view. Measured with the styles applied: the
     * problem line is bold, and a measure without its font comes out a line short.
     */
    private void fitHeight() {
        DialogPane pane = dialog.getDialogPane();
        if (!dialog.isShowing() || pane.getScene() == null) {
            return;
        }
        pane.applyCss();
        double need = pane.prefHeight(pane.getWidth());
        if (need > pane.getHeight() + 0.5) {
            // both sides at once: GTK refuses a resize that gives only the height ("width > 0"), and
            // the window would stay short
            pane.getScene().getWindow().sizeToScene();
        }
    }
}
