package org.rallylab.app.ui.inspector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.rallylab.app.race.RallySession;
import org.rallylab.app.race.SessionChange;
import org.rallylab.app.race.Subscription;
import org.rallylab.app.ui.Keys;
import org.rallylab.app.ui.OperatorContext;
import org.rallylab.app.ui.OperatorScreen;
import org.rallylab.app.ui.Shortcut;
import org.rallylab.app.ui.Ui;
import org.rallylab.domain.state.SectionState;
import org.rallylab.store.StoredEvent;

/**
 * The event inspector: every event of the rally file in a table (number, time, type, section,
 * what it says), the selected event's stored JSON, and the rally as it was right after it. It can
 * filter by type and section. Read-only: it never executes a command.
 */
public final class EventInspector implements OperatorScreen {

    static final String ALL_TYPES = "All types";
    static final String ALL_SECTIONS = "All sections";
    static final String RALLY_WIDE = "Rally-wide events";
    private static final String CSS = EventInspector.class.getResource("inspector.css").toExternalForm();

    private final OperatorContext context;
    private final ObservableList<EventRow> all = FXCollections.observableArrayList();
    private final FilteredList<EventRow> filtered = new FilteredList<>(all);
    private final TableView<EventRow> table = new TableView<>(filtered);
    private final ComboBox<String> typeFilter = new ComboBox<>();
    private final ComboBox<String> sectionFilter = new ComboBox<>();
    private final Map<String, String> sectionIdByName = new LinkedHashMap<>();
    private final Label count = Ui.label("", "muted");
    private final Label payloadTitle = Ui.label("Stored event", "section-title");
    private final Label recorded = Ui.label("", "muted");
    private final TextArea payload = new TextArea();
    private final TextArea stateAsOf = new TextArea();
    private final VBox root;
    private final Subscription subscription;

    public EventInspector(OperatorContext context) {
        this(context, "Rally home");
    }

