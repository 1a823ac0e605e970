package org.rallylab.app.ui.audience;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.rallylab.app.race.AudienceMessage;

/** SHOW_LEADERBOARD: the section's standings so far, a page at a time when they do not fit. */
final class LeaderboardView implements ScreenView {

    /** Margins, title, header and footer, in em. */
    static final double FIXED_EM = 6.6;

    private final VBox box = new VBox();
    private final Pager pager;

    LeaderboardView(AudienceMessage.Leaderboard board, Fit fit) {
        box.getStyleClass().addAll("screen", "leaderboard");
        StandingsTable table = new StandingsTable(board.standings(), false, false, fit);
        pager = new Pager(table.rows(board.standings()), fit.rows(FIXED_EM, StandingsTable.ROW_EM), fit);
        VBox.setVgrow(pager.rows(), Priority.ALWAYS);
        box.getChildren().addAll(Cells.title(board.sectionName() + " – standings", fit), table.header(), pager.rows(),
                footer(table, pager.label()));
    }

    /** The note about "*" (when a car has not run all its heats) and the page at the bottom right. */
    static HBox footer(StandingsTable table, Label pageLabel) {
        Region space = new Region();
        HBox.setHgrow(space, Priority.ALWAYS);
        HBox footer = new HBox(space, pageLabel);
        if (table.anyIncomplete()) {
            Label note = Cells.text(StandingsTable.INCOMPLETE_NOTE, "footnote");
            note.setId("incomplete-note");
            footer.getChildren().add(0, note);
        }
        footer.getStyleClass().add("footer");
        footer.setAlignment(Pos.CENTER_RIGHT);
        footer.setMinHeight(Region.USE_PREF_SIZE);
        return footer;
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
