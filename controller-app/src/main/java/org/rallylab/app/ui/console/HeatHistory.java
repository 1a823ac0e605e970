package org.rallylab.app.ui.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.rallylab.app.ui.Ui;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.scoring.HeatPlace;
import org.rallylab.domain.scoring.Scoring;
import org.rallylab.domain.state.HeatResult;
import org.rallylab.domain.state.ManualResult;
import org.rallylab.domain.state.SectionState;

/**
 * Every heat of the section: number, cars, result and how it was decided, with the actions on the
 * selected heat (re-run, re-run its DNF lanes, correct lanes).
 */
final class HeatHistory {

    /** One heat as the history lists it. */
    record Row(int heat, String cars, String result, String how, boolean hasResult, boolean latest,
               boolean dnfLanes, boolean onTrack) {
    }

    private final TableView<Row> table = new TableView<>();
    private final Button rerun;
    private final Button rerunDnf;
    private final Button correct;
    private final VBox view;

    HeatHistory(IntConsumer rerunHeat, IntConsumer rerunDnfLanes, IntConsumer correctLanes) {
        table.setId("heat-history");
        table.getColumns().add(column("Heat", 55, r -> String.valueOf(r.heat())));
        table.getColumns().add(column("Cars", 130, Row::cars));
        table.getColumns().add(column("Result", 175, Row::result));
        table.getColumns().add(column("How", 95, Row::how));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No heats yet."));
        table.setFixedCellSize(30);
        table.setPrefHeight(36 + 30 * 6);
        table.setMinHeight(36 + 30 * 3);
        rerun = Ui.button("Re-run", "history-rerun", () -> selected(rerunHeat));
        rerunDnf = Ui.button("Re-run DNF lanes", "history-rerun-dnf", () -> selected(rerunDnfLanes));
        correct = Ui.button("Correct lanes", "history-correct", () -> selected(correctLanes));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> enable());
        FlowPane actions = new FlowPane(10, 8, rerun, rerunDnf, correct);
        javafx.scene.layout.HBox title = new javafx.scene.layout.HBox(12, Grid.Cells.label("Heats", "section-title"),
                Grid.Cells.label("select a heat for its actions", "muted"));
        title.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
        view = new VBox(8, title, table, actions);
        view.getStyleClass().addAll("card", "panel-card");
        enable();
    }

    Node view() {
        return view;
    }

    /** Shows the heats of {@code s}, keeping the selected heat selected. */
    void show(SectionState s, int minimumTimeMs, Set<Integer> reruns, Set<Integer> corrected) {
        Row before = table.getSelectionModel().getSelectedItem();
        List<Row> rows = new ArrayList<>();
        int onTrack = s.heatOnTrack().map(Heat::number).orElse(0);
        for (Heat heat : s.heats()) {
            rows.add(row(s, heat, onTrack, minimumTimeMs, reruns, corrected));
        }
        table.setItems(FXCollections.observableList(rows));
        table.setPrefHeight(36 + 30 * Math.max(3, Math.min(rows.size(), 10)));
        if (before != null) {
            rows.stream().filter(r -> r.heat() == before.heat()).findFirst()
                    .ifPresent(r -> table.getSelectionModel().select(r));
        }
        enable();
    }

    private static Row row(SectionState s, Heat heat, int onTrack, int minimumTimeMs, Set<Integer> reruns,
                           Set<Integer> corrected) {
        int n = heat.number();
        HeatResult result = s.result(n).orElse(null);
        List<String> how = new ArrayList<>();
        String summary = "";
        boolean dnf = false;
        if (result == null) {
            how.add(n == onTrack ? "On track" : "Planned");
        } else {
            how.add(result instanceof ManualResult ? "Manual" : "Timed");
            List<HeatPlace> places = Scoring.heatPlaces(s, n, minimumTimeMs);
            summary = summary(places);
            dnf = !(result instanceof ManualResult) && places.stream().anyMatch(HeatPlace::dnf);
        }
        if (heat.catchUp()) {
            how.add("catch-up");
        }
        if (reruns.contains(n)) {
            how.add("re-run");
        }
        if (corrected.contains(n)) {
            how.add("corrected");
        }
        return new Row(n, ConsoleText.cars(heat), summary, String.join(", ", how), result != null,
                n == s.lastResultHeat(), dnf, n == onTrack);
    }

    private static String summary(List<HeatPlace> places) {
        StringBuilder text = new StringBuilder();
        places.stream().filter(p -> !p.dnf()).findFirst().ifPresent(w -> text.append("Car ")
                .append(w.carNumber()).append(w.timeMs() == null ? "" : ", " + ConsoleText.seconds(w.timeMs())));
        long dnfs = places.stream().filter(HeatPlace::dnf).count();
        if (dnfs > 0) {
            text.append(text.isEmpty() ? "" : " · ").append(dnfs).append(" DNF");
        }
        if (places.stream().anyMatch(HeatPlace::impossible)) {
            text.append(" ⚠");
        }
        return text.toString();
    }

    private void enable() {
        Row r = table.getSelectionModel().getSelectedItem();
        rerun.setDisable(r == null || !r.hasResult() || !r.latest());
        rerunDnf.setDisable(r == null || !r.latest() || !r.dnfLanes());
        correct.setDisable(r == null || !(r.hasResult() || r.onTrack()));
    }

    private void selected(IntConsumer action) {
        Row r = table.getSelectionModel().getSelectedItem();
        if (r != null) {
            action.accept(r.heat());
        }
    }

    private static TableColumn<Row, String> column(String title, double width, Function<Row, String> value) {
        TableColumn<Row, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        return c;
    }
}
