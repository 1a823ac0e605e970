package org.rallylab.app.ui.dialogs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javafx.beans.Observable;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.schedule.LaneAssignment;
import org.rallylab.domain.scoring.ImpossibleTimes;
import org.rallylab.domain.state.SectionState;

/**
 * Manual timing: the time of each lane of the heat in seconds, read off a stopwatch or the
 * track's display. The caller passes the answer to {@code RaceLoop.enterTimes}.
 */
public final class ManualTimesDialog {

    private ManualTimesDialog() {
    }

    /** Lane to time in ms for the lanes that finished (DNF lanes left out); empty when cancelled. */
    public static Optional<Map<Integer, Long>> ask(Window owner, String sectionName, Heat heat,
                                                   SectionState section) {
        int timeoutMs = section.raceTimeoutMs();
        FormDialog<Map<Integer, Long>> form = new FormDialog<>(owner, "Enter times of heat " + heat.number(),
                "Enter the times of heat " + heat.number() + " of " + sectionName, "Save times");
        LaneGrid grid = new LaneGrid("Time (seconds)");
        Map<Integer, TextField> fields = new LinkedHashMap<>();
        for (LaneAssignment a : heat.lanes()) {
            TextField field = new TextField();
            field.setId("time-lane-" + a.lane());
            field.setPromptText("2.853 or DNF");
            field.setPrefColumnCount(8);
            fields.put(a.lane(), field);
            grid.lane(a.lane(), a.carNumber(), section.nameOf(a.carNumber()), field);
        }
        form.add(Notes.note("Seconds with a point or a comma (2.853 or 2,853). Leave a lane blank or type DNF "
                + "when its car did not finish. Times over the " + ImpossibleTimes.seconds(timeoutMs)
                + " race timeout are refused."), grid)
            .focusFirst(fields.values().iterator().next())
            .check(() -> check(fields, heat, timeoutMs), fields.values().stream().map(TextField::textProperty)
                    .toArray(Observable[]::new));
        return form.showAndWait();
    }

    private static Outcome<Map<Integer, Long>> check(Map<Integer, TextField> fields, Heat heat, int timeoutMs) {
        Map<Integer, Long> times = new TreeMap<>();
        for (Map.Entry<Integer, TextField> e : fields.entrySet()) {
            TimeEntry.Reading reading = TimeEntry.read(e.getKey(), e.getValue().getText(), timeoutMs);
            if (reading.problem() != null) {
                // shown once the operator confirms, not while a time is half typed
                return Outcome.missing(reading.problem(), e.getValue());
            }
            reading.ms().ifPresent(ms -> times.put(e.getKey(), ms));
        }
        if (times.isEmpty()) {
            return Outcome.missing("Type the time of at least one car. If no car finished, it was a gate fault: "
                    + "cancel and race heat " + heat.number() + " again.", fields.values().iterator().next());
        }
        return Outcome.ok(Map.copyOf(times));
    }
}
