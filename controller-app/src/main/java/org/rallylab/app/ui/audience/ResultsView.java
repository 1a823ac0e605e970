package org.rallylab.app.ui.audience;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.rallylab.app.race.AudienceMessage;
import org.rallylab.app.race.AudienceMessage.Finish;

/**
 * SHOW_RESULTS: the heat's finish, best first: medals for 1st to 3rd (colour and words), the
 * time in seconds, "DNF", "!" on an impossible time the official accepted. A heat ranked by hand
 * shows its places marked "by hand" and no time at all (the audience never sees a made-up time).
 */
final class ResultsView implements ScreenView {

    private static final double FIXED_EM = 5.6;
    private static final double MANUAL_EM = 1.5;
    private static final double LEGEND_EM = 1.3;
    private static final double ROW_LINES = 1.45;
    private static final double MAX_ROW_FONT = 1.7;
    /** Between cells, in em of the row's font (see audience.css .result-row). */
    private static final double SPACING_EM = 0.5;
    /** The mark beside each place of a heat ranked by hand. */
    static final String BY_HAND = "by hand";

    private final VBox box = new VBox();

    ResultsView(AudienceMessage.Results results, Fit fit) {
        box.getStyleClass().addAll("screen", "results");
        box.getChildren().add(Cells.title(results.sectionName() + " – Heat " + results.heat() + " results", fit));
        double fixed = FIXED_EM;
        if (results.manual()) {
            Label manual = Cells.text("Placed by hand – no times", "badge");
            manual.setId("badge-manual");
            box.getChildren().add(new HBox(manual));
            fixed += MANUAL_EM;
        }
        boolean legend = results.results().stream().anyMatch(f -> f.impossible() && !f.dnf());
        if (legend) {
            fixed += LEGEND_EM;
        }

        int count = Math.max(1, results.results().size());
        double font = Math.min(MAX_ROW_FONT, (fit.heightEm() - fixed) / (count * ROW_LINES));
        List<String> names = new ArrayList<>();
        List<String> places = new ArrayList<>();
        List<String> lanes = new ArrayList<>();
        List<String> cars = new ArrayList<>();
        List<String> times = new ArrayList<>();
        for (Finish f : results.results()) {
            places.add(place(f, results.results()));
            lanes.add("Lane " + f.lane());
            cars.add(Cells.car(f.carNumber()));
            times.add(time(f, results.manual()));
            names.add(f.name());
        }
        Widths widths = new Widths(Math.max(2.6, Cells.widestEm(places, true) + 0.3), Cells.widestEm(lanes, false),
                Cells.widestEm(cars, true), Cells.widestEm(times, true) + (legend ? 1.5 : 0.5));
        // the names need room to read at 1em on two lines: the other columns' type gives way
        double columns = widths.place() + widths.lane() + widths.car() + widths.time() + 4 * SPACING_EM;
        double nameNeeds = Cells.nameNeedsEm(names, Math.max(1, fit.minEm()));
        font = fit.atLeastMin(Math.min(font, (fit.innerWidthEm() - nameNeeds) / columns));

        VBox rows = new VBox();
        rows.getStyleClass().add("finishes");
        rows.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.3fem;", font));
        for (Finish f : results.results()) {
            HBox row = row(f, results, widths, font, fit);
            VBox.setVgrow(row, Priority.ALWAYS); // spread over the screen, up to .result-row's max height
            rows.getChildren().add(row);
        }
        VBox.setVgrow(rows, Priority.ALWAYS);
        box.getChildren().add(rows);

        if (legend) {
            Label note = Cells.text("!  time accepted by the race official", "footnote");
            note.setId("impossible-legend");
            box.getChildren().add(note);
        }
    }

    private record Widths(double place, double lane, double car, double time) {
    }

    private static HBox row(Finish f, AudienceMessage.Results results, Widths widths, double font, Fit fit) {
        Label place = Cells.cell(place(f, results.results()), widths.place(), "place");
        if (!f.dnf()) {
            Cells.medal(place, f.place());
        }
        HBox time = new HBox();
        time.getStyleClass().add("time-cell");
        if (f.impossible() && !f.dnf()) {
            Label mark = Cells.text("!", "impossible-mark");
            mark.setId("impossible-" + f.lane());
            time.getChildren().add(mark);
        }
        Label shown = Cells.text(time(f, results.manual()), "time");
        shown.setId("time-" + f.lane());
        if (f.dnf()) {
            shown.getStyleClass().add("dnf");
        } else if (results.manual()) {
            shown.getStyleClass().add("by-hand");
        }
        time.getChildren().add(shown);
        time.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        time.setStyle(String.format(Locale.ROOT, "-fx-pref-width: %.3fem;", widths.time()));
        HBox row = Cells.row("result-row-" + f.lane(), "result-row", place,
                Cells.cell("Lane " + f.lane(), widths.lane(), "lane-number"),
                Cells.cell(Cells.car(f.carNumber()), widths.car(), "car-number"),
                Cells.name(f.name(), font, fit, "car-name"), time);
        if (!f.dnf() && f.place() >= 1 && f.place() <= 3) {
            row.getStyleClass().add("medal-row");
        }
        return row;
    }

    /** "1st", "T2nd", or "–" for a car that did not finish. */
    private static String place(Finish f, List<Finish> all) {
        return f.dnf() ? "–" : Cells.placeText(f.place(), tied(f, all));
    }

    /** "2.853 s", "DNF", or "by hand" in a heat ranked by hand (never a made-up time). */
    private static String time(Finish f, boolean manual) {
        if (f.dnf()) {
            return "DNF";
        }
        if (manual || f.timeMs() == null) {
            return BY_HAND;
        }
        return Cells.seconds(f.timeMs());
    }

    private static boolean tied(Finish f, List<Finish> all) {
        return all.stream().anyMatch(o -> o != f && !o.dnf() && o.place() == f.place());
    }

    @Override
    public Node node() {
        return box;
    }
}
