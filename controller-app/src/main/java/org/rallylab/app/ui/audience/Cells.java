package org.rallylab.app.ui.audience;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.rallylab.app.race.AudienceMessage.Standing;

/** Labels and wording the audience screens share: times, places, medals, ranks. */
final class Cells {

    private Cells() {
    }

    /** A label with style classes. */
    static Label text(String text, String... styleClasses) {
        Label l = new Label(text);
        l.getStyleClass().addAll(styleClasses);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** A label that takes the free width of its row and shortens with "…" when it must. */
    static Label stretch(String text, String... styleClasses) {
        Label l = new Label(text);
        l.getStyleClass().addAll(styleClasses);
        l.setMinWidth(0);
        l.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(l, Priority.ALWAYS);
        return l;
    }

    /** A row of cells, vertically centred. */
    static HBox row(String id, String styleClass, javafx.scene.Node... cells) {
        HBox row = new HBox(cells);
        row.setId(id);
        row.getStyleClass().add(styleClass);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** Seconds with three decimals: 2853 → "2.853 s". */
    static String seconds(long ms) {
        return (ms / 1000) + "." + String.format("%03d", ms % 1000) + " s";
    }

    /** 1 → "1st", 2 → "2nd", 11 → "11th". */
    static String ordinal(int n) {
        int lastTwo = n % 100;
        if (lastTwo >= 11 && lastTwo <= 13) {
            return n + "th";
        }
        return switch (n % 10) {
            case 1 -> n + "st";
            case 2 -> n + "nd";
            case 3 -> n + "rd";
            default -> n + "th";
        };
    }

    /** A place in 1..3 gets a medal: its colour and its words ("1st"), never the colour alone. */
    static Label place(int place, boolean tied) {
        Label l = text((tied ? "T" : "") + ordinal(place), "place");
        if (place >= 1 && place <= 3) {
            l.getStyleClass().add("medal-" + place);
        }
        return l;
    }

    /** Whether another line of {@code all} has the same rank (a tie, shown "T3"). */
    static boolean tied(Standing line, List<Standing> all) {
        return all.stream().filter(s -> s != line).anyMatch(s -> s.rank() == line.rank()
                && s.incomplete() == line.incomplete());
    }

    /** A standings rank: "3", or "T3" for a tie. */
    static String rank(Standing line, List<Standing> all) {
        return (tied(line, all) ? "T" : "") + line.rank();
    }

    /** A podium line: a complete car ranked 1 to 3 (the ones the final reveal keeps for last). */
    static boolean podium(Standing line) {
        return !line.incomplete() && line.rank() >= 1 && line.rank() <= 3;
    }

    /** "#112" */
    static String car(String carNumber) {
        return "#" + carNumber;
    }
}
