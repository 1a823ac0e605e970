package org.rallylab.app.ui.prerace;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.rallylab.app.prerace.ImportPreview;
import org.rallylab.app.prerace.RosterRow;
import org.rallylab.app.ui.OperatorContext;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.state.SectionState;

/**
 * Importing a roster file into a section: choose the file, read it off the JavaFX thread with
 * progress and Cancel, show the preview, and on confirmation execute the one ImportParticipants
 * command. A file that cannot be read is reported by name with its problem, and a cancelled read
 * as such; in both cases nothing is written.
 */
final class RosterImport {

    private final OperatorContext context;
    private final Function<Window, Optional<Path>> chooser;
    private final Supplier<String> ids;

    RosterImport(OperatorContext context, Function<Window, Optional<Path>> chooser, Supplier<String> ids) {
        this.context = context;
        this.chooser = chooser;
        this.ids = ids;
    }

    /** The open-file dialog for roster files (CSV and Excel workbooks). */
    static Optional<Path> chooseRosterFile(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import roster from CSV or XLSX");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Roster files (*.csv, *.xlsx)", "*.csv", "*.CSV", "*.xlsx", "*.XLSX"),
                new FileChooser.ExtensionFilter("CSV files (*.csv)", "*.csv", "*.CSV"),
                new FileChooser.ExtensionFilter("Excel workbooks (*.xlsx)", "*.xlsx", "*.XLSX"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(owner);
        return Optional.ofNullable(file).map(File::toPath);
    }

    /**
     * Imports into {@code section}: asks for the file and starts reading it off the JavaFX thread
     * ({@link RosterReadDialog}); the preview follows when the read ends. Returns at once.
     */
    void run(SectionState section) {
        Optional<Path> file = chooser.apply(context.window());
        if (file.isEmpty()) {
            return;
        }
        RosterReadDialog.start(context.window(), file.get(), new RosterReadDialog.Outcome() {
            @Override
            public void read(List<RosterRow> rows) {
                preview(section, file.get(), rows);
            }

            @Override
            public void refused(String message) {
                context.notice(message + " Nothing was imported.");
            }

            @Override
            public void cancelled() {
                context.notice("Import of " + file.get().getFileName() + " cancelled; nothing was imported.");
            }
        });
    }

    /** Shows what the rows would do and, on confirmation, adds them. */
    private void preview(SectionState section, Path file, List<RosterRow> rows) {
        ImportPreview preview = ImportPreview.of(rows, section, context.session().state());
        if (!ImportPreviewDialog.ask(context.window(), section.sectionName(), preview)) {
            return;
        }
        SectionState now = context.session().state().section(section.sectionId()).orElse(null);
        if (now == null || !now.registration().equals(section.registration())) {
            context.notice("The roster of " + section.sectionName() + " changed while the file was read or the"
                    + " preview was open; import the file again to see what it would add now.");
            return;
        }
        for (Command command : preview.commands(ids)) {
            if (!context.tell(context.session().execute(command))) {
                return;
            }
        }
        int added = preview.additions().size();
        context.notice("Added " + added + (added == 1 ? " participant" : " participants") + " to "
                + section.sectionName() + " from " + file.getFileName() + ".");
    }
}
