package org.rallylab.app.ui.console;

import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.rallylab.domain.scoring.LaneStatistics;
import org.rallylab.domain.scoring.LaneStatistics.LaneFigures;

/** Per-lane averages and whether a lane looks faster or slower than the others, in plain words. */
final class LaneStatsView {

    private LaneStatsView() {
    }

    static Node of(LaneStatistics stats) {
        VBox card = new VBox(8);
        card.getStyleClass().addAll("card", "panel-card");
        card.setId("lane-stats");
        card.getChildren().add(Grid.Cells.label("Lanes", "section-title"));
        if (stats.lanes().isEmpty()) {
            card.getChildren().add(Grid.Cells.label("No times yet.", "muted"));
            return card;
        }
        Grid grid = new Grid("lane-table", new String[] {"Lane", "Races", "Average", "Difference"}, 0, 1, 2, 3);
        for (LaneFigures lane : stats.lanes()) {
            grid.row(String.valueOf(lane.lane()), String.valueOf(lane.races()), ConsoleText.seconds(lane.averageMs()),
                    ConsoleText.difference(lane.differenceFromOverallMs()));
        }
        card.getChildren().add(grid.pane());
        Label verdict = new Label(verdict(stats));
        verdict.setId("lane-verdict");
        verdict.setWrapText(true);
        verdict.getStyleClass().add(stats.significant() ? "status-warn" : "status-ok");
        card.getChildren().add(verdict);
        if (!Double.isNaN(stats.fStatistic())) {
            card.getChildren().add(Grid.Cells.label(String.format(Locale.ROOT, "F = %.2f, p = %.3f",
                    stats.fStatistic(), stats.pValue()), "muted"));
        }
        return card;
    }

    /** "Lanes look fair", "Lane 3 looks slow", or that there are not enough times yet. */
    static String verdict(LaneStatistics stats) {
        if (Double.isNaN(stats.fStatistic()) || Double.isNaN(stats.pValue())) {
            return "Not enough times yet to compare the lanes.";
        }
        if (!stats.significant()) {
            return "Lanes look fair.";
        }
        LaneFigures worst = stats.lanes().get(0);
        for (LaneFigures lane : stats.lanes()) {
            if (Math.abs(lane.differenceFromOverallMs()) > Math.abs(worst.differenceFromOverallMs())) {
                worst = lane;
            }
        }
        boolean slow = worst.differenceFromOverallMs() > 0;
        return "Lane " + worst.lane() + " looks " + (slow ? "slow" : "fast") + " ("
                + ConsoleText.seconds(Math.abs(worst.differenceFromOverallMs())) + (slow ? " slower" : " faster")
                + " than average). Check the lane for dirt or a bump.";
    }
}
