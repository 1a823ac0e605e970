package org.rallylab.app.ui;

import java.util.Objects;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;

/** Small helpers every operator screen shares: the stylesheet and labelled controls. */
public final class Ui {

    /** The operator window's stylesheet (large type, the classes named below). */
    public static final String STYLESHEET = Objects.requireNonNull(
            Ui.class.getResource("operator.css"), "operator.css").toExternalForm();

    private Ui() {
    }

    /** A scene for {@code root} with the operator stylesheet (dialogs use it too). */
    public static Scene scene(Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(STYLESHEET);
        return scene;
    }

    /** A label with style classes. */
    public static Label label(String text, String... styleClasses) {
        Label l = new Label(text);
        l.getStyleClass().addAll(styleClasses);
        return l;
    }

    /** A button with an id (for tests and the guide) and an action. */
    public static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** A button with a shortcut named in its tooltip. */
    public static Button button(String text, String id, KeyCombination keys, Runnable action) {
        return Keys.hint(button(text, id, action), text, keys);
    }

    /** A menu item with an id (for tests) that runs {@code action}. */
    public static MenuItem menuItem(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    /**
     * A file name made from a rally's name, safe on every system: letters, digits, dashes and
     * underscores, spaces as dashes ("Spring Rally!" becomes "Spring-Rally"); "rally" when nothing is left.
     */
    public static String fileNameOf(String rallyName) {
        String safe = rallyName == null ? "" : rallyName.replaceAll("[^A-Za-z0-9 _-]", "").strip().replace(' ', '-');
        return safe.isEmpty() ? "rally" : safe;
    }
}
