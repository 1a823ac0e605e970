package org.rallylab.app.ui.dialogs;

import java.util.Optional;
import javafx.stage.Window;
import org.rallylab.app.race.RallySession;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.state.SectionState;

/**
 * "Re-run heat N": asks why the heat is raced again (optional, as the rally file has it) and returns
 * the re-run the rules accept; the caller executes it. The dialog refuses once heat N moved on.
 */
public final class RerunDialog {

    /** The quick picks offered under the reason field. */
    public static final String[] QUICK_PICKS = {
        "False start", "Car left the track", "Gate fault", "Sensor missed a car"};

    private RerunDialog() {
    }

    /** The re-run of heat {@code heat} of {@code sectionId}, or empty when cancelled. */
    public static Optional<Command.DeclareRerun> ask(Window owner, RallySession session, String sectionId, int heat) {
        String sectionName = session.state().section(sectionId).map(SectionState::sectionName).orElse(sectionId);
        FormDialog<Command.DeclareRerun> form = new FormDialog<>(owner, "Re-run heat " + heat,
                "Re-run heat " + heat + " of " + sectionName + "?", "Re-run heat " + heat);
        ReasonField reason = new ReasonField("Why is the heat raced again? (optional)", QUICK_PICKS);
        form.add(Notes.note("Its result is set aside and heat " + heat + " is staged again with the same cars "
                + "in the same lanes."), reason)
            .focusFirst(reason.field())
            .watch(RaceMoment.heat(session, sectionId, heat))
            .check(() -> {
                Command.DeclareRerun rerun = new Command.DeclareRerun(sectionId, heat, reason.reason());
                return Outcome.asked(session.preview(rerun), rerun, reason.field());
            }, reason.field().textProperty());
        return form.showAndWait();
    }
}
