package org.rallylab.app.ui.home;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.rallylab.app.race.Subscription;
import org.rallylab.app.ui.Keys;
import org.rallylab.app.ui.OperatorContext;
import org.rallylab.app.ui.OperatorScreen;
import org.rallylab.app.ui.Shortcut;
import org.rallylab.app.ui.Ui;
import org.rallylab.app.ui.dialogs.Confirm;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.state.SectionState;

/**
 * Check-in of one section: search a car by number or name ({@link CarSearch}), Enter checks in the car
 * the search is sure of; the
 * roster with who has arrived; "Check in all"; and, once racing has started, what a late arrival
 * means. Every check-in is one {@code MarkArrived} command; until the section starts, "Undo check-in"
 * takes a mistaken one back ({@code CancelArrival}); after that a car leaves racing only by being
 * removed in the race console.
 */
public final class CheckInScreen implements OperatorScreen {

    static final String STAYS_CHECKED_IN = "Checked in the wrong car? Select it and press Undo check-in (until "
            + "the section starts; after that, remove a car from racing in the console).";
    private static final String CSS = CheckInScreen.class.getResource("home.css").toExternalForm();

    private final OperatorContext context;
    private final String sectionId;
    private final Button undo;
    private final Button home;
    private final String sectionName;
    private final TextField search = new TextField();
    private final ObservableList<CheckInRow> shown = FXCollections.observableArrayList();
    private final TableView<CheckInRow> table = new TableView<>(shown);
    private final Label counter = Ui.label("", "huge");
    private final Label banner = Ui.label("");
    private final HBox bannerBox = new HBox(banner);
    private final Button startSection;
    private final Button console;
    private final VBox root;
    private final Subscription subscription;
    private List<CheckInRow> rows = List.of();

    public CheckInScreen(OperatorContext context, String sectionId) {
        this.context = context;
        this.sectionId = sectionId;
        this.sectionName = context.session().state().section(sectionId).map(SectionState::sectionName)
                .orElse(sectionId);

        search.setId("search");
        search.getStyleClass().add("search-field");
        search.setPromptText("Car number or name – Enter checks in the one found");
        search.setPrefColumnCount(22);
        Keys.hint(search, "Find a car", Keys.SEARCH);
        search.textProperty().addListener((o, was, is) -> filter());
        search.setOnAction(e -> checkInFirstMatch());

        counter.setId("counter");
        banner.setId("late-banner");
        banner.setWrapText(true);
        bannerBox.getStyleClass().add("late-banner");
        bannerBox.managedProperty().bind(bannerBox.visibleProperty());

        buildTable();

        Button checkInSelected = Ui.button("Check in selected", "check-in-selected", this::checkInSelected);
        undo = Ui.button("Undo check-in", "undo-check-in", this::undoSelected);
        undo.managedProperty().bind(undo.visibleProperty());
        Button all = Ui.button("Check in all", "check-in-all", Keys.CHECK_IN_ALL, this::checkInAll);
        startSection = Ui.button("Start section", "start-section", () -> context.go().startSection(sectionId));
        startSection.getStyleClass().add("primary");
        console = Ui.button("Race console", "console", context.go()::console);
        console.getStyleClass().add("primary");
        startSection.managedProperty().bind(startSection.visibleProperty());
        console.managedProperty().bind(console.visibleProperty());
        home = Ui.button("Rally home", "home", context.go()::home);
        home.managedProperty().bind(home.visibleProperty());

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(16, search, gap, counter);
        top.setAlignment(Pos.CENTER_LEFT);

        Label hint = Ui.label("Enter in the search box checks in the car found (when several match, pick one in the"
                + " list); Enter or Space in the list "
                + "checks in the selected car. " + (context.session().access().wholeRally() ? STAYS_CHECKED_IN
                : "Checked in the wrong car? Ask the operator to undo it."), "muted");
        hint.setId("stays-checked-in");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE); // the list gives up height first: the hint is never cut

        Region gap2 = new Region();
        HBox.setHgrow(gap2, Priority.ALWAYS);
        HBox buttons = new HBox(12, checkInSelected, undo, all, gap2, startSection, console, home);
        buttons.setAlignment(Pos.CENTER_LEFT);

