package org.rallylab.app.ui.audience;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.rallylab.app.race.AudienceMessage;
import org.rallylab.app.race.AudienceMessage.Standing;

/** SHOW_LEADERBOARD: the section's standings so far, a page at a time when they do not fit. */
final class LeaderboardView implements ScreenView {

    /** Margins, title, header and footer, in em. */
    static final double FIXED_EM = 6.3;
    /** A standings row's height in em (see audience.css .standing-row). */
    static final double ROW_EM = 1.75;

    private final VBox box = new VBox();
    private final Pager pager;

    LeaderboardView(AudienceMessage.Leaderboard board, Fit fit) {
        box.getStyleClass().addAll("screen", "leaderboard");
        Label title = Cells.text(board.sectionName() + " – standings", "title");
        title.setId("audience-title");
        title.setMinWidth(0);
        List<Node> rows = new ArrayList<>();
        for (Standing line : board.standings()) {
            rows.add(StandingRows.row(line, board.standings(), false));
        }
        pager = new Pager(rows, fit.rows(FIXED_EM, ROW_EM), fit);
        VBox.setVgrow(pager.rows(), Priority.ALWAYS);
        box.getChildren().addAll(title, StandingRows.header(), pager.rows(), footer(pager.label()));
    }

    /** The page label at the bottom right. */
    static HBox footer(Label pageLabel) {
        Region space = new Region();
        HBox.setHgrow(space, Priority.ALWAYS);
        HBox footer = new HBox(space, pageLabel);
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
