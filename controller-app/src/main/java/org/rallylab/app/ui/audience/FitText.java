package org.rallylab.app.ui.audience;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * A text that fits the width it is given, for names and titles: at its full size when it fits;
 * else a little smaller on one line, or on two lines; never under the smallest readable size
 * ({@link Fit#MIN_TEXT_SHARE} of the window's height). Only when even two lines at that size do
 * not fit is the end cut with "…". The whole text is the region's accessible text. JavaFX thread.
 */
final class FitText extends Region {

    /** A single line may shrink to this share of the full size before the text wraps instead. */
    private static final double SHRINK_BEFORE_WRAP = 0.75;
    private static final double STEP = 0.95;
    private static final Text MEASURE = new Text();
    /**
     * Fonts by weight and whole pixel size: text is drawn only at whole sizes, so the renderer's
     * glyphs for a size are made once and every later heat reuses them (JavaFX thread only).
     */
    private static final java.util.Map<FontWeight, java.util.Map<Integer, Font>> FONTS =
            new java.util.EnumMap<>(FontWeight.class);
    /** A line's height / the font size, by weight (JavaFX thread only, like every use of it). */
    private static final java.util.Map<FontWeight, Double> LINE_RATIOS = new java.util.EnumMap<>(FontWeight.class);

    private final String full;
    private final double em;
    private final FontWeight weight;
    private final Fit fit;
    private final boolean centred;
    private final Text text = new Text();
    private final ObjectProperty<Font> font = new SimpleObjectProperty<>(Font.getDefault());
    /** The width, height and sizes the text was last fitted to (a layout pass with the same ones does nothing). */
    private double[] fitted = new double[0];

    /**
     * @param em the full size, in em of the audience's base font
     */
    FitText(String full, double em, FontWeight weight, Fit fit, boolean centred, String... styleClasses) {
        this.full = full == null ? "" : full;
        this.em = em;
        this.weight = weight;
        this.fit = fit;
        this.centred = centred;
        getStyleClass().add("fit");
        getStyleClass().addAll(styleClasses);
        text.getStyleClass().add("fit-text");
        text.getStyleClass().addAll(styleClasses);
        text.fontProperty().bind(font); // bound: the stylesheet cannot change the size this chose
        text.setTextOrigin(VPos.TOP);
        text.setManaged(false);
        text.setTextAlignment(centred ? TextAlignment.CENTER : TextAlignment.LEFT);
        text.setText(this.full);
        setAccessibleText(this.full);
        setMinWidth(0);
        getChildren().add(text);
    }

    /** The whole text (what shows when it fits). */
    String fullText() {
        return full;
    }

    /** The size it is drawn at now, in pixels. */
    double fontSize() {
        return text.getFont().getSize();
    }

    /** The text drawn now (ends with "…" only when cut). */
    String shownText() {
        return text.getText();
    }

    @Override
    protected double computePrefWidth(double height) {
        return snapSizeX(measure(full, fullPx(), 0).getWidth() + 1);
    }

    @Override
    protected double computeMinHeight(double width) {
        return snapSizeY(lineHeight(minPx()));
    }

    /** One line at full size, or room for two lines at the smallest size, whichever is higher. */
    @Override
    protected double computePrefHeight(double width) {
        return snapSizeY(Math.max(lineHeight(fullPx()), 2 * lineHeight(minPx())));
    }

    @Override
    protected void layoutChildren() {
        double w = Math.max(1, getWidth() - snappedLeftInset() - snappedRightInset());
        double h = Math.max(1, getHeight() - snappedTopInset() - snappedBottomInset());
        double fullPx = fullPx();
        double minPx = Math.min(fullPx, minPx());
        double[] now = {w, h, fullPx, minPx};
        if (java.util.Arrays.equals(now, fitted)) {
            return;
        }
        fitted = now;
        double widthAtFull = measure(full, fullPx, 0).getWidth();
        double one = Math.min(fullPx, Math.min(fullPx * w / Math.max(1, widthAtFull), h / lineRatio()));
        double two = 0;
        boolean oneIsEnough = one >= minPx && one >= SHRINK_BEFORE_WRAP * fullPx;
        for (double px = Math.min(fullPx, h / (2 * lineRatio())); !oneIsEnough && px >= minPx; px *= STEP) {
            if (measure(full, px, w).getHeight() <= Math.min(h, 2.2 * lineHeight(px))) {
                two = px;
                break;
            }
        }
        String shown = full;
        double px;
        double wrap = 0;
        if (one >= minPx && (one >= SHRINK_BEFORE_WRAP * fullPx || one >= 0.9 * two)) {
            px = one;
        } else if (two >= minPx) {
            px = two;
            wrap = w;
        } else {
            px = minPx;
            boolean twoLines = 2 * lineHeight(px) <= h;
            wrap = twoLines ? w : 0;
            shown = cut(px, w, twoLines ? 2 : 1);
        }
        font.set(font(weight, px));
        text.setWrappingWidth(wrap);
        text.setText(shown);
        var bounds = text.getLayoutBounds();
        double x = snappedLeftInset() + (centred && wrap == 0 ? Math.max(0, (w - bounds.getWidth()) / 2) : 0);
        double y = snappedTopInset() + Math.max(0, (h - bounds.getHeight()) / 2);
        text.relocate(snapPositionX(x), snapPositionY(y));
    }

    /** The longest start of the text that, with "…", fits {@code lines} lines of {@code w}. */
    private String cut(double px, double w, int lines) {
        double limit = lines * lineHeight(px) * 1.05;
        int lo = 0;
        int hi = full.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            String s = full.substring(0, mid).strip() + "…";
            var b = measure(s, px, lines > 1 ? w : 0);
            if (b.getWidth() <= w && b.getHeight() <= limit) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return full.substring(0, lo).strip() + "…";
    }

    private double fullPx() {
        return basePx() * em;
    }

    private double minPx() {
        double height = getScene() == null ? 0 : getScene().getHeight();
        return height * Fit.MIN_TEXT_SHARE;
    }

    private double basePx() {
        double height = getScene() == null ? Fit.LINES * 16 : getScene().getHeight();
        return Fit.basePx(height, fit.zoom());
    }

    private double lineHeight(double px) {
        return px * lineRatio();
    }

    private double lineRatio() {
        Double ratio = LINE_RATIOS.get(weight);
        if (ratio == null) {
            ratio = measure("Xg", 100, 0).getHeight() / 100;
            LINE_RATIOS.put(weight, ratio);
        }
        return ratio;
    }

    /** Measured at the exact size: the whole-pixel size it is drawn at is never larger. */
    private javafx.geometry.Bounds measure(String s, double px, double wrap) {
        MEASURE.setFont(Font.font(family(), weight, px));
        MEASURE.setWrappingWidth(wrap);
        MEASURE.setText(s);
        return MEASURE.getLayoutBounds();
    }

    /** The font of {@code weight} at {@code px} rounded down to a whole pixel (at least 1). */
    private static Font font(FontWeight weight, double px) {
        int whole = Math.max(1, (int) Math.floor(px));
        return FONTS.computeIfAbsent(weight, w -> new java.util.HashMap<>())
                .computeIfAbsent(whole, size -> Font.font(family(), weight, size));
    }

    private static String family() {
        return Font.getDefault().getFamily();
    }
}
