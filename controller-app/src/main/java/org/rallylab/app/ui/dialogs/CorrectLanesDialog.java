package org.rallylab.app.ui.dialogs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javafx.beans.Observable;
import javafx.scene.control.ComboBox;
import javafx.stage.Window;
import org.rallylab.app.race.RallySession;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.roster.CarNumbers;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.schedule.LaneAssignment;
import org.rallylab.domain.state.SectionState;

/**
 * "Correct lanes": who was really in each lane of a staged or raced heat (cars lined up in the
 * wrong lanes). Times stay with their lanes. Returns the correction the rules accept; the caller
 * executes it.
 */
public final class CorrectLanesDialog {

    /** The quick picks offered under the reason field. */
    public static final String[] QUICK_PICKS = {"Cars staged in the wrong lanes", "Two cars swapped lanes"};

    private CorrectLanesDialog() {
    }

    /**
     * The corrected lanes of heat {@code heat} of {@code sectionId}, or empty when cancelled.
     * {@code heat} must be in the section's schedule (a staged or raced heat).
     */
    public static Optional<Command.CorrectLanes> ask(Window owner, RallySession session, String sectionId, int heat) {
        SectionState section = session.state().section(sectionId).orElseThrow(() -> new IllegalArgumentException(
                "there is no section " + sectionId));
        Heat staged = section.heat(heat).orElseThrow(() -> new IllegalArgumentException(
                "heat " + heat + " is not in the schedule of " + section.sectionName()));
        List<String> choices = new ArrayList<>(section.racingCars());
        for (String car : staged.cars()) {
            if (!choices.contains(car)) {
                choices.add(car); // a car removed since: it can still have been in the lane back then
            }
        }
        choices.sort(CarNumbers.NATURAL);

        FormDialog<Command.CorrectLanes> form = new FormDialog<>(owner, "Correct lanes of heat " + heat,
                "Who was really in each lane of heat " + heat + " of " + section.sectionName() + "?",
                "Correct lanes");
        LaneGrid grid = new LaneGrid("Staged", "Name", "Really in the lane");
        Map<Integer, ComboBox<String>> boxes = new LinkedHashMap<>();
        for (LaneAssignment a : staged.lanes()) {
            ComboBox<String> box = new ComboBox<>();
            box.getItems().setAll(choices);
            box.setId("car-lane-" + a.lane());
            Choosers.keyboard(box, car -> carText(section, car));
            box.setValue(a.carNumber());
            box.setPrefWidth(300);
            boxes.put(a.lane(), box);
            grid.lane(a.lane(), a.carNumber(), section.nameOf(a.carNumber()), box);
        }
        ReasonField reason = new ReasonField("Why are the lanes corrected? (optional)", QUICK_PICKS);
        List<Observable> inputs = new ArrayList<>();
        boxes.values().forEach(b -> inputs.add(b.valueProperty()));
        inputs.add(reason.field().textProperty());

        form.add(Notes.note("Times stay with their lanes; only the car in a lane changes. "
                        + "Type a car's number to choose it."), grid, reason)
            .focusFirst(boxes.values().iterator().next())
            .watch(RaceMoment.heat(session, sectionId, heat))
            .check(() -> check(session, sectionId, staged, boxes, reason), inputs.toArray(Observable[]::new));
        return form.showAndWait();
    }

    private static Outcome<Command.CorrectLanes> check(RallySession session, String sectionId, Heat heat,
                                                       Map<Integer, ComboBox<String>> boxes, ReasonField reason) {
        Map<Integer, String> carByLane = new TreeMap<>();
        boolean changed = false;
        for (Map.Entry<Integer, ComboBox<String>> e : boxes.entrySet()) {
            String car = e.getValue().getValue();
            if (car == null) {
                return Outcome.missing("Choose the car in lane " + e.getKey() + ".", e.getValue());
            }
            carByLane.put(e.getKey(), car);
            changed |= !heat.carIn(e.getKey()).orElse("").equals(car);
        }
        Command.CorrectLanes correction = new Command.CorrectLanes(sectionId, heat.number(), carByLane,
                reason.reason());
        Outcome<Command.CorrectLanes> asked = Outcome.asked(session.preview(correction), correction,
                boxes.values().iterator().next());
        // nothing changed yet: the rules' word shows once the operator tries
        return changed || asked.valid() ? asked : Outcome.missing(asked.problem(), asked.where());
    }

    private static String carText(SectionState section, String car) {
        String name = section.nameOf(car);
        return name.isEmpty() ? car : car + "  " + name;
    }
}
