package org.rallylab.app.ui.home;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.rallylab.app.ui.Ui;

/** A figure with its name and a line explaining it, such as "12 · Heats · about 1 minute each". */
final class MetricTile extends VBox {

    private final Label value;
    private final Label detail;

    MetricTile(String id, String name) {
        super(4);
        value = Ui.label("–", "metric-value");
        value.setId(id + "-value");
        detail = Ui.label("", "metric-detail");
        detail.setId(id + "-detail");
        detail.setWrapText(true);
        getChildren().addAll(value, Ui.label(name, "metric-label"), detail);
        getStyleClass().addAll("card", "metric-tile");
    }

    void show(String figure, String explanation) {
        value.setText(figure);
        detail.setText(explanation);
    }

    void clear() {
        show("–", "");
    }
}
