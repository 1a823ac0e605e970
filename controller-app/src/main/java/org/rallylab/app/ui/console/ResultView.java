package org.rallylab.app.ui.console;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.rallylab.domain.scoring.HeatPlace;
import org.rallylab.domain.scoring.Ordinal;
import org.rallylab.domain.scoring.Scoring;
import org.rallylab.domain.state.HeatResult;
import org.rallylab.domain.state.ManualResult;
import org.rallylab.domain.state.SectionState;

/** The ranked finish of one heat: place, lane, car, name, time, gap to the winner, DNF and flags. */
final class ResultView {

    private ResultView() {
    }

    /** The card of {@code heat}'s result; {@code big}: the main card of the console. */
    static VBox of(SectionState s, int heat, int minimumTimeMs, String title, boolean big, boolean rerun) {
        VBox card = new VBox(8);
        card.getStyleClass().addAll("card", big ? "now-card" : "panel-card");
        card.setId(big ? "result-now" : "result-last");
        HeatResult result = s.result(heat).orElse(null);
        boolean manual = result instanceof ManualResult;
        String how = result == null ? "" : manual ? "  ·  Manual (ranked by hand)" : "  ·  Timed";
        card.getChildren().add(Grid.Cells.label(title + how + (rerun ? "  ·  re-run" : ""), "section-title"));
        List<HeatPlace> places = Scoring.heatPlaces(s, heat, minimumTimeMs);
        if (places.isEmpty()) {
            card.getChildren().add(Grid.Cells.label("Heat " + heat + " has no result.", "muted"));
            return card;
        }
        card.getChildren().add(table(places, big));
        if (places.stream().anyMatch(HeatPlace::impossible)) {
            Label warning = Grid.Cells.label("⚠ marks a time that cannot be real (accepted anyway). "
                    + "Re-run the heat if it was a mistake.", "status-warn");
            warning.setWrapText(true); // a long line wraps in the card instead of widening the console
            warning.setMinWidth(0);
            warning.setMinHeight(Region.USE_PREF_SIZE);
            card.getChildren().add(warning);
        }
        return card;
    }

    private static Node table(List<HeatPlace> places, boolean big) {
        Grid grid = new Grid(big ? "result-table" : "last-result-table",
                new String[] {"Place", "Lane", "Car", "Name", "Time", "Gap", ""}, 0, 1, 2, 4, 5);
        Long winner = places.stream().filter(p -> !p.dnf() && p.timeMs() != null).map(HeatPlace::timeMs)
                .findFirst().orElse(null);
        String[] style = big ? new String[] {"big"} : new String[0];
        for (HeatPlace p : places) {
            String place = p.dnf() ? "–" : Ordinal.of(p.place());
            String time = p.dnf() ? "DNF" : p.timeMs() == null ? "by hand" : ConsoleText.seconds(p.timeMs());
            String gap = p.dnf() || p.timeMs() == null || winner == null || p.timeMs().equals(winner) ? ""
                    : "+" + ConsoleText.seconds(p.timeMs() - winner);
            String note = p.impossible() ? "⚠ impossible" : "";
            grid.row(Grid.Cells.label(place, style), Grid.Cells.label(String.valueOf(p.lane()), style),
                    Grid.Cells.label(p.carNumber(), style), Grid.Cells.label(p.name(), style),
                    Grid.Cells.label(time, style), Grid.Cells.label(gap, style),
                    Grid.Cells.label(note, "status-bad"));
        }
        if (big) {
            grid.pane().getStyleClass().add("big-grid");
        }
        grid.shrinkable(3, 60);
        return grid.pane();
    }
}
