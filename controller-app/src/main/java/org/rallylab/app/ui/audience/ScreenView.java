package org.rallylab.app.ui.audience;

import javafx.scene.Node;

/** One audience screen put on the scene: its nodes, and its page timer to stop when it leaves. */
interface ScreenView {

    /** The screen's nodes. */
    Node node();

    /** Stops anything still running for this screen (page rotation). */
    default void stop() {
    }
}
