package org.rallylab.app.ui.console;

import java.util.List;
import java.util.Set;
import javafx.scene.layout.GridPane;
import org.rallylab.domain.scoring.Standings;
import org.rallylab.domain.scoring.StandingsEntry;

/** Standings as a table: rank (ties "T2"), car, name, average, best, heats and a note. */
final class StandingsView {

    private StandingsView() {
    }

    /**
     * The first {@code limit} lines of {@code standings}. {@code shown}: when not null, the cars
     * the audience screen shows now (a column says which).
     */
    static GridPane table(String id, Standings standings, int limit, Set<String> shown) {
        return table(id, standings, limit, shown, true);
    }

    /** As above; {@code best}: with the best-time column. */
    static GridPane table(String id, Standings standings, int limit, Set<String> shown, boolean best) {
        List<Integer> ranks = standings.entries().stream().map(StandingsEntry::rank).toList();
        List<String> headers = new java.util.ArrayList<>(List.of("Rank", "Car", "Name", "Average"));
        if (best) {
            headers.add("Best");
        }
        headers.addAll(List.of("Heats", ""));
        if (shown != null) {
            headers.add("Audience");
        }
        Grid grid = best ? new Grid(id, headers.toArray(String[]::new), 0, 1, 3, 4, 5)
                : new Grid(id, headers.toArray(String[]::new), 0, 1, 3, 4);
        for (StandingsEntry e : standings.entries().stream().limit(limit).toList()) {
            String note = e.incomplete() ? "incomplete" : "";
            if (e.dnfCount() > 0) {
                note = (note.isEmpty() ? "" : note + ", ") + e.dnfCount() + " DNF";
            }
            List<Object> row = new java.util.ArrayList<>(List.of(
                Grid.Cells.label(ConsoleText.rank(e.rank(), ranks), "rank"),
                e.carNumber(), e.name(), ConsoleText.seconds(e.avgTimeMs())));
            if (best) {
                row.add(ConsoleText.seconds(e.bestTimeMs()));
            }
            row.add(String.valueOf(e.heatsRun()));
            row.add(Grid.Cells.label(note, e.incomplete() ? "status-warn" : "muted"));
            Object[] cells = row.toArray();
            if (shown == null) {
                grid.row(cells);
            } else {
                boolean on = shown.contains(e.carNumber());
                Object[] withShown = java.util.Arrays.copyOf(cells, cells.length + 1);
                withShown[cells.length] = Grid.Cells.label(on ? "shown" : "hidden", on ? "status-ok" : "muted");
                grid.row(withShown);
            }
        }
        grid.shrinkable(2, 60);
        return grid.pane();
    }
}
