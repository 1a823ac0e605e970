package org.rallylab.app.ui.audience;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.rallylab.app.race.AudienceMessage.Standing;
import org.rallylab.domain.scoring.Ordinal;

/** Labels, widths and wording the audience screens share: times, places, medals, ranks. */
final class Cells {

    /** Room left beside a measured text so it is never cut, in em. */
    private static final double MARGIN_EM = 0.25;
    private static final Text MEASURE = new Text();

    private Cells() {
    }

    /** A label with style classes that is never narrower than its text. */
    static Label text(String text, String... styleClasses) {
        Label l = new Label(text);
        l.getStyleClass().addAll(styleClasses);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.setTextOverrun(OverrunStyle.CLIP);
        return l;
    }

    /** A label {@code widthEm} wide (in em of its own font), for a column. */
    static Label cell(String text, double widthEm, String... styleClasses) {
        Label l = text(text, styleClasses);
        l.setStyle(String.format(Locale.ROOT, "-fx-min-width: %.3fem; -fx-pref-width: %.3fem; -fx-max-width: %.3fem;",
                widthEm, widthEm, widthEm));
        return l;
    }

    /** A name that takes the free width of its row: it shrinks, then wraps, before it is cut. */
    static FitText name(String name, double em, Fit fit, String... styleClasses) {
        FitText t = new FitText(name, em, FontWeight.NORMAL, fit, false, styleClasses);
        HBox.setHgrow(t, Priority.ALWAYS);
        t.setMaxWidth(Double.MAX_VALUE);
        t.setMaxHeight(Double.MAX_VALUE);
        return t;
    }

    /** A screen's title: bold and yellow, fitted to the width. */
    static FitText title(String title, Fit fit) {
        FitText t = new FitText(title, 1.45, FontWeight.BOLD, fit, false, "title");
        t.setId("audience-title");
        t.setMaxWidth(Double.MAX_VALUE);
        return t;
    }

    /** A row of cells, vertically centred. */
    static HBox row(String id, String styleClass, javafx.scene.Node... cells) {
        HBox row = new HBox(cells);
        row.setId(id);
        row.getStyleClass().add(styleClass);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** How wide {@code text} is in the audience's font, in em of that font (with a margin). */
    static double widthEm(String text, boolean bold) {
        MEASURE.setFont(Font.font(Font.getDefault().getFamily(), bold ? FontWeight.BOLD : FontWeight.NORMAL, 100));
        MEASURE.setText(text);
        return MEASURE.getLayoutBounds().getWidth() / 100 + MARGIN_EM;
    }

    /** The widest of {@code texts}, in em (see {@link #widthEm}). */
    static double widestEm(Collection<String> texts, boolean bold) {
        double widest = 0;
        for (String t : texts) {
            widest = Math.max(widest, widthEm(t, bold));
        }
        return widest;
    }

    /**
     * The width, in em of the base font, a column of {@code names} needs for each to read on at
     * most two lines at a font of {@code em}: its longest word, or half of it with some room.
     */
    static double nameNeedsEm(Collection<String> names, double em) {
        double needs = 0;
        for (String name : names) {
            needs = Math.max(needs, widthEm(name, false) / 2 * 1.15);
            for (String word : name.split("\\s+")) {
                needs = Math.max(needs, widthEm(word, false));
            }
        }
        return needs * em;
    }

    /** Seconds with three decimals: 2853 → "2.853 s". */
    static String seconds(long ms) {
        return (ms / 1000) + "." + String.format("%03d", ms % 1000) + " s";
    }

    /** A place's words: "1st", "T3rd" for a tie. */
    static String placeText(int place, boolean tied) {
        return (tied ? "T" : "") + Ordinal.of(place);
    }

    /** Adds a medal's colour to {@code label} for a place in 1..3 (its words say it too). */
    static Label medal(Label label, int place) {
        if (place >= 1 && place <= 3) {
            label.getStyleClass().add("medal-" + place);
        }
        return label;
    }

    /** Whether another line of {@code all} has the same rank (a tie, shown "T3"). */
    static boolean tied(Standing line, List<Standing> all) {
        return all.stream().filter(s -> s != line).anyMatch(s -> s.rank() == line.rank()
                && s.incomplete() == line.incomplete());
    }

    /** A podium line: a complete car ranked 1 to 3 (the ones the final reveal keeps for last). */
    static boolean podium(Standing line) {
        return !line.incomplete() && line.rank() >= 1 && line.rank() <= 3;
    }

    /** "#112" */
    static String car(String carNumber) {
        return "#" + carNumber;
    }

    /** "1 DNF", "3 DNF". */
    static String dnfs(int count) {
        return count + " DNF";
    }
}
