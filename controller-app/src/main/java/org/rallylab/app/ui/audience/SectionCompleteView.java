package org.rallylab.app.ui.audience;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.rallylab.app.race.AudienceMessage;
import org.rallylab.app.race.AudienceMessage.Standing;

/**
 * SHOW_SECTION_COMPLETE: "Kub Kars – final results", revealed from the last place up. Only the
 * {@link AudienceMessage.SectionComplete#visible() visible} entries show; the podium, once
 * revealed, stays on top in gold, silver and bronze, and the other places page below it, starting
 * with the page of the most recent reveal.
 */
final class SectionCompleteView implements ScreenView {

    private static final double NOTE_EM = 1.5;
    /** The large podium stays on top only when at least this many more places fit under it. */
    private static final int MOST_ROWS_UNDER = 3;

    private final VBox box = new VBox();
    private final Pager pager;

    SectionCompleteView(AudienceMessage.SectionComplete done, Fit fit) {
        box.getStyleClass().addAll("screen", "section-complete");
        box.getChildren().add(Cells.title(done.sectionName() + " – final results", fit));
        double fixed = LeaderboardView.FIXED_EM;

        HBox notes = new HBox();
        notes.getStyleClass().add("badges");
        if (done.earlyEnd()) {
            Label early = Cells.text("Ended early", "badge");
            early.setId("ended-early");
            notes.getChildren().add(early);
        }
        int hidden = done.standings().size() - done.revealed();
        if (hidden > 0) {
            Label still = Cells.text(hidden == 1 ? "1 more place to reveal…" : hidden + " more places to reveal…",
                    "badge", "still-to-reveal");
            still.setId("still-to-reveal");
            notes.getChildren().add(still);
        }
        if (!notes.getChildren().isEmpty()) {
            box.getChildren().add(notes);
            fixed += NOTE_EM;
        }
        long podiumLines = done.visible().stream().filter(Cells::podium).count();
        double podiumEm = podiumLines * (StandingsTable.PODIUM_ROW_EM + 0.1) + 0.4;
        // a large podium on top when it leaves room for a few more places; else it pages with them
        boolean large = podiumLines == 0 || fit.rows(fixed + podiumEm, StandingsTable.ROW_EM) >= MOST_ROWS_UNDER;
        StandingsTable table = new StandingsTable(done.standings(), true, large, fit);
        box.getChildren().add(table.header());
        boolean onTop = table.podiumScale() > 1;

        VBox podium = new VBox();
        podium.getStyleClass().add("podium");
        List<Node> rest = new ArrayList<>();
        for (Standing line : done.visible()) {
            HBox row = table.row(line);
            if (Cells.podium(line) && onTop) {
                podium.getChildren().add(row);
            } else {
                rest.add(row);
            }
        }
        if (!podium.getChildren().isEmpty()) {
            box.getChildren().add(podium);
            fixed += podiumEm;
        }
        pager = new Pager(rest, fit.rows(fixed, StandingsTable.ROW_EM), fit);
        VBox.setVgrow(pager.rows(), Priority.ALWAYS);
        box.getChildren().addAll(pager.rows(), LeaderboardView.footer(table, pager.label()));
    }

    @Override
    public Node node() {
        return box;
    }

    @Override
    public void stop() {
        pager.stop();
    }
}
