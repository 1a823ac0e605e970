package org.rallylab.app.ui.dialogs;

import java.util.Locale;
import java.util.function.Function;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.StringConverter;

/** Drop-down lists that work without a mouse: type to choose, Up/Down to step. */
final class Choosers {

    private static final long TYPING_PAUSE_MS = 1_000;

    private Choosers() {
    }

    /**
     * Shows items as {@code text} and lets the keyboard choose while the list is closed: typed
     * characters select the first item whose text starts with what was typed (within a second),
     * Up and Down step to the previous and next item. Alt+Down or F4 still opens the list.
     */
    static <T> ComboBox<T> keyboard(ComboBox<T> box, Function<T, String> text) {
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : text.apply(item);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        });
        box.setButtonCell(cell(text, box.getPromptText()));
        box.setCellFactory(list -> cell(text, ""));
        StringBuilder typed = new StringBuilder();
        long[] last = {0};
        box.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            String ch = e.getCharacter();
            if (box.isShowing() || ch == null || ch.isEmpty() || Character.isISOControl(ch.charAt(0))
                    || e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
                return;
            }
            long now = System.currentTimeMillis();
            if (now - last[0] > TYPING_PAUSE_MS) {
                typed.setLength(0);
            }
            last[0] = now;
            typed.append(ch.toLowerCase(Locale.ROOT));
            if (!selectStartingWith(box, text, typed.toString())) {
                // nothing starts with what was typed so far: start again from this character
                typed.setLength(0);
                typed.append(ch.toLowerCase(Locale.ROOT));
                selectStartingWith(box, text, typed.toString());
            }
            e.consume();
        });
        box.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (box.isShowing() || e.isAltDown() || e.isControlDown()) {
                return;
            }
            int at = box.getSelectionModel().getSelectedIndex();
            if (e.getCode() == KeyCode.DOWN) {
                box.getSelectionModel().select(Math.min(box.getItems().size() - 1, at + 1));
                e.consume();
            } else if (e.getCode() == KeyCode.UP && at > 0) {
                box.getSelectionModel().select(at - 1);
                e.consume();
            }
        });
        return box;
    }

    private static <T> boolean selectStartingWith(ComboBox<T> box, Function<T, String> text, String prefix) {
        for (T item : box.getItems()) {
            if (text.apply(item).toLowerCase(Locale.ROOT).startsWith(prefix)) {
                box.getSelectionModel().select(item);
                return true;
            }
        }
        return false;
    }

    private static <T> ListCell<T> cell(Function<T, String> text, String empty) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean isEmpty) {
                super.updateItem(item, isEmpty);
                setText(isEmpty || item == null ? empty : text.apply(item));
            }
        };
    }
}
