package org.rallylab.app.ui.prerace;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;
import org.rallylab.domain.state.SectionState;

/** A section in the editor's list: its name, and whether its roster is loaded for race day, in words. */
final class SectionCell extends ListCell<SectionState> {

    private final Label name = new Label();
    private final Label status = new Label();
    private final VBox box = new VBox(2, name, status);

    SectionCell() {
        name.getStyleClass().add("section-cell-name");
        status.getStyleClass().add("section-cell-status");
    }

    @Override
    protected void updateItem(SectionState section, boolean empty) {
        super.updateItem(section, empty);
        if (empty || section == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        name.setText(section.sectionName());
        status.setText(status(section));
        status.getStyleClass().removeAll("status-ok", "status-warn");
        status.getStyleClass().add(section.rosterLoaded() ? "status-ok" : "status-warn");
        setText(null);
        setGraphic(box);
    }

    /** "Loaded for race day (8 cars)" or "Not loaded yet (5 registered)". */
    static String status(SectionState s) {
        String cars = s.roster().size() + (s.roster().size() == 1 ? " car)" : " cars)");
        if (s.completed()) {
            return "Racing finished (" + cars;
        }
        if (s.started()) {
            return "Racing (" + cars;
        }
        if (s.rosterLoaded()) {
            return "Loaded for race day (" + cars;
        }
        int registered = s.registration().participants().size();
        return "Not loaded yet (" + registered + " registered)";
    }
}
