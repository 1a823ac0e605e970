package org.rallylab.app.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.FlowPane;

/**
 * Which lanes of the track race: one check box per lane of the track (lane 1 .. lane count), any
 * of them, adjacent or not. Used by "start section" and "change lanes". The check boxes have the
 * ids {@code lane-1}, {@code lane-2}, ...
 */
public final class LanePicker extends FlowPane {

    private final List<CheckBox> boxes = new ArrayList<>();
    private final ReadOnlyObjectWrapper<List<Integer>> selected = new ReadOnlyObjectWrapper<>(List.of());

    /** {@code trackLanes} check boxes, the lanes in {@code initial} ticked. */
    public LanePicker(int trackLanes, List<Integer> initial) {
        super(12, 8);
        getStyleClass().add("lane-picker");
        for (int lane = 1; lane <= trackLanes; lane++) {
            CheckBox box = new CheckBox("Lane " + lane);
            box.setId("lane-" + lane);
            box.setSelected(initial.contains(lane));
            box.selectedProperty().addListener((o, was, is) -> update());
            boxes.add(box);
        }
        getChildren().addAll(boxes);
        update();
    }

    /** The ticked lanes, in order. */
    public List<Integer> selectedLanes() {
        return selected.get();
    }

    public ReadOnlyObjectProperty<List<Integer>> selectedLanesProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Ticks exactly {@code lanes}. */
    public void select(List<Integer> lanes) {
        for (int i = 0; i < boxes.size(); i++) {
            boxes.get(i).setSelected(lanes.contains(i + 1));
        }
    }

    private void update() {
        List<Integer> lanes = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            if (boxes.get(i).isSelected()) {
                lanes.add(i + 1);
            }
        }
        selected.set(List.copyOf(lanes));
    }
}
