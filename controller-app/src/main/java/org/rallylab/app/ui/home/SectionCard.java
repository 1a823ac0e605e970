package org.rallylab.app.ui.home;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.rallylab.app.ui.Navigator;
import org.rallylab.app.ui.Ui;
import org.rallylab.domain.state.SectionPhase;
import org.rallylab.domain.state.SectionState;

/**
 * One section on rally home: its name, participants, check-in count, status in words and the
 * actions that apply now. Button ids end with the section id ({@code check-in-ID}, ...).
 */
final class SectionCard {

    private final VBox view;
    private final Button main;
    private final List<Button> buttons;

    SectionCard(SectionState s, Navigator go) {
        String id = s.sectionId();
        SectionPhase phase = s.phase();
        List<Button> actions = new ArrayList<>();
        Button mainAction = null;
        if (phase == SectionPhase.RACING) {
            mainAction = add(actions, Ui.button("Race console", "console-" + id, go::console));
        }
        if (phase == SectionPhase.SECTION_COMPLETE) {
            mainAction = add(actions, Ui.button("Final standings", "standings-" + id, () -> go.sectionComplete(id)));
        }
        if (phase == SectionPhase.CHECK_IN) {
            mainAction = add(actions, Ui.button("Start section", "start-" + id, () -> go.startSection(id)));
        }
        if (s.rosterLoaded() && !s.completed()) {
            Button checkIn = add(actions, Ui.button("Check in", "check-in-" + id, () -> go.checkIn(id)));
            if (mainAction == null) {
                mainAction = checkIn;
            }
        }
        if (!s.started()) {
            Button edit = add(actions, Ui.button("Edit roster", "edit-roster-" + id, go::editRally));
            if (mainAction == null) {
                mainAction = edit;
            }
        }
        if (mainAction != null) {
            mainAction.getStyleClass().add("primary");
        }
        main = mainAction;
        this.buttons = List.copyOf(actions);

        FlowPane buttons = new FlowPane(10, 10);
        buttons.getChildren().addAll(actions);
        int people = SectionStatus.participants(s);
        Label name = Ui.label(s.sectionName(), "section-title", "section-name");
        name.setWrapText(true); // a long section name takes two lines, never "…"
        name.setMinHeight(Region.USE_PREF_SIZE);
        view = new VBox(8,
                name,
                Ui.label(people + (people == 1 ? " participant" : " participants"), "muted"),
                Ui.label(SectionStatus.checkedIn(s), "big", "checked-in"),
                Ui.label(SectionStatus.words(s), "big", "section-status", SectionStatus.styleClass(s)),
                buttons);
        view.getStyleClass().addAll("card", "section-card");
        view.setId("section-" + id);
        view.setPrefWidth(380);
        view.setMinWidth(380);
    }

    VBox view() {
        return view;
    }

    /** The action most likely wanted next (styled primary). */
    Optional<Button> mainAction() {
        return Optional.ofNullable(main);
    }

    List<Button> buttons() {
        return buttons;
    }

    private static Button add(List<Button> actions, Button b) {
        b.getStyleClass().add("card-action");
        actions.add(b);
        return b;
    }
}
