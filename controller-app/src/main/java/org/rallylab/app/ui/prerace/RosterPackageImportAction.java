package org.rallylab.app.ui.prerace;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.rallylab.app.prerace.RosterPackageImport;
import org.rallylab.app.ui.OperatorContext;
import org.rallylab.app.ui.RallyOpener;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.state.RallyState;
import org.rallylab.store.InvalidInputException;
import org.rallylab.store.roster.RosterPackage;
import org.rallylab.store.roster.RosterPackageJson;

/**
 * Rally setup → "Import roster package…": choose a roster package (from this RallyLab or the
 * browser RallyLab), see which sections will be loaded for race day and which are skipped and
 * why, and on confirmation load them (one RosterLoaded per section, the section created
 * first when the rally lacks it). A file that cannot be read, or the package of another rally, is
 * reported and nothing is written.
 */
final class RosterPackageImportAction {

    private final OperatorContext context;
    private final Function<Window, Optional<Path>> chooser;

    RosterPackageImportAction(OperatorContext context, Function<Window, Optional<Path>> chooser) {
        this.context = context;
        this.chooser = chooser;
    }

    /** The open-file dialog for roster packages. */
    static Optional<Path> chooseFile(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import roster package");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Roster packages (*.json)", "*.json", "*.JSON"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(owner);
        return Optional.ofNullable(file).map(File::toPath);
    }

    /** Asks for the file, shows the preview, and loads on confirmation; returns whether sections were loaded. */
    boolean run() {
        Optional<Path> file = chooser.apply(context.window());
        if (file.isEmpty()) {
            return false;
        }
        RosterPackage pkg;
        try {
            pkg = RosterPackageJson.readFile(file.get());
        } catch (InvalidInputException e) {
            context.notice(e.getMessage() + " Nothing was imported.");
            return false;
        }
        RosterPackageImport preview = plan(pkg);
        if (preview.refusal().isPresent()) {
            context.notice(preview.refusal().get() + " Nothing was imported.");
            return false;
        }
        if (!RosterPackagePreviewDialog.ask(context.window(), file.get().getFileName().toString(), preview)) {
            return false;
        }
        if (!plan(pkg).commands().equals(preview.commands())) {
            context.notice("The rally changed while the preview was open; import the roster package again to see"
                    + " what it would load now.");
            return false;
        }
        for (Command command : preview.commands()) {
            if (!context.tell(context.session().execute(command))) {
                return false;
            }
        }
        int sections = preview.loads().size();
        int people = preview.participantCount();
        context.notice("Loaded " + sections + (sections == 1 ? " section" : " sections") + " (" + people
                + (people == 1 ? " participant" : " participants") + ") for race day from "
                + file.get().getFileName() + ".");
        return true;
    }

    private RosterPackageImport plan(RosterPackage pkg) {
        RallyState state = context.session().state();
        return RosterPackageImport.of(state, pkg, state.createdBy().orElse(RallyOpener.LOCAL_ORGANIZER));
    }
}
