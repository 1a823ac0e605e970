package org.rallylab.app.ui.dialogs;

import java.util.Optional;
import javafx.stage.Window;

/**
 * "Re-run heat N": asks why the heat is raced again. The caller declares the re-run
 * ({@code Command.DeclareRerun}); this dialog only collects the reason.
 */
public final class RerunDialog {

    /** The quick picks offered under the reason field. */
    public static final String[] QUICK_PICKS = {
        "False start", "Car left the track", "Gate fault", "Sensor missed a car"};

    private RerunDialog() {
    }

    /** The reason the operator gave, or empty when cancelled. */
    public static Optional<String> ask(Window owner, String sectionName, int heat) {
        FormDialog<String> form = new FormDialog<>(owner, "Re-run heat " + heat,
                "Re-run heat " + heat + " of " + sectionName + "?", "Re-run heat " + heat);
        ReasonField reason = new ReasonField("Why is the heat raced again?", QUICK_PICKS);
        form.add(Notes.note("Its result is set aside and heat " + heat + " is staged again with the same cars "
                + "in the same lanes."), reason)
            .focusFirst(reason.field())
            .check(() -> {
                if (reason.isBlank() || reason.isEmptyWord()) {
                    return Outcome.missing("Say why heat " + heat + " is re-run: type a reason or pick one.",
                            reason.field());
                }
                return Outcome.ok(reason.reason());
            }, reason.field().textProperty());
        return form.showAndWait();
    }
}
