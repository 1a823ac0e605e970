package org.rallylab.app.ui.prerace;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks what a new rally is called, its date and where its rally file goes. The file is
 * {@code <default folder>/<slug of the name>.rallylab} (never an existing file: -2, -3 ... is
 * added) until the operator picks another place with "Change…".
 */
public final class NewRallyDialog {

    /** The operator's answer: the file does not exist yet. */
    public record Answer(String rallyName, LocalDate date, Path file) {
    }

    private NewRallyDialog() {
    }

    /**
     * Name (required), date (DatePicker, today by default), where to save: default
     * folder/{@code <slug of name>.rallylab} (not overwriting: -2, -3 ...), "Change…" opens a FileChooser.
     */
    public static Optional<Answer> ask(Window owner, Path defaultFolder) {
        return ask(owner, defaultFolder, NewRallyDialog::chooseFile);
    }

    /** {@link #ask(Window, Path)} with the "Change…" chooser given: (owner, suggested file) to the chosen file. */
    static Optional<Answer> ask(Window owner, Path defaultFolder, BiFunction<Window, Path, Optional<Path>> chooser) {
        Objects.requireNonNull(defaultFolder, "defaultFolder");
        TextField name = new TextField();
        name.setId("rally-name");
        name.setPromptText("such as Spring Rally " + LocalDate.now().getYear());
        name.setPrefColumnCount(26);
        DatePicker date = new DatePicker(LocalDate.now());
        date.setId("rally-date");
        date.setMaxWidth(Double.MAX_VALUE);
        Label where = new Label();
        where.setId("rally-file");
        where.setWrapText(true);
        where.setMaxWidth(Double.MAX_VALUE);
        where.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(where, Priority.ALWAYS);
        Path[] chosen = {null};
        Runnable showFile = () -> where.setText((chosen[0] != null ? chosen[0]
                : RallyFileNames.free(defaultFolder, name.getText())).toString());
        name.textProperty().addListener((o, was, now) -> showFile.run());
        showFile.run();
        Button change = new Button("C_hange…");
        change.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        change.setId("rally-file-change");
        HBox file = new HBox(10, where, change);
        file.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(4);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMinWidth(460);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.getColumnConstraints().addAll(labels, fields);
        grid.setPrefWidth(760);
        row(grid, 0, "Rally _name", name, "Required, as the audience will see it.");
        row(grid, 2, "_Date", date, "The race day.");
        row(grid, 4, "Save _in", file, "The rally file holds everything about this rally; keep it safe.")
                .setLabelFor(change);

        FormDialog form = new FormDialog(owner, "New rally", "_Create rally", "rally-create", grid);
        change.setOnAction(e -> chooser.apply(form.dialog().getDialogPane().getScene().getWindow(),
                        chosen[0] != null ? chosen[0] : RallyFileNames.free(defaultFolder, name.getText()))
                .map(RallyFileNames::withExtension).ifPresent(p -> {
                    chosen[0] = p;
                    showFile.run();
                }));
        form.clearProblemOnChange(name.textProperty(), date.getEditor().textProperty(), where.textProperty());
        Answer[] answer = {null};
        form.onSave(() -> {
            if (name.getText().isBlank()) {
                return "Type a name for the rally, such as Spring Rally " + LocalDate.now().getYear() + ".";
            }
            LocalDate day;
            try {
                String typed = date.getEditor().getText();
                day = typed == null || typed.isBlank() ? null : date.getConverter().fromString(typed);
            } catch (DateTimeParseException e) {
                return "The date " + date.getEditor().getText() + " is not a date; pick one from the calendar"
                        + " (Alt+Down opens it).";
            }
            if (day == null) {
                return "Choose the date of the race day.";
            }
            Path target = chosen[0] != null ? chosen[0] : RallyFileNames.free(defaultFolder, name.getText());
            if (Files.exists(target)) {
                return target.getFileName() + " already exists there; choose another name or place with Change….";
            }
            answer[0] = new Answer(name.getText().strip(), day, target);
            return null;
        });
        Platform.runLater(name::requestFocus);
        return form.showAndWait() ? Optional.of(answer[0]) : Optional.empty();
    }

    private static Optional<Path> chooseFile(Window owner, Path suggested) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the new rally file as");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Rally files (*.rallylab)", "*.rallylab"));
        Path folder = suggested.getParent();
        if (folder != null && Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        chooser.setInitialFileName(suggested.getFileName().toString());
        File file = chooser.showSaveDialog(owner);
        return Optional.ofNullable(file).map(File::toPath);
    }

    /** The field's label and hint below it; returns the label. */
    private static Label row(GridPane grid, int row, String text, javafx.scene.Node field, String hint) {
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        if (field instanceof javafx.scene.control.Control c) {
            label.setLabelFor(c);
        }
        Label help = new Label(hint);
        help.getStyleClass().addAll("muted", "field-hint");
        help.setWrapText(true);
        grid.add(label, 0, row);
        grid.add(field, 1, row);
        grid.add(help, 1, row + 1);
        return label;
    }
}
