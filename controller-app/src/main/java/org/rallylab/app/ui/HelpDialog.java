package org.rallylab.app.ui;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** F1: every keyboard shortcut of the window and of the screen shown, and where to read more. */
final class HelpDialog {

    private HelpDialog() {
    }

    static void show(Window owner, List<Shortcut> global, String screenTitle, List<Shortcut> screen) {
        Stage dialog = new Stage();
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle("RallyLab – help");
        VBox box = new VBox(14);
        box.setPadding(new Insets(20));
        box.setId("help");
        box.getChildren().add(Ui.label("Keyboard shortcuts", "screen-title"));
        if (!screen.isEmpty()) {
            box.getChildren().addAll(Ui.label("On this screen (" + screenTitle + ")", "section-title"), table(screen));
        }
        box.getChildren().addAll(Ui.label("Everywhere", "section-title"), table(global));
        Label tips = new Label("Tab moves between controls, Space or Enter presses the focused button, Escape closes "
                + "a dialog. Hover over a button to see its shortcut. Every result is saved in the rally file the "
                + "moment it is recorded: if the laptop stops, start RallyLab again and it continues on the same "
                + "heat. The race-day guide is docs/operator-guide.md.");
        tips.setWrapText(true);
        tips.setMaxWidth(640);
        Button close = Ui.button("Close", "help-close", dialog::close);
        close.setDefaultButton(true);
        close.setCancelButton(true);
        box.getChildren().addAll(tips, close);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        dialog.setScene(Ui.scene(scroll, 720, 640));
        dialog.getScene().setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.F1) {
                dialog.close();
            }
        });
        dialog.show();
        close.requestFocus();
    }

    private static GridPane table(List<Shortcut> shortcuts) {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(6);
        int row = 0;
        for (Shortcut s : shortcuts) {
            grid.add(Ui.label(s.keyText(), "big"), 0, row);
            grid.add(new Label(s.description()), 1, row);
            row++;
        }
        return grid;
    }
}
