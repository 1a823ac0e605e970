package org.rallylab.app.ui.dialogs;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.rallylab.app.race.RallySession;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.event.CarRemoved;
import org.rallylab.domain.state.SectionState;

/**
 * "Remove a car": which racing car leaves the section and why, destroyed or failed inspection (the
 * reasons the rally file knows). A family leaving early is not a removal: the car is raced for them
 * (docs/race-rules.md, Removing a car). Returns the removal the rules accept; the caller confirms it and executes it.
 */
public final class RemoveCarDialog {

    private RemoveCarDialog() {
    }

    /** The removal from {@code sectionId}, or empty when cancelled. {@code preselectedCar} may be null. */
    public static Optional<Command.RemoveCar> ask(Window owner, RallySession session, String sectionId,
                                                  String preselectedCar) {
        SectionState section = session.state().section(sectionId).orElseThrow(() -> new IllegalArgumentException(
                "there is no section " + sectionId));
        FormDialog<Command.RemoveCar> form = new FormDialog<>(owner, "Remove a car",
                "Remove a car from " + section.sectionName(), "Remove car");

        TextField search = new TextField();
        search.setId("car-search");
        search.setPromptText("Car number or name");
        FilteredList<String> cars = new FilteredList<>(FXCollections.observableArrayList(section.racingCars()));
        ListView<String> list = new ListView<>(cars);
        list.setId("car-list");
        list.setPrefHeight(200);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String car, boolean empty) {
                super.updateItem(car, empty);
                setText(empty || car == null ? null : label(section, car));
            }
        });
        Label searchLabel = new Label("Which car? Type its number or name:");
        searchLabel.setLabelFor(search);
        search.textProperty().addListener((o, was, text) -> {
            String keep = list.getSelectionModel().getSelectedItem();
            String q = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            cars.setPredicate(car -> q.isEmpty() || car.toLowerCase(Locale.ROOT).startsWith(q)
                    || section.nameOf(car).toLowerCase(Locale.ROOT).contains(q));
            if (keep != null && cars.contains(keep)) {
                list.getSelectionModel().select(keep);
            } else if (!cars.isEmpty() && !q.isEmpty()) {
                list.getSelectionModel().select(exactOrFirst(cars, q));
            } else {
                list.getSelectionModel().clearSelection();
            }
        });
        search.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP) {
                int at = list.getSelectionModel().getSelectedIndex();
                int to = e.getCode() == KeyCode.DOWN ? Math.min(cars.size() - 1, at + 1) : Math.max(0, at - 1);
                if (!cars.isEmpty()) {
                    list.getSelectionModel().select(to);
                    list.scrollTo(to);
                }
                e.consume();
            }
        });
        if (preselectedCar != null && section.racingCars().contains(preselectedCar)) {
            list.getSelectionModel().select(preselectedCar);
            list.scrollTo(preselectedCar);
        }

        ToggleGroup reasons = new ToggleGroup();
        RadioButton destroyed = reason("Car destroyed", "reason-destroyed", reasons);
        RadioButton failed = reason("Car failed inspection", "reason-disqualified", reasons);
        Label familyNote = Notes.note("A family leaving early is not a removal: race the car for them, so its "
                + "results still count.");
        familyNote.setId("family-note");

        Label effect = Notes.danger("The car leaves every remaining heat and the remaining heats are "
                + "rescheduled. Its past results stay, marked incomplete. This cannot be undone.");

        Button ok = form.okButton();
        ok.getStyleClass().setAll("button", "danger");
        ButtonBar.setButtonUniformSize(ok, false);
        ok.setMinWidth(Region.USE_PREF_SIZE);
        ok.textProperty().bind(list.getSelectionModel().selectedItemProperty()
                .map(car -> "Remove car " + car).orElse("Remove car"));
        form.add(searchLabel, search, list, new Label("Why does it leave?"), new HBox(20, destroyed, failed),
                familyNote, effect)
            .focusFirst(search)
            .watch(RaceMoment.section(session, sectionId))
            .check(() -> {
                String car = list.getSelectionModel().getSelectedItem();
                if (car == null) {
                    return Outcome.missing(cars.isEmpty() ? "No racing car matches \"" + search.getText().strip()
                            + "\"." : "Choose the car that leaves.", search);
                }
                // asked with the reason chosen, or any reason: whether this car can leave shows at once
                String why = failed.isSelected() ? CarRemoved.DISQUALIFIED : CarRemoved.DESTROYED;
                Command.RemoveCar removal = new Command.RemoveCar(sectionId, car, why);
                Outcome<Command.RemoveCar> asked = Outcome.asked(session.preview(removal), removal, search);
                if (asked.valid() && reasons.getSelectedToggle() == null) {
                    return Outcome.missing("Say why car " + car + " leaves.", destroyed);
                }
                return asked;
            }, list.getSelectionModel().selectedItemProperty(), reasons.selectedToggleProperty());
        return form.showAndWait();
    }

    private static RadioButton reason(String text, String id, ToggleGroup group) {
        RadioButton b = new RadioButton(text);
        b.setId(id);
        b.setToggleGroup(group);
        return b;
    }

    private static String label(SectionState section, String car) {
        String name = section.nameOf(car);
        return name.isEmpty() ? "Car " + car : "Car " + car + "   " + name;
    }

    private static String exactOrFirst(List<String> cars, String q) {
        return cars.stream().filter(c -> c.equalsIgnoreCase(q)).findFirst().orElse(cars.get(0));
    }
}
