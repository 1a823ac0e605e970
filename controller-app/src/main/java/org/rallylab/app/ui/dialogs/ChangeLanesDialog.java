package org.rallylab.app.ui.dialogs;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.stage.Window;
import org.rallylab.app.race.RallySession;
import org.rallylab.app.ui.LanePicker;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.state.SectionState;

/**
 * "Change lanes": race on another lane set from now on (a lane's sensor died, a lane is
 * repaired). Returns the lane change the rules accept; the caller executes it.
 */
public final class ChangeLanesDialog {

    /** The quick picks offered under the reason field. */
    public static final String[] QUICK_PICKS = {"Lane sensor failed", "Lane damaged", "Lane repaired"};

    private ChangeLanesDialog() {
    }

    /**
     * The lane change for {@code sectionId}, or empty when cancelled. {@code trackLanes}: the track's
     * lane count.
     */
    public static Optional<Command.ChangeLanes> ask(Window owner, RallySession session, String sectionId,
                                                    int trackLanes) {
        List<Integer> current = session.state().section(sectionId).map(SectionState::lanes).orElse(List.of());
        FormDialog<Command.ChangeLanes> form = new FormDialog<>(owner, "Change lanes",
                "Which lanes race from now on?", "Change lanes");
        LanePicker picker = new LanePicker(trackLanes, current);
        picker.setId("lane-picker");
        Label now = new Label("In use now: lanes " + list(current) + ". Tab to a lane and press Space to tick it.");
        now.setWrapText(true);
        Label oneLane = Notes.warn("With one lane, each heat races one car alone: the cars are ranked by their "
                + "times only.");
        oneLane.setId("one-lane-warning");
        oneLane.visibleProperty().bind(picker.selectedLanesProperty().map(l -> l.size() == 1));
        oneLane.managedProperty().bind(oneLane.visibleProperty());
        ReasonField reason = new ReasonField("Why do the lanes change? (optional)", QUICK_PICKS);
        form.add(now, picker, oneLane, reason,
                Notes.note("The heats not raced yet are rescheduled on the new lanes. A heat waiting on the track "
                        + "is staged again with the new lanes; results already raced stay."))
            .focusFirst(picker.getChildren().isEmpty() ? reason.field() : firstBox(picker))
            .watch(RaceMoment.section(session, sectionId))
            .check(() -> {
                List<Integer> lanes = picker.selectedLanes();
                Command.ChangeLanes change = new Command.ChangeLanes(sectionId, lanes, reason.reason());
                Outcome<Command.ChangeLanes> asked = Outcome.asked(session.preview(change), change, firstBox(picker));
                // the lanes in use, not changed yet: the rules' word shows once the operator tries
                return !asked.valid() && lanes.equals(current) ? Outcome.missing(asked.problem(), asked.where())
                        : asked;
            }, picker.selectedLanesProperty(), reason.field().textProperty());
        return form.showAndWait();
    }

    private static CheckBox firstBox(LanePicker picker) {
        return (CheckBox) picker.getChildren().get(0);
    }

    private static String list(List<Integer> lanes) {
        return lanes.stream().sorted().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
