package org.rallylab.app.ui.console;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.schedule.LaneAssignment;
import org.rallylab.domain.state.SectionState;

/** The heat on the track, lane by lane in large type, and the heat after it in small type. */
final class StagedHeatView {

    private StagedHeatView() {
    }

    /** The card for {@code heat} on the track (only its DNF lanes during a DNF re-run). */
    static Node of(SectionState s, Heat heat, Optional<Heat> next) {
        VBox card = new VBox(8);
        card.getStyleClass().addAll("card", "now-card");
        card.setId("staged-heat");
        String what = s.dnfRerunStaged() ? "On the track: the DNF lanes of heat " + heat.number()
                : "On the track: heat " + heat.number();
        card.getChildren().add(Grid.Cells.label(what, "section-title"));
        Grid grid = new Grid("staged-lanes", new String[] {"Lane", "Car", "Name"}, 0, 1);
        for (LaneAssignment a : heat.lanes()) {
            String name = s.nameOf(a.carNumber());
            grid.row(Grid.Cells.label(String.valueOf(a.lane()), "big", "lane-number"),
                    Grid.Cells.label(a.carNumber(), "big", "car-number"),
                    Grid.Cells.label(name.isEmpty() ? "(not on the roster)" : name, "big"));
        }
        grid.pane().getStyleClass().add("big-grid");
        grid.shrinkable(2, 80);
        HBox.setHgrow(grid.pane(), Priority.ALWAYS);
        HBox body = new HBox(24, grid.pane(), nextColumn(s, next));
        card.getChildren().add(body);
        return card;
    }

    /** The heat after the staged one, lane by lane, in small type beside it. */
    private static Node nextColumn(SectionState s, Optional<Heat> next) {
        VBox column = new VBox(2);
        column.setId("next-heat-line");
        column.getStyleClass().add("next-heat-column");
        if (next.isEmpty()) {
            column.getChildren().add(Grid.Cells.label("Next: none, this is the last heat.", "muted"));
            return column;
        }
        Heat h = next.get();
        column.getChildren().add(Grid.Cells.label("Next: heat " + h.number() + (h.catchUp() ? " (catch-up)" : ""),
                "next-heat-title"));
        Grid grid = new Grid("next-heat-lanes", new String[] {"Lane", "Car", "Name"}, 0, 1);
        for (LaneAssignment a : h.lanes()) {
            grid.row(String.valueOf(a.lane()), a.carNumber(), s.nameOf(a.carNumber()));
        }
        grid.pane().getStyleClass().add("next-heat");
        grid.shrinkable(2, 40);
        column.getChildren().add(grid.pane());
        return column;
    }

    /** "Next: heat 5" and its cars lane by lane (wrapping), or that this was the last heat. */
    static Node nextLine(Optional<Heat> next) {
        FlowPane line = new FlowPane(10, 4);
        line.setId("next-heat-line");
        line.getStyleClass().add("next-heat");
        if (next.isEmpty()) {
            line.getChildren().add(Grid.Cells.label("Next: none; this was the last heat.", "muted"));
            return line;
        }
        Heat h = next.get();
        line.getChildren().add(Grid.Cells.label("Next: heat " + h.number() + (h.catchUp() ? " (catch-up)" : "")
                + " —", "next-heat-title"));
        for (LaneAssignment a : h.lanes()) {
            line.getChildren().add(Grid.Cells.label("Lane " + a.lane() + ": car " + a.carNumber(), "muted"));
        }
        return line;
    }

    /** The first heat after {@code after} without a result. */
    static Optional<Heat> after(SectionState s, int after) {
        for (Heat h : s.heats()) {
            if (h.number() > after && s.result(h.number()).isEmpty()) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }
}
