package org.rallylab.app.ui.audience;

import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * A long list shown a page at a time: {@code pageSize} rows, the next page every interval,
 * back to the first after the last, with "page 1 of 3" in {@link #label()} (empty on one page).
 */
final class Pager {

    private final List<? extends Node> rows;
    private final int pageSize;
    private final VBox box = new VBox();
    private final Label label = Cells.text("", "page-label");
    private final Timeline timer;
    private int page;

    Pager(List<? extends Node> rows, int pageSize, Fit fit) {
        this.rows = List.copyOf(rows);
        this.pageSize = Math.max(1, pageSize);
        box.getStyleClass().add("rows");
        label.setId("page-label");
        timer = new Timeline(new KeyFrame(fit.pageInterval(), e -> next()));
        timer.setCycleCount(Timeline.INDEFINITE);
        showPage(0);
        if (pages() > 1) {
            timer.play();
        }
    }

    /** The rows of the page on show. */
    VBox rows() {
        return box;
    }

    /** "page 1 of 3", or "" when everything fits. */
    Label label() {
        return label;
    }

    int pages() {
        return Math.max(1, (rows.size() + pageSize - 1) / pageSize);
    }

    /** Shows the next page (the first after the last). */
    void next() {
        showPage((page + 1) % pages());
    }

    void stop() {
        timer.stop();
    }

    private void showPage(int index) {
        page = index;
        int from = index * pageSize;
        box.getChildren().setAll(rows.subList(Math.min(from, rows.size()), Math.min(from + pageSize, rows.size())));
        label.setText(pages() > 1 ? "page " + (index + 1) + " of " + pages() : "");
    }
}
