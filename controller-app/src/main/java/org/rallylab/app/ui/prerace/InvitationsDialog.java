package org.rallylab.app.ui.prerace;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.util.StringConverter;
import org.rallylab.app.ui.OperatorContext;
import org.rallylab.app.ui.RallyOpener;
import org.rallylab.app.ui.Ui;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.SectionState;

/**
 * Who helps with the rally (docs/race-rules.md, Who may do what): the operators, each section's
 * registrar and check-in volunteers; invite someone by email or take a role back. The cloud turns
 * these into rights when the person signs in with that email; on this laptop they are recorded.
 */
final class InvitationsDialog {

    /** A role as offered in the dialog. */
    private enum Role {
        REGISTRAR("Registrar (enters one section's roster)", "registrar", true),
        OPERATOR("Operator (runs race day)", "operator", false),
        CHECK_IN("Check-in volunteer (one section)", "checkin_volunteer", true);

        final String label;
        final String wire;
        final boolean perSection;

        Role(String label, String wire, boolean perSection) {
            this.label = label;
            this.wire = wire;
            this.perSection = perSection;
        }
    }

    /** A role someone holds now. */
    private record Held(String email, Role role, SectionState section) {
        String text() {
            return switch (role) {
                case OPERATOR -> "Operator: " + email;
                case REGISTRAR -> "Registrar of " + section.sectionName() + ": " + email;
                case CHECK_IN -> "Check-in, " + section.sectionName() + ": " + email;
            };
        }
    }

    private InvitationsDialog() {
    }

    static void show(OperatorContext context) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(context.window());
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle("People");
        dialog.getDialogPane().getStylesheets().addAll(Ui.STYLESHEET, FormDialog.STYLESHEET);

        ListView<Held> held = new ListView<>();
        held.setId("people");
        held.setPrefHeight(200);
        held.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Held item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.text());
            }
        });
        held.setPlaceholder(Ui.label("Nobody is invited yet.", "muted"));
        Label problem = Ui.label("", "status-bad");
        problem.setId("people-problem");
        problem.setWrapText(true);

        TextField email = new TextField();
        email.setId("invite-email");
        email.setPromptText("name@example.org");
        ChoiceBox<Role> role = new ChoiceBox<>(FXCollections.observableArrayList(Role.values()));
        role.setId("invite-role");
        role.setConverter(converter(r -> r.label));
        role.setValue(Role.REGISTRAR);
        ChoiceBox<SectionState> section = new ChoiceBox<>();
        section.setId("invite-section");
        section.setConverter(converter(SectionState::sectionName));
        section.disableProperty().bind(role.valueProperty().isEqualTo(Role.OPERATOR));

        Runnable refresh = () -> {
            RallyState state = context.session().state();
            held.getItems().setAll(holders(state));
            SectionState chosen = section.getValue();
            section.getItems().setAll(state.sections());
            section.setValue(chosen != null && state.sections().contains(chosen) ? chosen
                    : state.sections().isEmpty() ? null : state.sections().get(0));
        };
        refresh.run();

        Button invite = Ui.button("Invite", "invite", () -> {
            Role r = role.getValue();
            String by = organizer(context);
            Command command = switch (r) {
                case OPERATOR -> new Command.InviteOperator(email.getText(), by);
                case REGISTRAR -> new Command.InviteRegistrar(sectionId(section), email.getText(), by);
                case CHECK_IN -> new Command.InviteCheckInVolunteer(sectionId(section), email.getText(), by);
            };
            if (answer(context.session().execute(command), problem)) {
                email.clear();
                refresh.run();
            }
        });
        invite.getStyleClass().add("primary");
        Button revoke = Ui.button("Take the role back", "revoke", () -> {
            Held h = held.getSelectionModel().getSelectedItem();
            if (h == null) {
                problem.setText("Choose a person in the list first.");
                return;
            }
            Command command = new Command.RevokeRole(h.email(), h.role().wire,
                    h.section() == null ? null : h.section().sectionId(), organizer(context));
            if (answer(context.session().execute(command), problem)) {
                refresh.run();
            }
        });
        revoke.disableProperty().bind(held.getSelectionModel().selectedItemProperty().isNull());

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Email"), email);
        form.addRow(1, new Label("Role"), role);
        form.addRow(2, new Label("Section"), section);
        Label note = new Label("The person signs in to RallyLab with this email and a code sent to it; the cloud "
                + "then lets them do what the role allows, and no more. Without the cloud the invitation is only "
                + "recorded in the rally file.");
        note.setWrapText(true);
        note.setMaxWidth(560);
        note.getStyleClass().add("muted");
        VBox box = new VBox(12, Ui.label("People helping with this rally", "section-title"), held,
                new HBox(10, revoke), Ui.label("Invite someone", "section-title"), form, new HBox(10, invite),
                problem, note);
        box.setPadding(new Insets(6));
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.setOnShown(e -> email.requestFocus());
        dialog.showAndWait();
    }

    private static List<Held> holders(RallyState state) {
        List<Held> held = new ArrayList<>();
        state.operators().forEach(e -> held.add(new Held(e, Role.OPERATOR, null)));
        for (SectionState s : state.sections()) {
            s.registrarEmail().ifPresent(e -> held.add(new Held(e, Role.REGISTRAR, s)));
            s.checkInVolunteers().forEach(e -> held.add(new Held(e, Role.CHECK_IN, s)));
        }
        return held;
    }

    private static String sectionId(ChoiceBox<SectionState> section) {
        return section.getValue() == null ? null : section.getValue().sectionId();
    }

    private static String organizer(OperatorContext context) {
        return context.session().state().createdBy().orElse(RallyOpener.LOCAL_ORGANIZER);
    }

    private static boolean answer(Decision decision, Label problem) {
        boolean accepted = decision instanceof Decision.Accepted;
        problem.setText(accepted ? "" : decision.message());
        return accepted;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("choices are picked, not typed");
            }
        };
    }
}
