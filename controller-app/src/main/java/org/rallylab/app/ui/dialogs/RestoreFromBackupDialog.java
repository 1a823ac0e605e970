package org.rallylab.app.ui.dialogs;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.rallylab.app.ui.Ui;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.SectionState;
import org.rallylab.store.RallyFile;
import org.rallylab.store.backup.Backup;

/**
 * "Restore from backup": shows what a backup file holds (already checked whole: format, version,
 * count, sha256, every event, the fold) and asks for the new rally file's name. An existing file is
 * never the answer: the default name is a free one next to the others, so both are kept.
 */
public final class RestoreFromBackupDialog {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    private RestoreFromBackupDialog() {
    }

    /** The new rally file to restore {@code backup} into, or empty when cancelled. */
    public static Optional<Path> ask(Window owner, Path backupFile, Backup backup, Path folder) {
        RallyState state = backup.state();
        FormDialog<Path> form = new FormDialog<>(owner, "Restore from backup",
                "Restore " + backup.rallyName() + " from " + backupFile.getFileName() + "?", "Restore");
        Label what = Ui.label(summary(backup, state), "big");
        what.setId("backup-summary");
        what.setWrapText(true);
        TextField name = new TextField(freeName(folder, backup.rallyName()).getFileName().toString());
        name.setId("backup-target");
        name.setPrefColumnCount(32);
        form.add(what, Notes.note("Checked: the file is complete and every event reads back. RallyLab makes a new "
                        + "rally file in " + folder + " and opens it where the rally stopped; no existing file is "
                        + "changed."), Ui.label("New rally file", "muted"), name)
            .focusFirst(name)
            .check(() -> {
                String typed = name.getText().strip();
                if (typed.isEmpty()) {
                    return Outcome.missing("Type a name for the new rally file.", name);
                }
                Path target;
                try {
                    target = folder.resolve(typed.endsWith(RallyFile.EXTENSION) ? typed : typed + RallyFile.EXTENSION);
                } catch (InvalidPathException e) {
                    return Outcome.refuse("\"" + typed + "\" cannot be a file name: " + e.getReason(), name);
                }
                if (Files.exists(target)) {
                    return Outcome.refuse(target.getFileName() + " already exists: choose another name (both are"
                            + " kept; nothing is overwritten).", name);
                }
                return Outcome.ok(target);
            }, name.textProperty());
        return form.showAndWait();
    }

    /** "Spring Rally: 3 sections (Beaver Buggies, Kub Kars, Scout Trucks), 312 events, last one Feb 14 …". */
    static String summary(Backup backup, RallyState state) {
        String sections = state.sections().stream().map(SectionState::sectionName).collect(Collectors.joining(", "));
        int n = state.sections().size();
        return backup.rallyName() + ": " + n + (n == 1 ? " section" : " sections")
                + (n == 0 ? "" : " (" + sections + ")") + ", " + backup.events().size() + " events"
                + backup.lastEventTime().map(t -> ", the last one " + WHEN.format(t)).orElse("")
                + ". Backup written " + WHEN.format(backup.writtenAt()) + ".";
    }

    /** A file name in {@code folder} that is not taken: "Spring-Rally-restored.rallylab", then "-2", "-3" …. */
    public static Path freeName(Path folder, String rallyName) {
        String base = Ui.fileNameOf(rallyName) + "-restored";
        Path candidate = folder.resolve(base + RallyFile.EXTENSION);
        for (int i = 2; Files.exists(candidate); i++) {
            candidate = folder.resolve(base + "-" + i + RallyFile.EXTENSION);
        }
        return candidate;
    }
}
