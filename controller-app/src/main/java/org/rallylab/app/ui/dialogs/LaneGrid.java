package org.rallylab.app.ui.dialogs;

import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import org.rallylab.app.ui.Ui;

/** One row per lane of a heat: lane, car, name, and what the operator enters for it. */
final class LaneGrid extends GridPane {

    private int rows = 1;

    LaneGrid(String inputHeading) {
        this("Car", "Name", inputHeading);
    }

    LaneGrid(String carHeading, String nameHeading, String inputHeading) {
        getStyleClass().add("lane-grid");
        ColumnConstraints lane = new ColumnConstraints();
        lane.setHalignment(HPos.LEFT);
        ColumnConstraints car = new ColumnConstraints();
        ColumnConstraints name = new ColumnConstraints();
        name.setHgrow(Priority.ALWAYS);
        name.setMinWidth(160);
        ColumnConstraints input = new ColumnConstraints();
        getColumnConstraints().addAll(lane, car, name, input);
        addRow(0, Ui.label("Lane", "column-head"), Ui.label(carHeading, "column-head"),
                Ui.label(nameHeading, "column-head"), Ui.label(inputHeading, "column-head"));
    }

    /** A lane's row; {@code input} is labelled for screen readers as "Lane N". */
    void lane(int lane, String car, String name, Node input) {
        Label laneLabel = Ui.label("Lane " + lane, "lane-number");
        if (input instanceof javafx.scene.control.Control c) {
            laneLabel.setLabelFor(c);
            c.setAccessibleText("Lane " + lane + ", car " + car);
        }
        addRow(rows++, laneLabel, Ui.label(car, "car-number"), Ui.label(name.isEmpty() ? "—" : name), input);
    }
}
