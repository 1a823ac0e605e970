package org.rallylab.app.ui.audience;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.rallylab.app.race.AudienceMessage.Standing;

/**
 * Standings lines (rank, car, name, average, best, heats) and their column header, in columns as
 * wide as the widest text of the screen needs: a car number is never cut. When the window is too
 * narrow for a readable name, the Heats column goes first, then Best; the name never goes.
 *
 * <p>No made-up time shows: a car with a DNF shows "2 DNF" for its average, a car placed by hand
 * "by hand", and Best is its fastest measured time ("–" when it has none).
 */
final class StandingsTable {

    /** A standings row's height, in em of the base font (room for a name on two lines). */
    static final double ROW_EM = 2.1;
    /** Podium rows (final results) are this much larger. */
    static final double PODIUM_SCALE = 1.25;
    /** A podium row's height, in em of the base font. */
    static final double PODIUM_ROW_EM = 2.3;
    /** The note under standings that have cars with not all heats run. */
    static final String INCOMPLETE_NOTE = "* not all heats run";
    private static final double SPACING_EM = 0.4;
    /** The column names' font, in em of the rows' (still at least 0.857em at zoom 1). */
    private static final double HEADER_EM = 0.9;
    /** The name size, in em of the base font, the optional columns give way to. */
    private static final double NAME_FONT_EM = 0.85;
    /** A name gets at least this width, in em, before columns are dropped. */
    private static final double NAME_LEAST_EM = 6;

    private final List<Standing> all;
    private final boolean medals;
    private final double podiumScale;
    private final Fit fit;
    private final double rankEm;
    private final double carEm;
    private final double averageEm;
    private final double bestEm;
    private final double heatsEm;
    private final boolean showBest;
    private final boolean showHeats;
    private final double nameNeeds;

    /**
     * @param all    every line of the screen (ties and column widths are read from all of them)
     * @param medals      podium lines show their medal
     * @param largePodium podium lines are {@link #PODIUM_SCALE} larger, when their names still
     *                    fit beside the larger columns (see {@link #podiumScale()})
     */
    StandingsTable(List<Standing> all, boolean medals, boolean largePodium, Fit fit) {
        this.all = List.copyOf(all);
        this.medals = medals;
        this.fit = fit;
        this.podiumScale = medals && largePodium && new StandingsTable(all, true, false, fit).roomFor(PODIUM_SCALE)
                ? PODIUM_SCALE : 1;
        double h = HEADER_EM;
        double rank = h * Cells.widthEm("Rank", true);
        double car = h * Cells.widthEm("Car", true);
        double average = h * Cells.widthEm("Average", true);
        double best = h * Cells.widthEm("Best", true);
        double heats = h * Cells.widthEm("Heats", true);
        List<String> names = new ArrayList<>();
        for (Standing line : this.all) {
            double k = scale(line);
            rank = Math.max(rank, k * Cells.widthEm(rank(line), true));
            car = Math.max(car, k * Cells.widthEm(Cells.car(line.carNumber()), true));
            average = Math.max(average, k * Cells.widthEm(average(line), true));
            best = Math.max(best, k * Cells.widthEm(best(line), false));
            heats = Math.max(heats, k * Cells.widthEm(String.valueOf(line.heatsRun()), false));
            names.add(line.name());
        }
        rankEm = rank;
        carEm = car;
        averageEm = average;
        bestEm = best;
        heatsEm = heats;
        // Best and Heats give way before names go under NAME_FONT_EM (the name can still shrink
        // to the smallest readable size when even that is not enough)
        nameNeeds = Math.max(NAME_LEAST_EM, Cells.nameNeedsEm(names, Math.max(fit.minEm(), NAME_FONT_EM)));
        double free = fit.innerWidthEm() - rank - car - average - 3 * SPACING_EM;
        showHeats = free - best - heats - 2 * SPACING_EM >= nameNeeds;
        showBest = showHeats || free - best - SPACING_EM >= nameNeeds;
    }

    /** How much larger the podium rows are: {@link #PODIUM_SCALE}, or 1 when that leaves no room. */
    double podiumScale() {
        return podiumScale;
    }

    /** Whether rank, car and average {@code scale} times larger leave a name its room. */
    private boolean roomFor(double scale) {
        return fit.innerWidthEm() - scale * (rankEm + carEm + averageEm) - 3 * SPACING_EM >= nameNeeds;
    }

