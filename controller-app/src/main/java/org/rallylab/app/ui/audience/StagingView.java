package org.rallylab.app.ui.audience;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.rallylab.app.race.AudienceMessage;
import org.rallylab.app.race.AudienceMessage.Lane;
import org.rallylab.app.race.AudienceMessage.Lineup;

/**
 * SHOW_STAGING: "Kub Kars – Heat 3 of 14", one big row per lane (lane, car, name), the catch-up
 * and re-run badges, and the heats after it "On deck" at the bottom (car numbers by lane). The
 * lanes get the room first: when the on-deck heats would leave their type too small (larger text
 * on a 4:3 screen), fewer heats show on deck.
 */
final class StagingView implements ScreenView {

    /** Title and margins, in em. */
    private static final double FIXED_EM = 3.4;
    private static final double BADGES_EM = 1.5;
    /** A lane row is this many times its font size high. */
    private static final double ROW_LINES = 1.45;
    private static final double MAX_LANE_FONT = 2.2;
    /** The lanes' type is not made smaller than this (in em at zoom 1) to show more heats on deck. */
    private static final double LANE_LEAST = 1.3;
    private static final double CHIP_EM = 0.9;
    private static final double CHIP_GAP_EM = 0.6;
    private static final double LINE_EM = 1.4;

    private final VBox box = new VBox();

    StagingView(AudienceMessage.Staging staging, Fit fit) {
        box.getStyleClass().addAll("screen", "staging");
        box.getChildren().add(Cells.title(staging.sectionName() + " – Heat " + staging.heat() + " of "
                + staging.totalHeats(), fit));
        double fixed = FIXED_EM;

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
            fixed += BADGES_EM;
        }

        int count = Math.max(1, staging.lanes().size());
        List<Lineup> onDeck = new ArrayList<>(staging.onDeck());
        double font = laneFont(fit, fixed + onDeckEm(onDeck, fit), count);
        while (!onDeck.isEmpty() && font * fit.zoom() < LANE_LEAST) {
            onDeck.remove(onDeck.size() - 1);
            font = laneFont(fit, fixed + onDeckEm(onDeck, fit), count);
        }
        List<String> names = new ArrayList<>();
        staging.lanes().forEach(lane -> names.add(lane.name()));
        List<String> laneWords = new ArrayList<>();
        List<String> cars = new ArrayList<>();
        for (Lane lane : staging.lanes()) {
            laneWords.add("Lane " + lane.lane());
            cars.add(Cells.car(lane.carNumber()));
        }
        double laneEm = Cells.widestEm(laneWords, false);
        double carEm = Cells.widestEm(cars, true);
        // the names need room to read at 1em on two lines: the lane and car columns' type gives way
        double nameNeeds = Cells.nameNeedsEm(names, Math.max(1, fit.minEm()));
        font = fit.atLeastMin(Math.min(font, (fit.innerWidthEm() - nameNeeds) / (laneEm + carEm + 1.0)));

        VBox lanes = new VBox();
        lanes.getStyleClass().add("lanes");
        lanes.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.3fem;", font));
        for (Lane lane : staging.lanes()) {
            HBox row = Cells.row("lane-row-" + lane.lane(), "lane-row",
                    Cells.cell("Lane " + lane.lane(), laneEm, "lane-number"),
                    Cells.cell(Cells.car(lane.carNumber()), carEm, "car-number"),
                    Cells.name(lane.name(), font, fit, "car-name"));
            row.setStyle(String.format(Locale.ROOT, "-fx-min-height: %.3fem; -fx-pref-height: %.3fem;", ROW_LINES,
                    ROW_LINES));
            lanes.getChildren().add(row);
        }
        VBox.setVgrow(lanes, Priority.ALWAYS);
        box.getChildren().add(lanes);

        if (!onDeck.isEmpty()) {
            box.getChildren().add(onDeck(onDeck, fit));
        }
    }

    private static double laneFont(Fit fit, double fixedEm, int count) {
        return Math.min(MAX_LANE_FONT, (fit.heightEm() - fixedEm) / (count * ROW_LINES));
    }

    /** How high the on-deck box is, in em: its heading and each heat's lines of cars. */
    private static double onDeckEm(List<Lineup> heats, Fit fit) {
        if (heats.isEmpty()) {
            return 0;
        }
        double chip = fit.atLeastMin(CHIP_EM);
        double width = (fit.innerWidthEm() - 1) / chip; // in em of the chip font
        double lines = 1; // the heading
        for (Lineup heat : heats) {
            double used = Cells.widthEm("Heat " + heat.heat(), true);
            int heatLines = 1;
            for (Lane lane : heat.lanes()) {
                double w = chipEm(lane);
                if (used + CHIP_GAP_EM + w > width) {
                    heatLines++;
                    used = w;
                } else {
                    used += CHIP_GAP_EM + w;
                }
            }
            lines += heatLines;
        }
        return lines * LINE_EM * chip + 0.6;
    }

    private static double chipEm(Lane lane) {
        return Cells.widthEm(String.valueOf(lane.lane()), true) + 0.3 + Cells.widthEm(Cells.car(lane.carNumber()), true);
    }

    private static Label badge(String text, String id) {
        Label l = Cells.text(text, "badge");
        l.setId(id);
        return l;
    }

    private static Node onDeck(List<Lineup> heats, Fit fit) {
        double chipFont = fit.atLeastMin(CHIP_EM);
        Label heading = Cells.text(heats.size() == 1 ? "On deck: the next heat" : "On deck: the next "
                + heats.size() + " heats", "on-deck-heading");
        heading.setId("on-deck-heading");
        VBox box = new VBox(heading);
        for (Lineup heat : heats) {
            FlowPane line = new FlowPane();
            line.setId("on-deck-heat-" + heat.heat());
            line.getStyleClass().add("on-deck-heat");
            line.setPrefWrapLength(10);
            line.setAlignment(Pos.CENTER_LEFT);
            line.getChildren().add(Cells.text("Heat " + heat.heat(), "on-deck-number"));
            for (Lane lane : heat.lanes()) {
                HBox chip = new HBox(Cells.text(String.valueOf(lane.lane()), "on-deck-lane"),
                        Cells.text(Cells.car(lane.carNumber()), "on-deck-car"));
                chip.setId("on-deck-" + heat.heat() + "-lane-" + lane.lane());
                chip.getStyleClass().add("on-deck-chip");
                chip.setAlignment(Pos.CENTER_LEFT);
                chip.setMinWidth(Region.USE_PREF_SIZE);
                line.getChildren().add(chip);
            }
            box.getChildren().add(line);
        }
        box.setId("on-deck");
        box.getStyleClass().add("on-deck");
        box.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.3fem;", chipFont));
        box.setMinHeight(Region.USE_PREF_SIZE);
        return box;
    }

    @Override
    public Node node() {
        return box;
    }
}
