package org.rallylab.app.ui.audience;

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
 * time in seconds, "DNF", "!" on an impossible time the official accepted, and "Placed by hand"
 * (no times) for a heat ranked by hand.
 */
final class ResultsView implements ScreenView {

    private static final double FIXED_EM = 7.5;
    private static final double ROW_LINES = 1.45;
    private static final double MAX_ROW_FONT = 1.7;

    private final VBox box = new VBox();

    ResultsView(AudienceMessage.Results results, Fit fit) {
        box.getStyleClass().addAll("screen", "results");
        Label title = Cells.text(results.sectionName() + " – Heat " + results.heat() + " results", "title");
        title.setId("audience-title");
        title.setMinWidth(0);
        box.getChildren().add(title);
        if (results.manual()) {
            Label manual = Cells.text("Placed by hand – no times", "badge");
            manual.setId("badge-manual");
            box.getChildren().add(new HBox(manual));
        }

        VBox rows = new VBox();
        rows.getStyleClass().add("finishes");
        int count = Math.max(1, results.results().size());
        double font = Math.min(MAX_ROW_FONT, (fit.heightEm() - FIXED_EM) / (count * ROW_LINES));
        rows.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.3fem;", Math.max(0.5, font)));
        for (Finish f : results.results()) {
            HBox row = row(f, results);
            VBox.setVgrow(row, Priority.ALWAYS); // spread over the screen, up to .result-row's max height
            rows.getChildren().add(row);
        }
        VBox.setVgrow(rows, Priority.ALWAYS);
        box.getChildren().add(rows);

        if (results.results().stream().anyMatch(f -> f.impossible() && !f.dnf())) {
            Label legend = Cells.text("!  time accepted by the race official", "legend");
            legend.setId("impossible-legend");
            box.getChildren().add(legend);
        }
    }

    private static HBox row(Finish f, AudienceMessage.Results results) {
        Label place = f.dnf() ? Cells.text("–", "place") : Cells.place(f.place(), tied(f, results.results()));
        HBox time = new HBox();
        time.getStyleClass().add("time-cell");
        if (f.impossible() && !f.dnf()) {
            Label mark = Cells.text("!", "impossible-mark");
            mark.setId("impossible-" + f.lane());
            time.getChildren().add(mark);
        }
        if (f.dnf()) {
            time.getChildren().add(Cells.text("DNF", "time", "dnf"));
        } else if (f.timeMs() != null) {
            time.getChildren().add(Cells.text(Cells.seconds(f.timeMs()), "time"));
        }
        HBox row = Cells.row("result-row-" + f.lane(), "result-row", place,
                Cells.text("Lane " + f.lane(), "lane-number"),
                Cells.text(Cells.car(f.carNumber()), "car-number"),
                Cells.stretch(f.name(), "car-name"));
        if (!results.manual() || f.dnf()) {
            row.getChildren().add(time);
        }
        if (!f.dnf() && f.place() >= 1 && f.place() <= 3) {
            row.getStyleClass().add("medal-row");
        }
        return row;
    }

    private static boolean tied(Finish f, List<Finish> all) {
        return all.stream().anyMatch(o -> o != f && !o.dnf() && o.place() == f.place());
    }

    @Override
    public Node node() {
        return box;
    }
}
