package org.rallylab.app.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;

/**
 * What an operator would miss on a rendered window: every visible {@link Labeled} whose displayed
 * text is not its whole text (cut with "…", or not drawn at all for want of room), and every
 * visible control or text that lies, even in part, outside the window. What a scroll pane, a list
 * or a table scrolls is not "outside the window" (it scrolls into view), but a cut word in its
 * cells still counts. The scene is laid out first; call on the JavaFX thread.
 */
final class CutText {

    private static final double SLACK = 1.0;

    private CutText() {
    }

    /** The problems of {@code scene}, one line each (empty when everything shows whole). */
    static List<String> problems(Scene scene) {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        List<String> out = new ArrayList<>();
        walk(scene.getRoot(), scene.getWidth(), scene.getHeight(), false, out);
        return out;
    }

    private static void walk(Node node, double width, double height, boolean scrolls, List<String> out) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Labeled l) {
            String whole = shown(l);
            if (!whole.isBlank() && !drawsThroughInnerLabel(l)) {
                String drawn = drawn(l);
                if (!whole.equals(drawn)) {
                    out.add("cut: '" + whole + "' shows as '" + drawn + "' (" + describe(l) + ")");
                }
            }
        }
        if (!scrolls && (node instanceof Control || node instanceof Text) && !node.getLayoutBounds().isEmpty()) {
            Bounds b = node.localToScene(node.getLayoutBounds());
            if (b.getMinX() < -SLACK || b.getMinY() < -SLACK || b.getMaxX() > width + SLACK
                    || b.getMaxY() > height + SLACK) {
                out.add("outside the window (" + fmt(width) + "x" + fmt(height) + "): " + describe(node) + " at "
                        + box(b));
            }
        }
        if (node instanceof Parent p) {
            boolean inner = scrolls || node instanceof ScrollPane || node instanceof TextInputControl
                    || node.getClass().getSimpleName().equals("VirtualFlow");
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, width, height, inner, out);
            }
        }
    }

    /** The text {@code l} is meant to show: its text, less the mnemonic's underscore. */
    private static String shown(Labeled l) {
        String text = l.getText() == null ? "" : l.getText();
        if (l.isMnemonicParsing()) {
            int i = text.indexOf('_');
            while (i >= 0 && i + 1 < text.length() && text.charAt(i + 1) == '_') {
                i = text.indexOf('_', i + 2);
            }
            if (i >= 0 && i + 1 < text.length()) {
                text = text.substring(0, i) + text.substring(i + 1);
            }
            text = text.replace("__", "_");
        }
        return normal(text);
    }

    /** A menu button draws its words with a label of its own, which is checked in its turn. */
    private static boolean drawsThroughInnerLabel(Labeled l) {
        return l.getChildrenUnmodifiable().stream().noneMatch(Text.class::isInstance)
                && l.getChildrenUnmodifiable().stream().anyMatch(Labeled.class::isInstance);
    }

    /** What the label's skin draws ("" when it draws no text at all). */
    private static String drawn(Labeled l) {
        for (Node child : l.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.isVisible()) {
                return normal(t.getText());
            }
        }
        return "";
    }

    private static String normal(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    private static String describe(Node node) {
        String name = node.getClass().getSimpleName();
        String id = node.getId() != null ? "#" + node.getId() : "";
        String text = node instanceof Labeled l ? " '" + normal(l.getText()) + "'"
                : node instanceof Text t ? " '" + normal(t.getText()) + "'" : "";
        String owner = "";
        for (Node p = node.getParent(); p != null && owner.isEmpty(); p = p.getParent()) {
            if (p.getId() != null) {
                owner = " in #" + p.getId();
            }
        }
        return name + id + text + owner;
    }

    private static String box(Bounds b) {
        return fmt(b.getMinX()) + "," + fmt(b.getMinY()) + " to " + fmt(b.getMaxX()) + "," + fmt(b.getMaxY());
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
