package org.rallylab.app.ui;

import java.util.Objects;
import javafx.scene.input.KeyCombination;

/** A key combination, what it does (for the help screen) and the action. */
public record Shortcut(KeyCombination keys, String description, Runnable action) {

    public Shortcut {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(action, "action");
    }

    /** "Ctrl+N" as the operator sees it. */
    public String keyText() {
        return keys.getDisplayText();
    }
}
