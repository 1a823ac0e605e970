package org.rallylab.app.ui.audience;

import javafx.util.Duration;

/**
 * How much fits on the audience window. Every size is in "em" of the base font, which is the
 * window height / {@link #LINES} × zoom, so the window is {@link #LINES} / zoom em high and
 * {@code aspect} times that wide whatever its size in pixels.
 *
 * @param zoom         the audience's zoom (1 = normal, more with "Larger text")
 * @param aspect       the window's width / height (4:3 is 1.33, 16:9 is 1.78)
 * @param pageInterval how long each page of a long list shows
 */
record Fit(double zoom, double aspect, Duration pageInterval) {

    /** The window height in base-font lines at zoom 1. */
    static final double LINES = 24;
    /**
     * The smallest text the back of a hall reads: a font 1/28 of the window's height (a capital
     * letter about 2.5% of it). Nothing on the audience window is drawn smaller.
     */
    static final double MIN_TEXT_SHARE = 1 / 28.0;
    /** The screen's padding left and right, in em (see audience.css .screen). */
    static final double SIDE_PADDING_EM = 2.2;

    /** The base font in pixels for a window {@code height} pixels high. */
    static double basePx(double height, double zoom) {
        return Math.max(8, height / LINES * zoom);
    }

    /** The window height in em of the base font. */
    double heightEm() {
        return LINES / zoom;
    }

    /** The window width in em of the base font. */
    double widthEm() {
        return heightEm() * aspect;
    }

    /** The width inside the screen's padding, in em. */
    double innerWidthEm() {
        return widthEm() - SIDE_PADDING_EM;
    }

    /** The smallest font size allowed, in em of the base font. */
    double minEm() {
        return LINES * MIN_TEXT_SHARE / zoom;
    }

    /** {@code em}, or the smallest font allowed when it is smaller. */
    double atLeastMin(double em) {
        return Math.max(em, minEm());
    }

    /** How many rows of {@code rowEm} fit beside {@code fixedEm} of titles and footers (at least 1). */
    int rows(double fixedEm, double rowEm) {
        return Math.max(1, (int) Math.floor((heightEm() - fixedEm) / rowEm));
    }
}
