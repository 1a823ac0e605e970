package org.rallylab.app.ui.dialogs;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.stage.Window;
import org.rallylab.app.ui.LanePicker;

/**
 * "Change lanes": race on another lane set from now on (a lane's sensor died, a lane is
 * repaired). The caller executes {@code Command.ChangeLanes(section, answer.lanes(), answer.reason())}.
 */
public final class ChangeLanesDialog {

    /** The lanes to race on from now on, ascending, and why. */
    public record Answer(List<Integer> lanes, String reason) {
        public Answer {
            lanes = List.copyOf(lanes);
        }
    }

    /** The quick picks offered under the reason field. */
    public static final String[] QUICK_PICKS = {"Lane sensor failed", "Lane damaged", "Lane repaired"};

    private ChangeLanesDialog() {
    }

    /**
     * The new lanes, or empty when cancelled. {@code trackLanes}: the track's lane count;
     * {@code current}: the lanes in use now.
     */
    public static Optional<Answer> ask(Window owner, int trackLanes, List<Integer> current) {
        FormDialog<Answer> form = new FormDialog<>(owner, "Change lanes", "Which lanes race from now on?",
                "Change lanes");
        LanePicker picker = new LanePicker(trackLanes, current);
        picker.setId("lane-picker");
        Label now = new Label("In use now: lanes " + list(current) + ". Tab to a lane and press Space to tick it.");
        now.setWrapText(true);
        Label oneLane = Notes.warn("With one lane, each heat races one car alone: the cars are ranked by their "
                + "times only.");
        oneLane.setId("one-lane-warning");
        oneLane.visibleProperty().bind(picker.selectedLanesProperty().map(l -> l.size() == 1));
        oneLane.managedProperty().bind(oneLane.visibleProperty());
        ReasonField reason = new ReasonField("Why do the lanes change?", QUICK_PICKS);
        form.add(now, picker, oneLane, reason,
                Notes.note("The heats not raced yet are rescheduled on the new lanes. A heat waiting on the track "
                        + "is staged again with the new lanes; results already raced stay."))
            .focusFirst(picker.getChildren().isEmpty() ? reason.field() : firstBox(picker))
            .check(() -> {
                List<Integer> lanes = picker.selectedLanes();
                if (lanes.isEmpty()) {
                    return Outcome.refuse("Choose at least one lane to race on.", firstBox(picker));
                }
                if (lanes.equals(List.copyOf(current.stream().sorted().toList()))) {
                    return Outcome.missing("Lanes " + list(lanes) + " are already in use: tick the lanes to race "
                            + "on from now on, or cancel.", firstBox(picker));
                }
                if (reason.isBlank() || reason.isEmptyWord()) {
                    return Outcome.missing("Say why the lanes change: type a reason or pick one.", reason.field());
                }
                return Outcome.ok(new Answer(lanes, reason.reason()));
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
