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

    /** A podium row's height in em (a 1.25em font, see audience.css .podium). */
    private static final double PODIUM_ROW_EM = 2.0;
    private static final double NOTE_EM = 1.3;

    private final VBox box = new VBox();
    private final Pager pager;

    SectionCompleteView(AudienceMessage.SectionComplete done, Fit fit) {
        box.getStyleClass().addAll("screen", "section-complete");
        Label title = Cells.text(done.sectionName() + " – final results", "title");
        title.setId("audience-title");
        title.setMinWidth(0);
        box.getChildren().add(title);
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
        box.getChildren().add(StandingRows.header());

        List<Standing> all = done.standings();
        VBox podium = new VBox();
        podium.getStyleClass().add("podium");
        List<Node> rest = new ArrayList<>();
        for (Standing line : done.visible()) {
            HBox row = StandingRows.row(line, all, true);
            if (Cells.podium(line)) {
                row.getStyleClass().addAll("podium-row", "podium-" + line.rank());
                podium.getChildren().add(row);
            } else {
                rest.add(row);
            }
        }
        if (!podium.getChildren().isEmpty()) {
            box.getChildren().add(podium);
            fixed += podium.getChildren().size() * PODIUM_ROW_EM + 0.4;
        }
        pager = new Pager(rest, fit.rows(fixed, LeaderboardView.ROW_EM), fit);
        VBox.setVgrow(pager.rows(), Priority.ALWAYS);
        box.getChildren().addAll(pager.rows(), LeaderboardView.footer(pager.label()));
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
