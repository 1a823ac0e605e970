package org.rallylab.app.ui.cloud;

import java.util.concurrent.CompletionException;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.rallylab.app.ui.Ui;

/**
 * The frame the cloud dialogs share: a modal window over the operator window with a heading, the
 * form, a line saying what is happening ({@code #cloud-busy}), an inline problem
 * ({@code #cloud-error}) and the buttons. Escape closes it (Cancel).
 */
final class CloudDialog {

    final Stage stage = new Stage();
    private final VBox body = new VBox(14);
    private final Label busy = Ui.label("", "muted");
    private final Label error = Ui.label("", "status-bad");
    private final HBox buttons = new HBox(12);

    CloudDialog(Window owner, String title, String heading) {
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(title);
        Label head = Ui.label(heading, "section-title");
        head.setWrapText(true);
        busy.setId("cloud-busy");
        busy.setWrapText(true);
        error.setId("cloud-error");
        error.setWrapText(true);
        for (Label l : new Label[] {busy, error, head}) {
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.managedProperty().bind(l.visibleProperty());
        }
        busy.setVisible(false);
        error.setVisible(false);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        body.getChildren().add(head);
        body.setPadding(new Insets(20, 24, 20, 24));
        body.setPrefWidth(640);
        stage.setScene(Ui.scene(body, 640, Region.USE_COMPUTED_SIZE));
        stage.getScene().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                stage.close();
            }
        });
    }

    /** Adds rows after the heading. */
    CloudDialog add(Node... nodes) {
        body.getChildren().addAll(nodes);
        return this;
    }

    /** Adds the buttons (right-aligned) and a Cancel ({@code #cloud-cancel}) last. */
    CloudDialog buttons(Button... given) {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        buttons.getChildren().add(spacer);
        buttons.getChildren().addAll(given);
        buttons.getChildren().add(Ui.button("Cancel", "cloud-cancel", stage::close));
        return this;
    }

    /** Shows what is happening ("" hides it) and clears the problem. */
    void busy(String text) {
        busy.setText(text);
        busy.setVisible(!text.isEmpty());
        problem("");
    }

    /** Hides the problem as soon as one of {@code inputs} changes (the operator is fixing it). */
    CloudDialog clearProblemOn(javafx.beans.Observable... inputs) {
        for (javafx.beans.Observable input : inputs) {
            input.addListener(o -> problem(""));
        }
        return this;
    }

    /** Shows a problem ("" hides it). */
    void problem(String text) {
        error.setText(text);
        error.setVisible(!text.isEmpty());
        if (!text.isEmpty()) {
            busy.setVisible(false);
        }
        stage.sizeToScene();
    }

    /** Shows the dialog and waits until it closes. */
    void showAndWait() {
        body.getChildren().addAll(busy, error, buttons);
        stage.sizeToScene();
        stage.showAndWait();
    }

    /** The operator-ready message of a failure from the cloud thread. */
    static String messageOf(Throwable failure) {
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        String message = t.getMessage();
        return message == null || message.isBlank() ? "Something went wrong (" + t.getClass().getSimpleName()
                + "); try again." : message;
    }

    /** A field label over its control. */
    static VBox field(String text, javafx.scene.control.Control control, String hint) {
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(control);
        VBox box = new VBox(4, label, control);
        if (hint != null) {
            Label h = Ui.label(hint, "muted");
            h.setWrapText(true);
            h.setMinHeight(Region.USE_PREF_SIZE);
            box.getChildren().add(h);
        }
        return box;
    }
}
