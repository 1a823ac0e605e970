package org.rallylab.app.ui.audience;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/**
 * What a person at the back of the hall would miss on a rendered audience scene: every visible
 * {@link Text} node is checked, whatever drew it (a label's skin or the audience's own text).
 *
 * <ul>
 *   <li><b>cut</b>: the text drawn is not the whole text (an ellipsis, a missing column);</li>
 *   <li><b>small</b>: its font is under {@link #MIN_SHARE} of the window's height;</li>
 *   <li><b>off the window</b> or <b>out of its box</b>: drawn where it is clipped or spills over;</li>
 *   <li><b>more than two lines</b>;</li>
 *   <li><b>overlapping</b> another text of the same layer (the screen, or the overlay over it).</li>
 * </ul>
 *
 * The thresholds are the test's own, not read from the code under test.
 */
final class TextAudit {

    /** The smallest type the back of a hall reads: 1/30 of the picture's height. */
    static final double MIN_SHARE = 1 / 30.0;
    private static final double SLACK = 1.0;

    private TextAudit() {
    }

    /** The problems of {@code scene}, one line each (empty when every text reads). */
    static List<String> problems(Scene scene) {
        double w = scene.getWidth();
        double h = scene.getHeight();
        double minFont = h * MIN_SHARE;
        List<Drawn> drawn = new ArrayList<>();
        collect(scene.getRoot(), drawn);
        List<String> out = new ArrayList<>();
        for (Drawn d : drawn) {
            Text t = d.text;
            String shown = normal(t.getText());
            String source = normal(sourceOf(t));
            String what = "'" + source + "'";
            if (!shown.equals(source)) {
                out.add("cut: " + what + " shows as '" + shown + "'");
            }
            double size = t.getFont().getSize();
            if (size < minFont - 0.01) {
                out.add(String.format(Locale.ROOT, "small: %s is %.1f px, under %.1f px (1/30 of %.0f)", what, size,
                        minFont, h));
            }
            Bounds b = d.bounds;
            if (b.getMinX() < -SLACK || b.getMinY() < -SLACK || b.getMaxX() > w + SLACK || b.getMaxY() > h + SLACK) {
                out.add("off the window: " + what + " at " + box(b));
            }
            Node box = t.getParent();
            if (box != null && !shown.isEmpty()) {
                Bounds owner = box.localToScene(box.getLayoutBounds());
                if (b.getMinX() < owner.getMinX() - SLACK || b.getMaxX() > owner.getMaxX() + SLACK
                        || b.getMinY() < owner.getMinY() - SLACK || b.getMaxY() > owner.getMaxY() + SLACK) {
                    out.add("out of its box: " + what + " at " + box(b) + " in " + box(owner));
                }
            }
            double lineHeight = t.getFont().getSize() * 1.5;
            if (b.getHeight() > 2 * lineHeight) {
                out.add("more than two lines: " + what);
            }
        }
        for (int i = 0; i < drawn.size(); i++) {
            for (int j = i + 1; j < drawn.size(); j++) {
                Drawn a = drawn.get(i);
                Drawn c = drawn.get(j);
                if (a.layer.equals(c.layer) && overlap(a.bounds, c.bounds)) {
                    out.add("overlapping: '" + normal(a.text.getText()) + "' and '" + normal(c.text.getText()) + "'");
                }
            }
        }
        return out;
    }

    /** Every visible text, whole: its full text as the node that owns it has it. */
    static List<String> texts(Scene scene) {
        List<Drawn> drawn = new ArrayList<>();
        collect(scene.getRoot(), drawn);
        return drawn.stream().map(d -> normal(d.text.getText())).toList();
    }

    private static void collect(Node node, List<Drawn> out) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Text t) {
            if (!t.getText().isEmpty() || !normal(sourceOf(t)).isEmpty()) {
                out.add(new Drawn(t, t.localToScene(t.getLayoutBounds()), layerOf(t)));
            }
        } else if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }

    /** The whole text the node drawing {@code t} was given. */
    private static String sourceOf(Text t) {
        Node parent = t.getParent();
        if (parent instanceof Labeled l) {
            return l.getText();
        }
        if (parent != null && parent.getAccessibleText() != null) {
            return parent.getAccessibleText(); // a text that fits itself tells its whole text this way
        }
        return t.getText();
    }

    private static String layerOf(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if ("audience-overlay".equals(n.getId())) {
                return "overlay";
            }
        }
        return "screen";
    }

    private static boolean overlap(Bounds a, Bounds b) {
        double x = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
        double y = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
        return x > SLACK && y > SLACK;
    }

    private static String normal(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    private static String box(Bounds b) {
        return String.format(Locale.ROOT, "%.0f,%.0f %.0fx%.0f", b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
    }

    private record Drawn(Text text, Bounds bounds, String layer) {
    }
}
