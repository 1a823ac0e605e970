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
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.schedule.LaneAssignment;
import org.rallylab.domain.scoring.HeatPlace;
import org.rallylab.domain.scoring.Scoring;
import org.rallylab.domain.state.SectionState;

/**
 * "Rank by hand": the place each lane of the heat finished in, or DNF, judged by eye. Every lane
 * is given a place or DNF; which places go together (a dead heat shares one, no place is left out)
 * is the rules' to say, and the dialog shows what they say. Returns the ranking the rules accept;
 * the caller hands its places to {@code RaceLoop.rankByHand}.
 */
public final class ManualRankDialog {

    private ManualRankDialog() {
    }

    /**
     * The ranking of heat {@code heat} of {@code sectionId} (lanes left out are DNF), or empty when
     * cancelled. When the heat already has a result, its places are filled in.
     */
    public static Optional<Command.EnterManualResult> ask(Window owner, RallySession session, String sectionId,
                                                          int heat) {
        SectionState section = session.state().section(sectionId).orElseThrow(() -> new IllegalArgumentException(
                "there is no section " + sectionId));
        Heat ranked = section.heat(heat).orElseThrow(() -> new IllegalArgumentException(
                "heat " + heat + " is not in the schedule of " + section.sectionName()));
        int n = ranked.lanes().size();
        List<Place> places = new ArrayList<>();
        for (int p = 1; p <= n; p++) {
            places.add(new Place(p));
        }
        places.add(Place.DNF);
        Map<Integer, Place> known = knownPlaces(ranked, section, session.rules().settings().minimumTimeMs());

        FormDialog<Command.EnterManualResult> form = new FormDialog<>(owner, "Rank heat " + heat + " by hand",
                "Rank heat " + heat + " of " + section.sectionName() + " by eye", "Save places");
        LaneGrid grid = new LaneGrid("Place");
        Map<Integer, ComboBox<Place>> choices = new LinkedHashMap<>();
        for (LaneAssignment a : ranked.lanes()) {
            ComboBox<Place> box = new ComboBox<>();
            box.getItems().setAll(places);
            box.setPromptText("choose");
            Choosers.keyboard(box, Place::text);
            box.setId("place-lane-" + a.lane());
            box.setPrefWidth(150);
            if (known.containsKey(a.lane())) {
                box.setValue(known.get(a.lane()));
            }
            choices.put(a.lane(), box);
            String name = section.nameOf(a.carNumber()) + (section.isRemoved(a.carNumber()) ? " (removed)" : "");
            grid.lane(a.lane(), a.carNumber(), name, box);
        }
        form.add(Notes.note("For each lane type its place (1, 2, 3 ...) or D for a car that did not finish; "
                + "Up and Down step through the choices. Cars in a dead heat share a place."), grid)
            .focusFirst(choices.values().iterator().next())
            .watch(RaceMoment.heat(session, sectionId, heat))
            .check(() -> check(session, sectionId, heat, choices), choices.values().stream()
                    .map(ComboBox::valueProperty).toArray(Observable[]::new));
        return form.showAndWait();
    }

    private static Outcome<Command.EnterManualResult> check(RallySession session, String sectionId, int heat,
                                                            Map<Integer, ComboBox<Place>> choices) {
        Map<Integer, Integer> placeByLane = new TreeMap<>();
        for (Map.Entry<Integer, ComboBox<Place>> e : choices.entrySet()) {
            Place place = e.getValue().getValue();
            if (place == null) {
                return Outcome.missing("Choose a place or DNF for lane " + e.getKey() + ".", e.getValue());
            }
            if (!place.dnf()) {
                placeByLane.put(e.getKey(), place.number());
            }
        }
        Command.EnterManualResult ranking = new Command.EnterManualResult(sectionId, heat, placeByLane);
        return Outcome.asked(session.preview(ranking), ranking, null);
    }

    /** The places of the heat's current result, when it has one. */
    private static Map<Integer, Place> knownPlaces(Heat heat, SectionState section, int minimumTimeMs) {
        Map<Integer, Place> known = new TreeMap<>();
        if (section.result(heat.number()).isEmpty()) {
            return known;
        }
        for (HeatPlace p : Scoring.heatPlaces(section, heat.number(), minimumTimeMs)) {
            if (heat.carIn(p.lane()).isPresent()) {
                known.put(p.lane(), p.dnf() ? Place.DNF : new Place(Math.min(p.place(), heat.lanes().size())));
            }
        }
        return known;
    }
}
