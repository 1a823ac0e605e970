package org.rallylab.app.ui;

import java.util.List;
import javafx.scene.Parent;

/**
 * One screen of the operator window. It is built with an {@link OperatorContext}, shown until the
 * operator goes elsewhere, then {@link #dispose() disposed}: it must drop every listener and
 * subscription it made (session listeners, bus subscriptions) there.
 */
public interface OperatorScreen {

    /** The title shown above the screen, such as "Kub Kars: check-in". */
    String title();

    /** The screen's content; built once. */
    Parent view();

    /**
     * The keyboard shortcuts of this screen, installed while it is shown and listed on the help
     * screen. Use the combinations of {@link Keys}.
     */
    default List<Shortcut> shortcuts() {
        return List.of();
    }

    /** Called once when the screen is replaced. */
    default void dispose() {
    }
}
