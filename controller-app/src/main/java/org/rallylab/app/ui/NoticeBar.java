package org.rallylab.app.ui;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The operator window's notice bar: one message (a refusal, what just happened), its OK button,
 * and, when the message offers one thing to do, a button that does it. Every notice is about
 * something, given when it is shown ({@code applies}): the screen it was shown on, the rally as it
 * stood, the open rally. It goes by itself as soon as that no longer holds ({@link #recheck()},
 * which the window calls whenever the screen, the rally or the race changes); OK hides it at once.
 */
final class NoticeBar {

    /** What a notice offers to do: the button's words and what it does (the notice goes first). */
    record Action(String text, Runnable run) {
        Action {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(run, "run");
        }
    }

    private final Label notice = new Label();
    private final Button action = Ui.button("", "notice-action", this::act);
    private final HBox bar;
    private BooleanSupplier applies = () -> false;
    private Runnable onAction = () -> { };

    NoticeBar() {
        notice.setId("notice");
        notice.setWrapText(true);
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.setMinWidth(0); // a long notice wraps onto more lines; the buttons keep their words
        notice.setMinHeight(Region.USE_PREF_SIZE);
        Button dismiss = Ui.button("OK", "notice-dismiss", this::clear);
        dismiss.setMinWidth(Region.USE_PREF_SIZE);
        action.setMinWidth(Region.USE_PREF_SIZE);
        action.getStyleClass().add("notice-action");
        action.managedProperty().bind(action.visibleProperty());
        action.setVisible(false);
        bar = new HBox(12, notice, action, dismiss);
        HBox.setHgrow(notice, Priority.ALWAYS);
        bar.getStyleClass().add("notice-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.managedProperty().bind(bar.visibleProperty());
        bar.setVisible(false);
    }

    HBox view() {
        return bar;
    }

    /** Shows {@code message} while {@code stillApplies} holds; blank hides the bar. */
    void show(String message, BooleanSupplier stillApplies) {
        show(message, stillApplies, null);
    }

    /** Shows {@code message} with a button for {@code offer} (null: none) while {@code stillApplies} holds. */
    void show(String message, BooleanSupplier stillApplies, Action offer) {
        String text = message == null ? "" : message.strip();
        applies = text.isEmpty() ? () -> false : Objects.requireNonNull(stillApplies, "stillApplies");
        notice.setText(text);
        action.setText(offer == null ? "" : offer.text());
        action.setVisible(offer != null && !text.isEmpty());
        onAction = offer == null ? () -> { } : offer.run();
        bar.setVisible(!text.isEmpty());
    }

    /** Hides the notice when what it was about has changed. */
    void recheck() {
        if (bar.isVisible() && !applies.getAsBoolean()) {
            clear();
        }
    }

    /** Hides the notice. */
    void clear() {
        show("", null);
    }

    String text() {
        return notice.getText();
    }

    private void act() {
        Runnable run = onAction;
        clear(); // what the notice offered is being done: it no longer applies
        run.run();
    }
}
