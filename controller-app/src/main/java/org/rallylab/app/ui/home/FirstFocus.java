package org.rallylab.app.ui.home;

import javafx.application.Platform;
import javafx.scene.Node;

/** Gives a control the keyboard focus once it is on screen, so Enter works without a mouse. */
final class FirstFocus {

    private FirstFocus() {
    }

    static void request(Node node) {
        if (node.getScene() != null) {
            Platform.runLater(node::requestFocus);
            return;
        }
        node.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null && was == null) {
                Platform.runLater(node::requestFocus);
            }
        });
    }
}
