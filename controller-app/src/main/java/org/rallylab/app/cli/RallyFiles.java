package org.rallylab.app.cli;

import java.nio.file.Path;
import java.util.List;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.SectionState;
import org.rallylab.store.RallyFile;
import org.rallylab.store.RallyFileException;

/** Opening rally files and finding sections for the commands. */
final class RallyFiles {

    private RallyFiles() {
    }

    /** The rally's state, read from the file without taking the writer's lock. */
    static RallyState read(Path file) throws RallyFileException {
        try (RallyFile rally = RallyFile.openReadOnly(file)) {
            return rally.rebuild();
        }
    }

    static SectionState section(RallyState state, Path file, String nameOrId) {
        return state.findSection(nameOrId).orElseThrow(() -> {
            List<String> names = state.sections().stream().map(SectionState::sectionName).toList();
            long same = names.stream().filter(n -> n.equalsIgnoreCase(nameOrId.strip())).count();
            if (same > 1) {
                return new InvalidInput("More than one section of " + file.getFileName() + " is named \"" + nameOrId
                        + "\"; give its id instead (see: rallylab state " + file + ").");
            }
            return new InvalidInput("No section \"" + nameOrId + "\" in " + file.getFileName()
                    + (names.isEmpty() ? "; it has no sections." : "; its sections are: " + String.join(", ", names) + "."));
        });
    }
}
