package org.rallylab.app.ui.dialogs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javafx.beans.Observable;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.rallylab.app.race.RallySession;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.schedule.LaneAssignment;
import org.rallylab.domain.state.SectionState;

/**
 * Manual timing: the time of each lane of the heat on the track in seconds, read off a stopwatch
 * or the track's display. The dialog reads what is typed; which times can be real is the rules'
 * to say (too fast, too slow, beyond any race, however the number was typed), and a time they
 * would hold as impossible is refused here with their words, to be typed again. The caller passes
 * the answer to {@code RaceLoop.enterTimes}.
 */
public final class ManualTimesDialog {

    /** The race id the times are previewed under; the loop records them under an id of its own. */
    private static final String PREVIEW_RACE = "manual-times-preview";

    private ManualTimesDialog() {
    }

    /**
     * Lane to time in ms for the lanes of heat {@code heat} that finished (DNF lanes left out);
     * empty when cancelled. The heat is the one on the track (only its DNF lanes, when they race
     * again).
     */
    public static Optional<Map<Integer, Long>> ask(Window owner, RallySession session, String sectionId, int heat) {
        SectionState section = session.state().section(sectionId).orElseThrow(() -> new IllegalArgumentException(
                "there is no section " + sectionId));
        Heat onTrack = section.heatOnTrack().filter(h -> h.number() == heat).orElseThrow(() ->
                new IllegalArgumentException("heat " + heat + " of " + section.sectionName() + " is not on the track"));
        FormDialog<Map<Integer, Long>> form = new FormDialog<>(owner, "Enter times of heat " + heat,
                "Enter the times of heat " + heat + " of " + section.sectionName(), "Save times");
        LaneGrid grid = new LaneGrid("Time (seconds)");
        Map<Integer, TextField> fields = new LinkedHashMap<>();
        for (LaneAssignment a : onTrack.lanes()) {
            TextField field = new TextField();
            field.setId("time-lane-" + a.lane());
            field.setPromptText("2.853 or DNF");
            field.setPrefColumnCount(8);
            fields.put(a.lane(), field);
            grid.lane(a.lane(), a.carNumber(), section.nameOf(a.carNumber()), field);
        }
        form.add(Notes.note("Seconds with a point or a comma (2.853 or 2,853). Leave a lane blank or type DNF "
                + "when its car did not finish. A time that cannot be real is refused, with the reason."), grid)
            .focusFirst(fields.values().iterator().next())
            .watch(RaceMoment.heat(session, sectionId, heat))
            .check(() -> check(session, sectionId, heat, fields), fields.values().stream()
                    .map(TextField::textProperty).toArray(Observable[]::new));
        return form.showAndWait();
    }

    private static Outcome<Map<Integer, Long>> check(RallySession session, String sectionId, int heat,
                                                     Map<Integer, TextField> fields) {
        Map<Integer, Long> times = new TreeMap<>();
        for (Map.Entry<Integer, TextField> e : fields.entrySet()) {
            TimeEntry.Reading reading = TimeEntry.read(e.getKey(), e.getValue().getText());
            if (reading.problem() != null) {
                // shown once the operator confirms, not while a time is half typed
                return Outcome.missing(reading.problem(), e.getValue());
            }
            reading.ms().ifPresent(ms -> times.put(e.getKey(), ms));
        }
        Decision decision = session.preview(new Command.RecordRace(sectionId, heat, PREVIEW_RACE, times, null, null,
                false));
        if (decision instanceof Decision.Accepted) {
            return Outcome.ok(Map.copyOf(times));
        }
        String problem = decision instanceof Decision.Held held
                ? held.problem() + " Type the time again, or leave the lane blank if its car did not finish."
                : decision.message();
        // like a half-typed time, shown once the operator confirms
        return Outcome.missing(problem, null);
    }
}
