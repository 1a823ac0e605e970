package org.rallylab.app.ui.audience;

import javafx.geometry.Rectangle2D;

/**
 * Where the audience window opens on the operator's only screen: beside the operator's window,
 * never over it. When there is room beside it (at least {@link #LEAST_WIDTH}), the audience
 * window takes the wider free side; otherwise the operator's window keeps the left
 * {@link #OPERATOR_SHARE} of the screen and the audience window takes the rest, when that leaves
 * the operator at least {@link #OPERATOR_LEAST_WIDTH}. On a screen smaller still, the audience
 * window takes the right of the screen behind the operator's, which stays whole. (With a second
 * screen the audience window goes full screen there instead; see {@link AudienceWindow#openBeside}.)
 */
final class Placement {

    /** The narrowest audience window worth opening beside the operator's. */
    static final double LEAST_WIDTH = 480;
    /** The operator's share of the screen's width when it has to make room. */
    static final double OPERATOR_SHARE = 0.6;

    /** The narrowest the operator's window is made to make room. */
    static final double OPERATOR_LEAST_WIDTH = 1100;

    /** The two windows' bounds; {@code behind}: the audience window goes behind the operator's. */
    record Layout(Rectangle2D operator, Rectangle2D audience, boolean behind) {
    }

    private Placement() {
    }

    /** Where both windows go on a screen with {@code visual} bounds (the operator's window now at {@code operator}). */
    static Layout beside(Rectangle2D visual, Rectangle2D operator) {
        double right = visual.getMaxX() - Math.min(visual.getMaxX(), operator.getMaxX());
        double left = Math.max(visual.getMinX(), operator.getMinX()) - visual.getMinX();
        if (Math.max(left, right) >= LEAST_WIDTH) {
            double width = Math.max(left, right);
            double x = right >= left ? visual.getMaxX() - width : visual.getMinX();
            return new Layout(operator, audience(x, visual, width), false);
        }
        double split = Math.round(visual.getWidth() * OPERATOR_SHARE);
        Rectangle2D rest = audience(visual.getMinX() + split, visual, visual.getWidth() - split);
        if (split < OPERATOR_LEAST_WIDTH) {
            return new Layout(operator, rest, true);
        }
        Rectangle2D shrunk = new Rectangle2D(visual.getMinX(), visual.getMinY(), split, visual.getHeight());
        return new Layout(shrunk, rest, false);
    }

    /** A 16:9 window {@code width} wide at {@code x}, at the top of the screen (no taller than it). */
    private static Rectangle2D audience(double x, Rectangle2D visual, double width) {
        double height = Math.min(visual.getHeight(), Math.round(width * 9 / 16));
        return new Rectangle2D(x, visual.getMinY(), width, height);
    }
}
