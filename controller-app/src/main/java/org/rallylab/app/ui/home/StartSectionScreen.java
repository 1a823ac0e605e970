package org.rallylab.app.ui.home;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.rallylab.app.race.Subscription;
import org.rallylab.app.ui.LanePicker;
import org.rallylab.app.ui.OperatorContext;
import org.rallylab.app.ui.OperatorScreen;
import org.rallylab.app.ui.Ui;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.schedule.ScheduleMeasures;
import org.rallylab.domain.schedule.ScheduleMetrics;
import org.rallylab.domain.state.SectionState;
import org.rallylab.track.Track;

/**
 * Starting a section: the cars checked in, the lanes to race on (every lane of the track ticked),
 * and the schedule's figures for those cars and lanes, recomputed as lanes are ticked, before
 * anything is written. "Start section" executes {@code StartSection} and opens the race console.
 * Without a track the operator says how many lanes the track has (2 to 8).
 */
public final class StartSectionScreen implements OperatorScreen {

    private static final String CSS = StartSectionScreen.class.getResource("home.css").toExternalForm();

    private final OperatorContext context;
    private final String sectionId;
    private final String sectionName;
    private final VBox pickerHolder = new VBox();
    private LanePicker picker;
    private final MetricTile cars = new MetricTile("cars", "Cars checked in");
    private final MetricTile heats = new MetricTile("heats", "Heats");
    private final MetricTile runs = new MetricTile("runs", "Runs per car");
    private final MetricTile balance = new MetricTile("balance", "Lane balance");
    private final MetricTile meetings = new MetricTile("meetings", "Pair meetings");
    private final MetricTile backToBack = new MetricTile("back-to-back", "Back-to-back runs");
    private final Label refusal = Ui.label("", "status-bad", "refusal");
    private final VBox root;
    private final Subscription subscription;

    public StartSectionScreen(OperatorContext context, String sectionId) {
        this.context = context;
        this.sectionId = sectionId;
        this.sectionName = context.session().state().section(sectionId).map(SectionState::sectionName)
                .orElse(sectionId);

        VBox lanes = new VBox(10, Ui.label("Lanes to race on", "section-title"));
        Optional<Integer> trackLanes = context.day().track().map(Track::laneCount);
        if (trackLanes.isPresent()) {
            lanes.getChildren().add(Ui.label("The track reports " + trackLanes.get() + " lanes.", "muted"));
            usePicker(trackLanes.get());
        } else {
            Spinner<Integer> count = new Spinner<>(2, 8, 6);
            count.setId("track-lanes");
            count.setEditable(true);
            count.setPrefWidth(110);
            count.valueProperty().addListener((o, was, is) -> {
                usePicker(is);
                update();
            });
            Label name = Ui.label("Lanes on the track (manual mode, no track connected)");
            name.setLabelFor(count);
            HBox row = new HBox(12, name, count);
            row.setAlignment(Pos.CENTER_LEFT);
            lanes.getChildren().add(row);
            usePicker(count.getValue());
        }
        lanes.getChildren().addAll(pickerHolder,
                Ui.label("Untick a lane that is broken or much slower than the others.", "muted"));

        FlowPane tiles = new FlowPane(12, 12, heats, runs, balance, meetings, backToBack);
        refusal.setId("refusal");
        refusal.setWrapText(true);
        refusal.managedProperty().bind(refusal.visibleProperty());

        Button start = Ui.button("Start section", "start", this::start);
        start.getStyleClass().add("primary");
        start.setDefaultButton(true);
        Button back = Ui.button("Back to check-in", "back", () -> context.go().checkIn(sectionId));
        HBox buttons = new HBox(12, start, back);

        root = new VBox(16, cars, lanes, Ui.label("The schedule on these lanes", "section-title"), tiles, refusal,
                buttons);
        root.setPadding(new Insets(18));
        root.getStylesheets().add(CSS);
        cars.setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        update();
        subscription = context.session().addListener(change -> update());
        FirstFocus.request(start);
    }

    @Override
    public String title() {
        return sectionName + " – start";
    }

    @Override
    public Parent view() {
        return root;
    }

    @Override
    public void dispose() {
        subscription.close();
    }

    /** The lanes ticked now. */
    List<Integer> selectedLanes() {
        return picker.selectedLanes();
    }

    private void usePicker(int trackLanes) {
        picker = new LanePicker(trackLanes, IntStream.rangeClosed(1, trackLanes).boxed().toList());
        picker.selectedLanesProperty().addListener((o, was, is) -> update());
        pickerHolder.getChildren().setAll(picker);
    }

    private void update() {
        Optional<SectionState> found = context.session().state().section(sectionId);
        if (found.isEmpty()) {
            refusal.setText("There is no section " + sectionId + " in this rally.");
            refusal.setVisible(true);
            return;
        }
        SectionState s = found.get();
        List<String> racing = s.racingCars();
        String ofRoster = "of " + SectionStatus.participants(s) + " on the roster";
        cars.show(String.valueOf(racing.size()), s.removals().isEmpty() ? ofRoster
                : ofRoster + ", " + s.removals().size() + " removed");
        SchedulePreview preview = SchedulePreview.of(context.session(), sectionId, picker.selectedLanes());
        refusal.setText(preview.canStart() ? "" : preview.refusal());
        refusal.setVisible(!preview.canStart());
        if (preview.canStart()) {
            show(preview);
        } else {
            clearFigures();
        }
    }

    private void clearFigures() {
        for (MetricTile t : List.of(heats, runs, balance, meetings, backToBack)) {
            t.clear();
        }
    }

    private void show(SchedulePreview p) {
        ScheduleMetrics m = p.metrics();
        heats.show(String.valueOf(m.heats()), m.cars() + " cars on " + m.lanes().size() + " lanes");
        runs.show(String.valueOf(m.runsPerCar()), m.runsPerCar() == m.lanes().size()
                ? "one run in each lane" : "runs for every car");
        if (m.laneBalanceMaxSpread() == 0) {
            balance.show("Even", "every car races each lane equally often");
        } else {
            balance.show("Off by " + m.laneBalanceMaxSpread(), "a car races one lane up to "
                    + m.laneBalanceMaxSpread() + (m.laneBalanceMaxSpread() == 1 ? " time" : " times")
                    + " more than another");
        }
        ScheduleMeasures.Meetings met = p.meetings();
        meetings.show(met.most() + " / " + met.fewest(), "most / fewest heats two cars share; "
                + (met.neverMeet() == 0 ? "every pair meets" : met.neverMeet() + " of " + met.pairs()
                        + " pairs never meet"));
        ScheduleMeasures.BackToBack row = p.backToBack();
        backToBack.show(String.valueOf(row.runs()), row.runs() == 0
                ? "no car races two heats in a row"
                : row.cars() + (row.cars() == 1 ? " car races" : " cars race") + " two heats in a row");
    }

    private void start() {
        List<Integer> lanes = picker.selectedLanes();
        if (context.tell(context.session().execute(new Command.StartSection(sectionId, lanes)))) {
            context.go().console();
        }
    }
}