    /** The column names, lined up with the rows. */
    HBox header() {
        Label name = Cells.text("Name", "col-name");
        HBox.setHgrow(name, Priority.ALWAYS);
        name.setMaxWidth(Double.MAX_VALUE);
        double h = HEADER_EM;
        HBox row = Cells.row("standings-header", "standings-header",
                Cells.cell("Rank", rankEm / h, "col-rank"), Cells.cell("Car", carEm / h, "col-car"), name,
                Cells.cell("Average", averageEm / h, "col-time"));
        if (showBest) {
            row.getChildren().add(Cells.cell("Best", bestEm / h, "col-time"));
        }
        if (showHeats) {
            row.getChildren().add(Cells.cell("Heats", heatsEm / h, "col-heats"));
        }
        row.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.3fem; -fx-spacing: %.3fem;", h, SPACING_EM / h));
        row.setMinHeight(Region.USE_PREF_SIZE);
        return row;
    }

    /** One line's row. */
    HBox row(Standing line) {
        double k = scale(line);
        boolean podium = medals && Cells.podium(line);
        Label rank = Cells.cell(rank(line), rankEm / k, "col-rank", podium ? "place" : "rank");
        if (podium) {
            Cells.medal(rank, line.rank());
        }
        Label average = Cells.cell(average(line), averageEm / k, "col-time", "time");
        if (line.averageMs() == null && line.dnfCount() > 0) {
            average.getStyleClass().add("dnf");
            average.setId("dnf-" + line.carNumber());
        } else if (line.averageMs() == null) {
            average.getStyleClass().add("by-hand");
        }
        HBox row = Cells.row("standing-row-" + line.carNumber(), "standing-row", rank,
                Cells.cell(Cells.car(line.carNumber()), carEm / k, "col-car", "car-number"),
                Cells.name(line.name(), k, fit, "car-name"), average);
        if (showBest) {
            row.getChildren().add(Cells.cell(best(line), bestEm / k, "col-time", "time", "best"));
        }
        if (showHeats) {
            row.getChildren().add(Cells.cell(String.valueOf(line.heatsRun()), heatsEm / k, "col-heats"));
        }
        if (line.incomplete()) {
            row.getStyleClass().add("incomplete");
        }
        if (podium) {
            row.getStyleClass().addAll("podium-row", "podium-" + line.rank());
        }
        double height = (k > 1 ? PODIUM_ROW_EM : ROW_EM) / k;
        row.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.3fem; -fx-spacing: %.3fem; -fx-min-height: %.3fem;"
                + " -fx-pref-height: %.3fem; -fx-max-height: %.3fem;", k, SPACING_EM / k, height, height, height));
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** The rows of {@code lines}. */
    List<HBox> rows(List<Standing> lines) {
        List<HBox> rows = new ArrayList<>();
        lines.forEach(line -> rows.add(row(line)));
        return rows;
    }

    boolean showsBest() {
        return showBest;
    }

    boolean showsHeats() {
        return showHeats;
    }

    /** Whether any line has not run all its heats (the screen then explains the "*"). */
    boolean anyIncomplete() {
        return all.stream().anyMatch(Standing::incomplete);
    }

    private double scale(Standing line) {
        return medals && Cells.podium(line) ? podiumScale : 1;
    }

    /** "3", "T3", "12*" (not all heats run), or the medal's "1st" on a podium row. */
    private String rank(Standing line) {
        boolean tied = Cells.tied(line, all);
        if (medals && Cells.podium(line)) {
            return Cells.placeText(line.rank(), tied);
        }
        return (tied ? "T" : "") + line.rank() + (line.incomplete() ? "*" : "");
    }

    /** The average when every heat was timed; else why there is none: "2 DNF", "by hand". */
    static String average(Standing line) {
        if (line.averageMs() != null) {
            return Cells.seconds(line.averageMs());
        }
        if (line.dnfCount() > 0) {
            return Cells.dnfs(line.dnfCount());
        }
        return line.placedByHand() > 0 ? "by hand" : "–";
    }

    private static String best(Standing line) {
        return line.bestMs() == null ? "–" : Cells.seconds(line.bestMs());
    }
}
