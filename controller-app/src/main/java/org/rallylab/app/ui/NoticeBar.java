package org.rallylab.app.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The operator window's notice bar: one message (a refusal, what just happened) and its OK button. */
final class NoticeBar {

    private final Label notice = new Label();
    private final HBox bar;

    NoticeBar() {
        notice.setId("notice");
        notice.setWrapText(true);
        notice.setMaxWidth(Double.MAX_VALUE);
        Button dismiss = Ui.button("OK", "notice-dismiss", () -> show(""));
        dismiss.setMinWidth(Region.USE_PREF_SIZE); // a long notice wraps; the button keeps its word
        bar = new HBox(12, notice, dismiss);
        HBox.setHgrow(notice, Priority.ALWAYS);
        bar.getStyleClass().add("notice-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.managedProperty().bind(bar.visibleProperty());
        bar.setVisible(false);
    }

    HBox view() {
        return bar;
    }

    /** Shows {@code message}; blank hides the bar. */
    void show(String message) {
        String text = message == null ? "" : message.strip();
        notice.setText(text);
        bar.setVisible(!text.isEmpty());
    }

    String text() {
        return notice.getText();
    }
}
