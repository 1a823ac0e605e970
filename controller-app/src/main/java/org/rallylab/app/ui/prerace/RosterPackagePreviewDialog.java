package org.rallylab.app.ui.prerace;

import java.util.function.Function;
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
import org.rallylab.app.prerace.RosterPackageImport;
import org.rallylab.store.roster.RosterPackage;

/**
 * Shows what importing a roster package will do before anything is written: the sections to load
 * for race day with their participant counts (and which are new to this rally), and the sections
 * skipped with the reason. "Load N sections" confirms.
 */
final class RosterPackagePreviewDialog {

    private RosterPackagePreviewDialog() {
    }

    /** Shows {@code preview} of the package in {@code fileName}; true when the organizer chose to load. */
    static boolean ask(Window owner, String fileName, RosterPackageImport preview) {
        int loading = preview.loads().size();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle("Import roster package " + fileName);
        dialog.setResizable(true);
        FormDialog.style(dialog.getDialogPane());
        ButtonType loadType = new ButtonType(loading == 0 ? "Nothing to load"
                : "_Load " + loading + (loading == 1 ? " section" : " sections"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(loadType, ButtonType.CANCEL);
        Button loadButton = (Button) dialog.getDialogPane().lookupButton(loadType);
        loadButton.setId("package-import-confirm");
        loadButton.getStyleClass().add("primary");
        loadButton.setDisable(loading == 0);
        dialog.getDialogPane().lookupButton(ButtonType.CANCEL).setId("package-import-cancel");

        Label heading = new Label("Import roster package " + fileName);
        heading.getStyleClass().add("section-title");
        heading.setWrapText(true);
        Label about = new Label(about(preview.rosterPackage()));
        about.setId("package-import-rally");
        about.setWrapText(true);
        Label summary = new Label(preview.summary() + " Nothing is written until you choose Load.");
        summary.setId("package-import-summary");
        summary.setWrapText(true);
        VBox body = new VBox(12, heading, about, summary,
                title("Will be loaded for race day (" + loading + ")"), loads(preview),
                title("Skipped (" + preview.skipped().size() + ")"), skipped(preview));
        body.getStyleClass().add("form-body");
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("import-scroll");
        scroll.setPrefSize(820, 520);
        dialog.getDialogPane().setContent(scroll);
        return dialog.showAndWait().filter(loadType::equals).isPresent();
    }

    private static String about(RosterPackage pkg) {
        return "Rally \"" + pkg.rallyName() + "\"" + (pkg.rallyDate() == null ? "" : " on " + pkg.rallyDate())
                + ", exported " + pkg.exportedAt() + ". Loading freezes each roster for check-in and racing;"
                + " groups are not part of a race-day roster.";
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("import-part");
        l.setWrapText(true);
        return l;
    }

    private static Node loads(RosterPackageImport preview) {
        TableView<RosterPackageImport.Load> table = new TableView<>();
        table.setId("package-import-loads");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().add(column("Section", 360, RosterPackageImport.Load::sectionName));
        table.getColumns().add(column("Participants", 160, l -> String.valueOf(l.participantCount())));
        table.getColumns().add(column("", 220, l -> l.createsSection() ? "new section" : "section of this rally"));
        table.getItems().setAll(preview.loads());
        table.setPlaceholder(new Label("No section of this package can be loaded."));
        table.setFixedCellSize(34);
        table.setPrefHeight(Math.min(8, Math.max(2, preview.loads().size())) * 34 + 42);
        table.setMinHeight(table.getPrefHeight());
        return table;
    }

    private static TableColumn<RosterPackageImport.Load, String> column(String name, double width,
            Function<RosterPackageImport.Load, String> text) {
        TableColumn<RosterPackageImport.Load, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        return c;
    }

    private static Node skipped(RosterPackageImport preview) {
        VBox box = new VBox(4);
        box.setId("package-import-skipped");
        if (preview.skipped().isEmpty()) {
            Label l = new Label("None: every section of the package is loaded.");
            l.getStyleClass().add("muted");
            box.getChildren().add(l);
        }
        for (RosterPackageImport.Skipped s : preview.skipped()) {
            Label l = new Label(s.message());
            l.getStyleClass().addAll("status-warn", "import-message");
            l.setWrapText(true);
            box.getChildren().add(l);
        }
        return box;
    }
}