        VBox.setVgrow(table, Priority.ALWAYS);
        root = new VBox(12, bannerBox, top, table, hint, buttons);
        root.setPadding(new Insets(18));
        root.getStylesheets().add(CSS);
        refresh();
        subscription = context.session().addListener(change -> refresh());
        FirstFocus.request(search);
    }

    @Override
    public String title() {
        return sectionName + " – check-in";
    }

    @Override
    public Parent view() {
        return root;
    }

    @Override
    public List<Shortcut> shortcuts() {
        return List.of(new Shortcut(Keys.SEARCH, "Find a car to check in", this::focusSearch),
                new Shortcut(Keys.CHECK_IN_ALL, "Check in every car not yet checked in", this::checkInAll));
    }

    @Override
    public void dispose() {
        subscription.close();
    }

    private void buildTable() {
        table.setId("roster");
        table.getStyleClass().add("check-in-table");
        table.setPlaceholder(Ui.label("No car matches the search.", "big", "muted"));
        TableColumn<CheckInRow, String> car = column("Car", 120, r -> r.carNumber());
        TableColumn<CheckInRow, String> name = column("Name", 420, r -> r.name());
        TableColumn<CheckInRow, String> arrived = column("Checked in", 300, CheckInRow::status);
        table.getColumns().add(car);
        table.getColumns().add(name);
        table.getColumns().add(arrived);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                checkInSelected();
                e.consume();
            }
        });
        table.setRowFactory(t -> {
            TableRow<CheckInRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    checkIn(row.getItem());
                }
            });
            return row;
        });
    }

    private static TableColumn<CheckInRow, String> column(String title, double width,
                                                          java.util.function.Function<CheckInRow, String> value) {
        TableColumn<CheckInRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    private Optional<SectionState> section() {
        return context.session().state().section(sectionId);
    }

    private void refresh() {
        Optional<SectionState> s = section();
        rows = s.map(CheckInRow::of).orElse(List.of());
        filter();
        counter.setText(s.map(SectionStatus::checkedIn).orElse("Section not found"));
        boolean started = s.map(SectionState::started).orElse(false);
        boolean completed = s.map(SectionState::completed).orElse(false);
        boolean whole = context.session().access().wholeRally(); // a check-in volunteer: check-in only
        startSection.setVisible(!started && whole);
        undo.setVisible(!started && whole);
        console.setVisible(started && !completed && whole);
        home.setVisible(whole);
        if (completed) {
            banner.setText(sectionName + " is complete: no more cars can check in.");
        } else if (started) {
            banner.setText("Racing has started. A car checked in now still races once in every lane: the "
                    + "remaining heats are re-planned to include it, and runs that do not fit become catch-up heats "
                    + "on its own right after the current heat, so its average compares fairly.");
        } else if (s.isPresent() && !s.get().rosterLoaded()) {
            banner.setText("The roster of " + sectionName + " is not loaded yet: load it in Rally setup first.");
        }
        bannerBox.setVisible(started || completed || (s.isPresent() && !s.get().rosterLoaded()));
    }

    private void filter() {
        CheckInRow selected = table.getSelectionModel().getSelectedItem();
        List<CheckInRow> matches = CarSearch.search(rows, search.getText()).listed();
        shown.setAll(matches);
        if (matches.isEmpty()) {
            return;
        }
        int keep = selected == null ? -1 : indexOfCar(matches, selected.carNumber());
        table.getSelectionModel().select(keep >= 0 ? keep : 0);
    }

    private static int indexOfCar(List<CheckInRow> list, String car) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).carNumber().equals(car)) {
                return i;
            }
        }
        return -1;
    }

    private void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private void checkInFirstMatch() {
        if (search.getText().isBlank()) {
            context.notice("Type a car number or part of a name, then press Enter to check that car in.");
            return;
        }
        if (shown.isEmpty()) {
            context.notice("No car on the " + sectionName + " roster matches \"" + search.getText().strip()
                    + "\". Check the number, or search by name.");
            return;
        }
        var sure = CarSearch.search(rows, search.getText()).sure();
        if (sure.isEmpty()) {
            context.notice(shown.size() + " cars match \"" + search.getText().strip() + "\": choose one in the list"
                    + " (Enter or Space there checks it in), or type more of the number or name.");
            return;
        }
        if (checkIn(sure.get())) {
            search.clear();
        }
        focusSearch();
    }

    private void checkInSelected() {
        CheckInRow row = table.getSelectionModel().getSelectedItem();
        if (row == null) {
            context.notice("Choose a car in the list first (or type its number in the search box).");
            return;
        }
        checkIn(row);
    }

    private void undoSelected() {
        CheckInRow row = table.getSelectionModel().getSelectedItem();
        if (row == null) {
            context.notice("Choose a car in the list first.");
            return;
        }
        if (row.waiting()) {
            context.notice("Car " + row.carNumber() + " (" + row.name() + ") is not checked in.");
            return;
        }
        if (context.tell(context.session().execute(new Command.CancelArrival(sectionId, row.carNumber())))) {
            context.notice("Car " + row.carNumber() + " (" + row.name() + ") is no longer checked in.");
        }
    }

    private boolean checkIn(CheckInRow row) {
        if (!row.waiting()) {
            context.notice("Car " + row.carNumber() + " (" + row.name() + ") is already checked in. "
                    + STAYS_CHECKED_IN);
            return false;
        }
        return context.tell(context.session().execute(new Command.MarkArrived(sectionId, row.carNumber())));
    }

    private void checkInAll() {
        List<CheckInRow> waiting = rows.stream().filter(CheckInRow::waiting).toList();
        if (waiting.isEmpty()) {
            context.notice("Every car of " + sectionName + " is already checked in.");
            return;
        }
        boolean yes = Confirm.ask(context.window(), "Check in all " + waiting.size() + " cars of " + sectionName
                + " not yet checked in?", "Only do this when every car is really here. " + STAYS_CHECKED_IN,
                "Check in " + waiting.size() + (waiting.size() == 1 ? " car" : " cars"));
        if (!yes) {
            return;
        }
        for (CheckInRow row : waiting) {
            if (!context.tell(context.session().execute(new Command.MarkArrived(sectionId, row.carNumber())))) {
                return; // the notice says why; the cars before it are checked in
            }
        }
    }
}
