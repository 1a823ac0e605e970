package org.rallylab.app.ui.prerace;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.rallylab.app.ui.OperatorContext;
import org.rallylab.app.ui.Ui;
import org.rallylab.domain.state.RallyState;
import org.rallylab.store.roster.RosterPackage;
import org.rallylab.store.roster.RosterPackageJson;

/**
 * Rally setup → "Export roster package…": every section's roster as a roster package (docs/file-formats.md,
 * version 2), the file the organizer keeps or takes to race day, which the browser RallyLab reads
 * too. The file is written whole or not at all.
 */
final class RosterPackageExport {

    private final OperatorContext context;
    private final BiFunction<Window, String, Optional<Path>> chooser;

    RosterPackageExport(OperatorContext context, BiFunction<Window, String, Optional<Path>> chooser) {
        this.context = context;
        this.chooser = chooser;
    }

    /** The save dialog, suggesting {@code suggested} in the rally file's folder. */
    static Optional<Path> chooseFile(Window owner, String suggested) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export roster package");
        chooser.setInitialFileName(suggested);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Roster packages (*.json)", "*.json"));
        File file = chooser.showSaveDialog(owner);
        return Optional.ofNullable(file).map(File::toPath);
    }

    /** Asks where, writes the package, and says what was written; returns the file, if written. */
    Optional<Path> run() {
        RallyState state = context.session().state();
        RosterPackage pkg;
        try {
            pkg = RosterPackage.of(state, Instant.now(context.session().clock()));
        } catch (IllegalArgumentException e) {
            context.notice("The roster package cannot be made: " + e.getMessage());
            return Optional.empty();
        }
        Optional<Path> file = chooser.apply(context.window(), suggestedName(state));
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            RosterPackageJson.writeFile(pkg, file.get());
        } catch (IOException e) {
            context.notice("The roster package could not be written to " + file.get() + ": " + e.getMessage()
                    + ". Nothing else changed; choose another folder.");
            return Optional.empty();
        }
        int people = pkg.sections().stream().mapToInt(s -> s.participants().size()).sum();
        context.notice("Exported " + pkg.sections().size() + (pkg.sections().size() == 1 ? " section" : " sections")
                + " with " + people + (people == 1 ? " participant" : " participants") + " to " + file.get() + ".");
        return file;
    }

    static String suggestedName(RallyState state) {
        return Ui.fileNameOf(state.rallyName()) + "-roster.json";
    }
}
