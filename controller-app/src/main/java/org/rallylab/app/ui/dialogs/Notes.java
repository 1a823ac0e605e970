package org.rallylab.app.ui.dialogs;

import javafx.scene.control.Label;

/** Wrapped explanatory text inside a dialog: a plain note, a warning, a danger. */
final class Notes {

    private Notes() {
    }

    static Label note(String text) {
        return wrapped(text, "note");
    }

    static Label warn(String text) {
        return wrapped(text, "warn-note");
    }

    static Label danger(String text) {
        return wrapped(text, "danger-note");
    }

    private static Label wrapped(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinHeight(Label.USE_PREF_SIZE);
        return l;
    }
}
