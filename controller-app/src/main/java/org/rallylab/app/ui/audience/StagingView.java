package org.rallylab.app.ui.audience;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.rallylab.app.race.AudienceMessage;
import org.rallylab.app.race.AudienceMessage.Lane;
import org.rallylab.app.race.AudienceMessage.Lineup;

/**
 * SHOW_STAGING: "Kub Kars – Heat 3 of 14", one big row per lane (lane, car, name), the catch-up
 * and re-run badges, and the next heat's cars in an "Up next" strip at the bottom.
 */
final class StagingView implements ScreenView {

    /** Title, badges, up-next strip and margins, in em. */
    private static final double FIXED_EM = 9.6;
    /** A lane row is this many times its font size high. */
    private static final double ROW_LINES = 1.45;
    private static final double MAX_LANE_FONT = 2.2;

    private final VBox box = new VBox();

    StagingView(AudienceMessage.Staging staging, Fit fit) {
        box.getStyleClass().addAll("screen", "staging");
        Label title = Cells.text(staging.sectionName() + " – Heat " + staging.heat() + " of " + staging.totalHeats(),
                "title");
        title.setId("audience-title");
        title.setMinWidth(0);
        box.getChildren().add(title);

        HBox badges = new HBox();
        badges.getStyleClass().add("badges");
        if (staging.catchUp()) {
            badges.getChildren().add(badge("Catch-up heat", "badge-catch-up"));
        }
        if (staging.dnfRerun()) {
            badges.getChildren().add(badge("Re-run of the cars that did not finish", "badge-dnf-rerun"));
        }
        if (!badges.getChildren().isEmpty()) {
            box.getChildren().add(badges);
        }

        VBox lanes = new VBox();
        lanes.getStyleClass().add("lanes");
        int count = Math.max(1, staging.lanes().size());
        double font = Math.min(MAX_LANE_FONT, (fit.heightEm() - FIXED_EM) / (count * ROW_LINES));
        lanes.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.3fem;", Math.max(0.6, font)));
        for (Lane lane : staging.lanes()) {
            lanes.getChildren().add(Cells.row("lane-row-" + lane.lane(), "lane-row",
                    Cells.text("Lane " + lane.lane(), "lane-number"),
                    Cells.text(Cells.car(lane.carNumber()), "car-number"),
                    Cells.stretch(lane.name(), "car-name")));
        }
        VBox.setVgrow(lanes, Priority.ALWAYS);
        box.getChildren().add(lanes);

        staging.upNext().ifPresent(next -> box.getChildren().add(upNext(next)));
    }

    private static Label badge(String text, String id) {
        Label l = Cells.text(text, "badge");
        l.setId(id);
        return l;
    }

    private static Node upNext(Lineup next) {
        Label heading = Cells.text("Up next – Heat " + next.heat(), "up-next-heading");
        heading.setId("up-next-heading");
        HBox strip = new HBox();
        strip.getStyleClass().add("up-next-lanes");
        for (Lane lane : next.lanes()) {
            Label number = Cells.text(String.valueOf(lane.lane()), "up-next-lane");
            Label car = Cells.text(Cells.car(lane.carNumber()), "up-next-car");
            Label name = Cells.stretch(lane.name(), "up-next-name");
            VBox who = new VBox(car, name);
            who.setMinWidth(0);
            HBox.setHgrow(who, Priority.ALWAYS);
            HBox chip = new HBox(number, who);
            chip.setId("up-next-lane-" + lane.lane());
            chip.getStyleClass().add("up-next-chip");
            chip.setAlignment(Pos.CENTER_LEFT);
            chip.setMinWidth(0);
            chip.setPrefWidth(0);
            chip.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(chip, Priority.ALWAYS);
            strip.getChildren().add(chip);
        }
        VBox box = new VBox(heading, strip);
        box.setId("up-next");
        box.getStyleClass().add("up-next");
        box.setMinHeight(Region.USE_PREF_SIZE);
        return box;
    }

    @Override
    public Node node() {
        return box;
    }
}
