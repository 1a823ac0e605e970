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
import org.rallylab.domain.command.RaceSettings;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.schedule.LaneAssignment;
import org.rallylab.domain.scoring.HeatPlace;
import org.rallylab.domain.scoring.Scoring;
import org.rallylab.domain.state.SectionState;

/**
 * "Rank by hand": the place each lane of the heat finished in, or DNF, judged by eye. The caller
 * passes the answer to {@code RaceLoop.rankByHand}. Every lane must be given a place or DNF; no
 * two lanes share a place; at least one car is placed.
 */
public final class ManualRankDialog {

    private ManualRankDialog() {
    }

    /**
     * Lane to place (1 = first) for the placed lanes; DNF lanes are left out. Empty when
     * cancelled. When the heat already has a result, its places are filled in.
     */
    public static Optional<Map<Integer, Integer>> ask(Window owner, String sectionName, Heat heat,
                                                      SectionState section) {
        int n = heat.lanes().size();
        List<Place> places = new ArrayList<>();
        for (int p = 1; p <= n; p++) {
            places.add(new Place(p));
        }
        places.add(Place.DNF);
        Map<Integer, Place> known = knownPlaces(heat, section);

        FormDialog<Map<Integer, Integer>> form = new FormDialog<>(owner, "Rank heat " + heat.number() + " by hand",
                "Rank heat " + heat.number() + " of " + sectionName + " by eye", "Save places");
        LaneGrid grid = new LaneGrid("Place");
        Map<Integer, ComboBox<Place>> choices = new LinkedHashMap<>();
        for (LaneAssignment a : heat.lanes()) {
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
                + "Up and Down step through the choices."), grid)
            .focusFirst(choices.values().iterator().next())
            .check(() -> check(choices), choices.values().stream().map(ComboBox::valueProperty)
                    .toArray(Observable[]::new));
        return form.showAndWait();
    }

    private static Outcome<Map<Integer, Integer>> check(Map<Integer, ComboBox<Place>> choices) {
        Map<Integer, Integer> laneOfPlace = new TreeMap<>();
        Map<Integer, Integer> placeByLane = new TreeMap<>();
        for (Map.Entry<Integer, ComboBox<Place>> e : choices.entrySet()) {
            Place place = e.getValue().getValue();
            if (place == null || place.dnf()) {
                continue;
            }
            Integer other = laneOfPlace.putIfAbsent(place.number(), e.getKey());
            if (other != null) {
                return Outcome.refuse("Lane " + other + " and lane " + e.getKey() + " are both " + place.text()
                        + ": give each car its own place.", e.getValue());
            }
            placeByLane.put(e.getKey(), place.number());
        }
        for (Map.Entry<Integer, ComboBox<Place>> e : choices.entrySet()) {
            if (e.getValue().getValue() == null) {
                return Outcome.missing("Choose a place or DNF for lane " + e.getKey() + ".", e.getValue());
            }
        }
        if (placeByLane.isEmpty()) {
            return Outcome.refuse("Every lane is DNF: place at least one car. If no car finished, "
                    + "cancel and re-run the heat.", choices.values().iterator().next());
        }
        return Outcome.ok(Map.copyOf(placeByLane));
    }

    /** The places of the heat's current result, when it has one. */
    private static Map<Integer, Place> knownPlaces(Heat heat, SectionState section) {
        Map<Integer, Place> known = new TreeMap<>();
        if (section.result(heat.number()).isEmpty()) {
            return known;
        }
        for (HeatPlace p : Scoring.heatPlaces(section, heat.number(), RaceSettings.DEFAULTS.minimumTimeMs())) {
            if (heat.carIn(p.lane()).isPresent()) {
                known.put(p.lane(), p.dnf() ? Place.DNF : new Place(Math.min(p.place(), heat.lanes().size())));
            }
        }
        return known;
    }
}
