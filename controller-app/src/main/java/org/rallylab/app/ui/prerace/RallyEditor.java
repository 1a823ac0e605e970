package org.rallylab.app.ui.prerace;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.rallylab.app.race.Subscription;
import org.rallylab.app.ui.OperatorContext;
import org.rallylab.app.ui.OperatorScreen;
import org.rallylab.app.ui.Shortcut;
import org.rallylab.app.ui.Ui;
import org.rallylab.app.ui.dialogs.Confirm;
import org.rallylab.domain.command.Access;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.roster.CarNumbers;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.SectionState;

/**
 * The pre-race editor ("Rally setup"): the rally's name and date, its sections (add, rename),
 * and for the chosen section its participants (add, edit, remove, import a roster file) and
 * loading the roster for race day, after which check-in uses it and registration is closed.
 * Every change is a command through the session; the screen follows the session's changes.
 * A registrar signed in to a rally from the cloud sees only their own sections and their rosters
 * ({@link Access}); adding or renaming sections, invitations and loading stay with the organizer.
 */
public final class RallyEditor implements OperatorScreen {

    private static final KeyCombination DELETE = KeyCombination.keyCombination("Delete");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.ENGLISH);

    private final OperatorContext context;
    private final Supplier<String> ids = () -> UUID.randomUUID().toString();
    private final RosterEdits edits;
    private final RosterImport importer;
    private final RosterPackageExport packageExport;
    private final RosterPackageImportAction packageImport;

    private final Label rallyName = Ui.label("", "screen-title");
    private final Label rallyDate = Ui.label("", "big", "muted");
    private final ListView<SectionState> sections = new ListView<>();
    private final Label sectionName = Ui.label("", "section-title");
    private final Label sectionStatus = new Label();
    private final Label explanation = Ui.label("", "muted");
    private final TableView<ParticipantRow> participants = new TableView<>();
    private final Button rename;
    private final Button add;
    private final Button edit;
    private final Button remove;
    private final Button importRoster;
    private final Button load;
    private final VBox detail;
    private final List<javafx.scene.Node> organizerOnly;
    private final BorderPane root = new BorderPane();
    private final Subscription subscription;
    private boolean refreshing;

    /** The editor on {@code context}'s rally. */
    public RallyEditor(OperatorContext context) {
        this(context, RosterImport::chooseRosterFile);
    }

    /** The editor with the roster file chosen by {@code chooseRosterFile} (tests pass a file). */
    RallyEditor(OperatorContext context, Function<Window, Optional<Path>> chooseRosterFile) {
        this(context, chooseRosterFile, RosterPackageExport::chooseFile);
    }

    /** The editor with the files chosen by the given functions (tests pass files). */
    RallyEditor(OperatorContext context, Function<Window, Optional<Path>> chooseRosterFile,
                java.util.function.BiFunction<Window, String, Optional<Path>> choosePackageFile) {
        this(context, chooseRosterFile, choosePackageFile, RosterPackageImportAction::chooseFile);
    }

    /** The editor with the files chosen by the given functions, the roster package to import too (tests). */
    RallyEditor(OperatorContext context, Function<Window, Optional<Path>> chooseRosterFile,
                java.util.function.BiFunction<Window, String, Optional<Path>> choosePackageFile,
                Function<Window, Optional<Path>> choosePackageToImport) {
        this.context = Objects.requireNonNull(context, "context");
        this.packageExport = new RosterPackageExport(context, choosePackageFile);
        this.packageImport = new RosterPackageImportAction(context, choosePackageToImport);
        this.edits = new RosterEdits(context, ids);
        this.importer = new RosterImport(context, chooseRosterFile, ids);

        Button addSection = Ui.button("Add _section…", "add-section", this::addSection);
        rename = Ui.button("Re_name…", "rename-section", this::renameSection);
        add = Ui.button("_Add participant…", "add-participant", this::addParticipant);
        edit = Ui.button("_Edit…", "edit-participant", this::editParticipant);
        remove = Ui.button("_Remove…", "remove-participant", this::removeParticipant);
        remove.getStyleClass().add("danger");
        importRoster = Ui.button("_Import roster from CSV or XLSX…", "import-roster", this::importRoster);
        load = Ui.button("_Load for race day", "load-roster", this::loadForRaceDay);
        load.getStyleClass().add("primary");
        Button done = Ui.button("_Done: rally home", "done", () -> context.go().home());
        done.getStyleClass().add("primary");

        sections.setId("sections");
        sections.setCellFactory(list -> new SectionCell());
        sections.setPlaceholder(Ui.label("No sections yet.\nAdd one, such as Kub Kars.", "muted"));
        sections.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!refreshing) {
                showSection();
            }
        });
        VBox.setVgrow(sections, Priority.ALWAYS);
        HBox sectionButtons = new HBox(8, addSection, rename);
        VBox sectionsCard = new VBox(10, Ui.label("Sections", "section-title"), sections, sectionButtons);
        sectionsCard.getStyleClass().addAll("card", "sections-card");
        sectionsCard.setPrefWidth(330);
        sectionsCard.setMinWidth(300);

        participants.setId("participants");
        participants.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        TableColumn<ParticipantRow, String> car = column("Car", 110, ParticipantRow::carNumber);
        car.setId("participants-car");
        car.setComparator(CarNumbers.NATURAL); // sorted by its header too, the way every list orders cars: T2 before T10
        participants.getColumns().add(car);
        participants.getColumns().add(column("Name", 420, ParticipantRow::name));
        participants.getColumns().add(column("Group", 260, ParticipantRow::groupName));
        participants.setPlaceholder(Ui.label("No participants yet: add them one by one or import a roster file.",
                "muted"));
        participants.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                e.consume();
                removeParticipant();
            } else if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                editParticipant();
            }
        });
        participants.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                editParticipant();
            }
        });
        participants.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> enableButtons());
        VBox.setVgrow(participants, Priority.ALWAYS);

        sectionStatus.setId("section-status");
        sectionName.setId("section-name");
        explanation.setId("section-explanation");
        explanation.setWrapText(true);
        explanation.setMinHeight(Region.USE_PREF_SIZE);
        Region headingGap = new Region();
        HBox.setHgrow(headingGap, Priority.ALWAYS);
        HBox heading = new HBox(16, sectionName, sectionStatus, headingGap, load);
        heading.setAlignment(Pos.CENTER_LEFT);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, add, edit, remove, gap, importRoster);
        for (Button b : List.of(addSection, rename, add, edit, remove, importRoster, load, done)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        sectionName.setWrapText(true); // a long section name takes two lines; its status keeps its words
        sectionName.setMinHeight(Region.USE_PREF_SIZE);
        sectionStatus.setMinWidth(Region.USE_PREF_SIZE);
        detail = new VBox(10, heading, explanation, participants, buttons);
        detail.getStyleClass().addAll("card", "section-card");

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        rallyName.setId("rally-name");
        rallyDate.setId("rally-date");
        for (Label l : List.of(rallyName, rallyDate)) {
            l.setWrapText(true); // a long rally name takes more lines, never "…"; the buttons keep their words
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        Button people = Ui.button("People…", "people-button", () -> InvitationsDialog.show(context));
        people.setTooltip(new javafx.scene.control.Tooltip("Invite registrars, operators and check-in volunteers"));
        Button export = Ui.button("E_xport roster package…", "export-roster-package", packageExport::run);
        export.setTooltip(new javafx.scene.control.Tooltip("Every section's roster in one file (roster package,"
                + " version 2) to keep, or to open on race day"));
        Button importPackage = Ui.button("Im_port roster package…", "import-roster-package", packageImport::run);
        importPackage.setTooltip(new javafx.scene.control.Tooltip("Load the sections of a roster package (from"
                + " this RallyLab or the browser RallyLab) for race day; shows what it will do first"));
        for (Button b : List.of(people, export, importPackage)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        organizerOnly = List.of(addSection, rename, load, people, export, importPackage, done);
        organizerOnly.forEach(n -> n.managedProperty().bind(n.visibleProperty()));
        HBox top = new HBox(16, new VBox(2, rallyName, rallyDate), spacer, export, importPackage, people, done);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("editor-top");

        root.setTop(top);
        root.setLeft(sectionsCard);
        root.setCenter(detail);
        BorderPane.setMargin(sectionsCard, new javafx.geometry.Insets(0, 14, 0, 0));
        root.getStyleClass().add("rally-editor");
        root.getStylesheets().add(FormDialog.STYLESHEET);

        subscription = context.session().addListener(change -> refresh());
        refresh();
        if (!sections.getItems().isEmpty()) {
            sections.getSelectionModel().select(0);
        }
    }

    @Override
    public String title() {
        return "Rally setup";
    }

    @Override
    public Parent view() {
        return root;
    }

    @Override
    public List<Shortcut> shortcuts() {
        return List.of(new Shortcut(DELETE, "Remove the selected participant (asks first)", this::removeParticipant));
    }

    @Override
    public void dispose() {
        subscription.close();
    }

    // ---- showing the state ----

    private void refresh() {
        RallyState state = context.session().state();
        rallyName.setText(state.rallyName() == null || state.rallyName().isBlank() ? "Unnamed rally"
                : state.rallyName());
        rallyDate.setText(state.rallyDate().map(RallyEditor::date).orElse("No date set"));
        String selectedId = selected().map(SectionState::sectionId).orElse(null);
        refreshing = true;
        try {
            Access access = context.session().access();
            organizerOnly.forEach(n -> n.setVisible(access.wholeRally()));
            sections.getItems().setAll(state.sections().stream().filter(s -> access.mayEditRoster(s.sectionId()))
                    .toList());
            sections.getItems().stream().filter(s -> s.sectionId().equals(selectedId)).findFirst()
                    .ifPresent(s -> sections.getSelectionModel().select(s));
        } finally {
            refreshing = false;
        }
        showSection();
    }

    private void showSection() {
        Optional<SectionState> section = selected();
        String selectedParticipant = Optional.ofNullable(participants.getSelectionModel().getSelectedItem())
                .map(ParticipantRow::participantId).orElse(null);
        detail.setDisable(section.isEmpty());
        if (section.isEmpty()) {
            sectionName.setText("No section chosen");
            sectionStatus.setText("");
            explanation.setText("Add a section (such as Kub Kars), then add its participants or import its roster.");
            participants.getItems().clear();
            enableButtons();
            return;
        }
        SectionState s = section.get();
        sectionName.setText(s.sectionName());
        sectionStatus.setText(SectionCell.status(s));
        sectionStatus.getStyleClass().setAll("label", s.rosterLoaded() ? "status-ok" : "status-warn", "big");
        explanation.setText(context.session().access().wholeRally() ? explanation(s) : registrarExplanation(s));
        participants.getItems().setAll(ParticipantRow.of(s, context.session().state().groups()));
        participants.getItems().stream().filter(r -> r.participantId().equals(selectedParticipant)).findFirst()
                .ifPresent(r -> participants.getSelectionModel().select(r));
        enableButtons();
    }

    private static String explanation(SectionState s) {
        if (s.started()) {
            return "Racing has started, so this roster is frozen. Check-in and racing use the cars below.";
        }
        if (s.rosterLoaded()) {
            return "This roster is loaded for race day: check-in uses it. Registration is closed, so"
                    + " participants can no longer be added, changed or removed here.";
        }
        return "Add participants or import a roster file. When the roster is complete, load it for race day:"
                + " after loading, the roster is what check-in uses, and registration closes.";
    }

    private static String registrarExplanation(SectionState s) {
        if (s.started() || s.rosterLoaded()) {
            return explanation(s);
        }
        return "Add participants or import a roster file. Every change goes to the organizer by itself (the cloud"
                + " button in the top bar says when everything is there); the organizer loads the roster for race day.";
    }

    private void enableButtons() {
        boolean open = selected().map(s -> !s.rosterLoaded() && !s.started()).orElse(false);
        boolean chosen = participants.getSelectionModel().getSelectedItem() != null;
        rename.setDisable(selected().isEmpty());
        add.setDisable(!open);
        importRoster.setDisable(!open);
        load.setDisable(!open);
        edit.setDisable(!open || !chosen);
        remove.setDisable(!open || !chosen);
    }

    private Optional<SectionState> selected() {
        return Optional.ofNullable(sections.getSelectionModel().getSelectedItem());
    }

    /** The selected section as the session has it now, or empty (with a notice when not open for changes). */
    private Optional<SectionState> openSection() {
        Optional<SectionState> s = selected().flatMap(x -> context.session().state().section(x.sectionId()));
        if (s.isEmpty()) {
            context.notice("Choose a section first.");
            return Optional.empty();
        }
        if (s.get().started() || s.get().rosterLoaded()) {
            context.notice(explanation(s.get()));
            return Optional.empty();
        }
        return s;
    }

    private Optional<ParticipantRow> chosenParticipant() {
        ParticipantRow row = participants.getSelectionModel().getSelectedItem();
        if (row == null) {
            context.notice("Choose a participant in the table first.");
        }
        return Optional.ofNullable(row);
    }

    private static String date(String iso) {
        try {
            return LocalDate.parse(iso).format(DATE);
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    private static TableColumn<ParticipantRow, String> column(String name, double width,
                                                              Function<ParticipantRow, String> text) {
        TableColumn<ParticipantRow, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        return c;
    }

    // ---- actions ----

    private void addSection() {
        String createdBy = context.session().state().createdBy().orElse(null);
        String sectionId = ids.get();
        boolean added = SectionNameDialog.ask(context.window(), "Add a section", "_Add section", "",
                name -> tell(new Command.CreateSection(sectionId, name, createdBy)));
        if (added) {
            sections.getItems().stream().filter(s -> s.sectionId().equals(sectionId)).findFirst()
                    .ifPresent(s -> sections.getSelectionModel().select(s));
            sections.requestFocus();
        }
    }

    private void renameSection() {
        selected().ifPresentOrElse(s -> SectionNameDialog.ask(context.window(), "Rename " + s.sectionName(),
                        "_Rename", s.sectionName(), name -> tell(new Command.RenameSection(s.sectionId(), name))),
                () -> context.notice("Choose a section first."));
    }

    private void addParticipant() {
        openSection().ifPresent(s -> {
            ParticipantDialog.ask(context.window(), "Add a participant to " + s.sectionName(),
                    new ParticipantDialog.Form("", "", ""), false, groupNames(),
                    form -> edits.add(s.sectionId(), form));
            participants.requestFocus();
        });
    }

    private void editParticipant() {
        openSection().ifPresent(s -> chosenParticipant().ifPresent(p -> {
            ParticipantDialog.ask(context.window(), "Edit " + p.name() + " (car " + p.carNumber() + ")",
                    new ParticipantDialog.Form(p.name(), p.carNumber(), p.groupName()), true, groupNames(),
                    form -> edits.update(s.sectionId(), p.participantId(), form));
            participants.requestFocus();
        }));
    }

    private void removeParticipant() {
        openSection().ifPresent(s -> chosenParticipant().ifPresent(p -> {
            boolean yes = Confirm.ask(context.window(), "Remove a participant",
                    "Remove " + p.name() + " (car " + p.carNumber() + ") from " + s.sectionName() + "?\n\n"
                            + "Car number " + p.carNumber() + " is retired and never given to anyone else.",
                    "Remove " + p.name());
            if (yes) {
                tell(new Command.RemoveParticipant(s.sectionId(), p.participantId()));
            }
            participants.requestFocus();
        }));
    }

    private void importRoster() {
        openSection().ifPresent(importer::run);
    }

    private void loadForRaceDay() {
        openSection().ifPresent(s -> {
            Command load = new Command.LoadRosterForRaceDay(s.sectionId());
            Decision first = context.session().preview(load); // asks the rules only: nothing is written
            if (!(first instanceof Decision.Accepted)) {
                context.tell(first); // why not (an empty roster), instead of a question whose answer is no
                return;
            }
            int count = s.registration().participants().size();
            boolean yes = Confirm.ask(context.window(), "Load for race day",
                    "Load the roster of " + s.sectionName() + " (" + count + (count == 1 ? " participant" : " participants")
                            + ") for race day?\n\nAfter loading, this roster is what check-in uses, and registration"
                            + " closes: participants can no longer be added, changed or removed here.",
                    "Load for race day");
            if (yes && tell(load) instanceof Decision.Accepted) {
                context.notice(s.sectionName() + " is loaded for race day: check-in now uses its roster.");
            }
        });
    }

    private List<String> groupNames() {
        return context.session().state().groups().values().stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    private Decision tell(Command command) {
        Decision d = context.session().execute(command);
        context.tell(d);
        return d;
    }
}
