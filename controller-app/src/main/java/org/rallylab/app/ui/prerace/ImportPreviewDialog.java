package org.rallylab.app.ui.prerace;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.rallylab.app.prerace.ImportPreview;

/**
 * Shows what importing a roster file will do before anything is written: the rows to add with
 * their car numbers, the rows skipped as duplicates and why, and the rows that cannot be
 * imported with their problem. "Import N participants" confirms.
 */
public final class ImportPreviewDialog {

    private ImportPreviewDialog() {
    }

    /** Shows {@code preview} for {@code sectionName}; true when the operator chose to import. */
    public static boolean ask(Window owner, String sectionName, ImportPreview preview) {
        int adding = preview.additions().size();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle("Import roster into " + sectionName);
        dialog.setResizable(true);
        FormDialog.style(dialog.getDialogPane());
        ButtonType importType = new ButtonType(adding == 0 ? "Nothing to import"
                : "_Import " + adding + (adding == 1 ? " participant" : " participants"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(importType, ButtonType.CANCEL);
        Button importButton = (Button) dialog.getDialogPane().lookupButton(importType);
        importButton.setId("import-confirm");
        importButton.getStyleClass().add("primary");
        importButton.setDisable(adding == 0);
        dialog.getDialogPane().lookupButton(ButtonType.CANCEL).setId("import-cancel");

        Label heading = new Label("Import into " + sectionName);
        heading.getStyleClass().add("section-title");
        Label summary = new Label(summary(preview));
        summary.setId("import-summary");
        summary.setWrapText(true);
        VBox body = new VBox(12, heading, summary);
        if (!preview.inOtherSections().isEmpty()) {
            body.getChildren().addAll(title("Already in another section (" + preview.inOtherSections().size() + "):"
                            + " is this the right section? They are added if you import"),
                    messages("import-elsewhere", preview.inOtherSections(), "status-warn", ""));
        }
        body.getChildren().addAll(
                title("Will be added (" + adding + ")"), additions(preview),
                title("Skipped: already on the roster or repeated in the file (" + preview.duplicates().size() + ")"),
                messages("import-duplicates", preview.duplicates(), "status-warn", "No duplicates."),
                title("Not imported: fix these rows in the file if they matter (" + preview.invalid().size() + ")"),
                messages("import-invalid", preview.invalid(), "status-bad", "No problems."));
        body.getStyleClass().add("form-body");
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("import-scroll");
        scroll.setPrefSize(940, 600);
        dialog.getDialogPane().setContent(scroll);
        return dialog.showAndWait().filter(importType::equals).isPresent();
    }

    private static String summary(ImportPreview p) {
        return p.additions().size() + " to add, " + p.duplicates().size() + " skipped as duplicates, "
                + p.invalid().size() + " with problems" + (p.inOtherSections().isEmpty() ? ""
                : ", " + p.inOtherSections().size() + " already in another section") + ". Nothing is written until"
                + " you choose Import.";
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("import-part");
        l.setWrapText(true);
        return l;
    }

    private static Node additions(ImportPreview preview) {
        TableView<ImportPreview.Addition> table = new TableView<>();
        table.setId("import-additions");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().add(column("Row", 70, a -> String.valueOf(a.row().rowNumber())));
        table.getColumns().add(column("Car", 170, a -> a.numberFromFile() ? a.carNumber()
                : a.carNumber() + " (next free)"));
        table.getColumns().add(column("Name", 330, a -> a.row().name()));
        table.getColumns().add(column("Group", 250, a -> a.row().groupName() == null ? "" : a.row().groupName()));
        table.getItems().setAll(preview.additions());
        table.setPlaceholder(new Label("Nobody new to add from this file."));
        table.setFixedCellSize(34);
        table.setPrefHeight(Math.min(8, Math.max(2, preview.additions().size())) * 34 + 42);
        table.setMinHeight(table.getPrefHeight());
        return table;
    }

    private static TableColumn<ImportPreview.Addition, String> column(String name, double width,
            java.util.function.Function<ImportPreview.Addition, String> text) {
        TableColumn<ImportPreview.Addition, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        return c;
    }

    private static Node messages(String id, List<ImportPreview.Skipped> rows, String style, String none) {
        VBox box = new VBox(4);
        box.setId(id);
        if (rows.isEmpty()) {
            Label l = new Label(none);
            l.getStyleClass().add("muted");
            box.getChildren().add(l);
        }
        for (ImportPreview.Skipped s : rows) {
            Label l = new Label(s.message());
            l.getStyleClass().addAll(style, "import-message");
            l.setWrapText(true);
            box.getChildren().add(l);
        }
        return box;
    }
}
