package org.rallylab.app.ui.console;

import java.util.HashSet;
import java.util.Set;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;

/** A read-only table of labels with a header row: results and standings that fit on screen. */
final class Grid {

    private final GridPane pane = new GridPane();
    private final Set<Integer> rightAligned = new HashSet<>();
    private int rows;

    /** A table with {@code id} and these column headers; {@code right}: columns aligned right (numbers). */
    Grid(String id, String[] headers, int... right) {
        pane.setId(id);
        pane.getStyleClass().add("grid-table");
        pane.setHgap(14);
        pane.setVgap(4);
        for (int column : right) {
            rightAligned.add(column);
        }
        for (int i = 0; i < headers.length; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setHalignment(rightAligned.contains(i) ? HPos.RIGHT : HPos.LEFT);
            pane.getColumnConstraints().add(c);
            pane.add(Cells.label(headers[i], "grid-header"), i, 0);
        }
        rows = 1;
    }

    /** Adds a row of cells (strings become labels). */
    Grid row(Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            Object cell = cells[i];
            Node node = cell instanceof Node n ? n : Cells.label(cell == null ? "" : cell.toString());
            pane.add(node, i, rows);
        }
        rows++;
        return this;
    }

    /**
     * Lets {@code column} (a name) shrink to {@code min} pixels, its text cut with "...", when the
     * table is wider than its place; the other columns keep their width.
     */
    Grid shrinkable(int column, double min) {
        ColumnConstraints c = pane.getColumnConstraints().get(column);
        c.setMinWidth(min);
        for (Node node : pane.getChildren()) {
            Integer at = GridPane.getColumnIndex(node);
            if (at != null && at == column && node instanceof Label l) {
                l.setMinWidth(min);
            }
        }
        return this;
    }

    /** Rows added so far, without the header. */
    int size() {
        return rows - 1;
    }

    GridPane pane() {
        return pane;
    }

    /** Label factory for table cells. */
    static final class Cells {
        private Cells() {
        }

        static Label label(String text, String... classes) {
            Label l = new Label(text);
            l.getStyleClass().addAll(classes);
            l.setMinWidth(Label.USE_PREF_SIZE);
            return l;
        }
    }
}
