package org.rallylab.app.ui.audience;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.rallylab.app.race.AudienceMessage.Standing;

/** Standings lines (rank, car, name, average, best, heats) and their column header. */
final class StandingRows {

    private StandingRows() {
    }

    /** The column names, in the same columns as {@link #row}. */
    static HBox header() {
        return Cells.row("standings-header", "standings-header",
                Cells.text("Rank", "col-rank"),
                Cells.text("Car", "col-car"),
                Cells.stretch("Name", "col-name"),
                Cells.text("Average", "col-time"),
                Cells.text("Best", "col-time"),
                Cells.text("Heats", "col-heats"));
    }

    /**
     * One line; {@code all} tells ties ("T3"). A podium line (see {@link Cells#podium}) shows its
     * medal ("1st") instead of the rank number when {@code medal} is set.
     */
    static HBox row(Standing line, List<Standing> all, boolean medal) {
        boolean tied = Cells.tied(line, all);
        Label rank = medal && Cells.podium(line) ? Cells.place(line.rank(), tied)
                : Cells.text(Cells.rank(line, all), "rank");
        rank.getStyleClass().add("col-rank");
        boolean times = line.heatsRun() > 0;
        HBox row = Cells.row("standing-row-" + line.carNumber(), "standing-row", rank,
                Cells.text(Cells.car(line.carNumber()), "col-car", "car-number"),
                Cells.stretch(line.name(), "col-name", "car-name"));
        if (line.incomplete()) {
            Label tag = Cells.text("not all heats", "incomplete-tag");
            tag.setId("incomplete-" + line.carNumber());
            row.getChildren().add(tag);
            row.getStyleClass().add("incomplete");
        }
        row.getChildren().addAll(
                Cells.text(times ? Cells.seconds(line.avgTimeMs()) : "–", "col-time", "time"),
                Cells.text(times ? Cells.seconds(line.bestTimeMs()) : "–", "col-time", "time", "best"),
                Cells.text(String.valueOf(line.heatsRun()), "col-heats"));
        return row;
    }
}