    /** The inspector whose way out (the button beside the count) is labelled {@code leave}; it calls {@code go().home()}. */
    public EventInspector(OperatorContext context, String leave) {
        this.context = context;
        buildTable();
        typeFilter.setId("type-filter");
        sectionFilter.setId("section-filter");
        Keys.hint(typeFilter, "Show one type of event", Keys.SEARCH);
        typeFilter.valueProperty().addListener((o, was, is) -> applyFilter());
        sectionFilter.valueProperty().addListener((o, was, is) -> applyFilter());
        count.setId("event-count");

        payload.setId("payload");
        stateAsOf.setId("state-as-of");
        for (TextArea area : List.of(payload, stateAsOf)) {
            area.setEditable(false);
            area.setWrapText(false);
            area.getStyleClass().add("mono");
            VBox.setVgrow(area, Priority.ALWAYS);
        }

        Label typeLabel = Ui.label("Type");
        typeLabel.setLabelFor(typeFilter);
        Label sectionLabel = Ui.label("Section");
        sectionLabel.setLabelFor(sectionFilter);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox filters = new HBox(10, typeLabel, typeFilter, sectionLabel, sectionFilter, gap, count,
                Ui.button(leave, "home", context.go()::home));
        filters.setAlignment(Pos.CENTER_LEFT);

        VBox payloadBox = new VBox(6, payloadTitle, recorded, payload);
        VBox stateBox = new VBox(6, Ui.label("The rally right after it", "section-title"), stateAsOf);
        SplitPane details = new SplitPane(payloadBox, stateBox);
        details.setOrientation(Orientation.VERTICAL);
        details.setDividerPositions(0.42);
        SplitPane split = new SplitPane(table, details);
        split.setDividerPositions(0.6);
        VBox.setVgrow(split, Priority.ALWAYS);

        root = new VBox(12, filters, split);
        root.setPadding(new Insets(18));
        root.getStylesheets().add(CSS);

        RallySession session = context.session();
        add(session.events());
        refreshFilters();
        typeFilter.setValue(ALL_TYPES);
        sectionFilter.setValue(ALL_SECTIONS);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> showDetails(is));
        if (!filtered.isEmpty()) {
            table.getSelectionModel().selectLast();
            table.scrollTo(filtered.size() - 1);
        }
        subscription = session.addListener(this::changed);
    }

    @Override
    public String title() {
        return "Event inspector";
    }

    @Override
    public Parent view() {
        return root;
    }

    @Override
    public List<Shortcut> shortcuts() {
        return List.of(new Shortcut(Keys.SEARCH, "Filter the events by type", typeFilter::requestFocus));
    }

    @Override
    public void dispose() {
        subscription.close();
    }

    private void buildTable() {
        table.setId("events");
        table.getStyleClass().add("event-table");
        table.setPlaceholder(Ui.label("No event matches the filter.", "muted"));
        TableColumn<EventRow, Long> seq = new TableColumn<>("#");
        seq.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().sequence()));
        seq.setPrefWidth(64);
        seq.setMinWidth(64); // five-digit event numbers, never "1…"
        table.getColumns().add(seq);
        table.getColumns().add(column("Time", 85, EventRow::recorded));
        table.getColumns().add(column("Type", 150, EventRow::type));
        table.getColumns().add(column("Section", 115, EventRow::section));
        TableColumn<EventRow, String> summary = column("What it says", 420, EventRow::summary);
        summary.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.isEmpty() ? null : new Tooltip(text));
            }
        });
        table.getColumns().add(summary);
        table.getColumns().forEach(c -> c.setSortable(false));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
    }

    private static TableColumn<EventRow, String> column(String title, double width, Function<EventRow, String> text) {
        TableColumn<EventRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(text.apply(d.getValue())));
        return c;
    }

    private void changed(SessionChange change) {
        EventRow selected = table.getSelectionModel().getSelectedItem();
        boolean followLast = selected == null || (!filtered.isEmpty() && selected == filtered.get(filtered.size() - 1));
        add(change.events());
        refreshFilters();
        if (followLast && !filtered.isEmpty()) {
            table.getSelectionModel().selectLast();
            table.scrollTo(filtered.size() - 1);
        } else {
            updateCount();
        }
    }

    private void add(List<StoredEvent> events) {
        long last = all.isEmpty() ? 0 : all.get(all.size() - 1).sequence();
        List<EventRow> rows = new ArrayList<>(events.size());
        for (StoredEvent e : events) {
            if (e.sequence() > last) {
                rows.add(new EventRow(e, context.session().state()));
            }
        }
        all.addAll(rows);
    }

    /** The filter choices: the types in the file and the sections of the rally. */
    private void refreshFilters() {
        TreeSet<String> types = new TreeSet<>();
        for (EventRow row : all) {
            types.add(row.type());
        }
        List<String> typeChoices = new ArrayList<>(List.of(ALL_TYPES));
        typeChoices.addAll(types);
        if (!typeChoices.equals(typeFilter.getItems())) {
            String keep = typeFilter.getValue();
            typeFilter.getItems().setAll(typeChoices);
            typeFilter.setValue(keep);
        }
        sectionIdByName.clear();
        for (SectionState s : context.session().state().sections()) {
            sectionIdByName.put(s.sectionName(), s.sectionId());
        }
        List<String> sectionChoices = new ArrayList<>(List.of(ALL_SECTIONS, RALLY_WIDE));
        sectionChoices.addAll(sectionIdByName.keySet());
        if (!sectionChoices.equals(sectionFilter.getItems())) {
            String keep = sectionFilter.getValue();
            sectionFilter.getItems().setAll(sectionChoices);
            sectionFilter.setValue(keep);
        }
        updateCount();
    }

    private void applyFilter() {
        String type = typeFilter.getValue();
        String section = sectionFilter.getValue();
        boolean anyType = type == null || ALL_TYPES.equals(type);
        boolean anySection = section == null || ALL_SECTIONS.equals(section);
        String sectionId = anySection || RALLY_WIDE.equals(section) ? null : sectionIdByName.get(section);
        filtered.setPredicate(row -> (anyType || type.equals(row.type()))
                && (anySection || Objects.equals(sectionId, row.stored().sectionId())));
        updateCount();
    }

    private void updateCount() {
        count.setText(filtered.size() == all.size() ? all.size() + " events"
                : filtered.size() + " of " + all.size() + " events");
    }

    private void showDetails(EventRow row) {
        if (row == null) {
            payloadTitle.setText("Stored event");
            recorded.setText("");
            payload.clear();
            stateAsOf.clear();
            return;
        }
        RallySession session = context.session();
        payloadTitle.setText("Event " + row.sequence() + ": " + row.type());
        recorded.setText(row.recordedFully());
        payload.setText(PrettyJson.of(row.stored().payloadJson()));
        stateAsOf.setText(StateAsOf.text(session.stateAt(row.sequence()), row.sequence(), session.lastSequence()));
    }
}
