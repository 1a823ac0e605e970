package org.rallylab.app.ui.audience;

import javafx.util.Duration;

/**
 * How much fits on the audience window. Every size is in "em" of the base font, which is the
 * window height / {@link #LINES} × zoom, so the window is {@link #LINES} / zoom em high whatever its
 * size in pixels: the number of rows that fit depends on the zoom only.
 *
 * @param zoom         the audience's zoom (1 = normal)
 * @param pageInterval how long each page of a long list shows
 */
record Fit(double zoom, Duration pageInterval) {

    /** The window height in base-font lines at zoom 1. */
    static final double LINES = 24;

    /** The window height in em of the base font. */
    double heightEm() {
        return LINES / zoom;
    }

    /** How many rows of {@code rowEm} fit beside {@code fixedEm} of titles and footers (at least 1). */
    int rows(double fixedEm, double rowEm) {
        return Math.max(1, (int) Math.floor((heightEm() - fixedEm) / rowEm));
    }
}
