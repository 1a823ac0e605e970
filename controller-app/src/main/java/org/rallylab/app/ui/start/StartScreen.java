package org.rallylab.app.ui.start;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.rallylab.app.demo.DemoSetup;
import org.rallylab.app.settings.RecentRallies;
import org.rallylab.app.ui.Ui;

/**
 * What the operator sees with no rally open: new rally, open a rally file, the recent rallies,
 * and the demo rally with its cars per section adjustable.
 */
public final class StartScreen {

    /** What the buttons do. */
    public interface Actions {
        void newRally();

        void openFile();

        void open(Path rallyFile);

        /** Restore a rally from the cloud into a new file and open it. */
        void restoreFromCloud();

        /** Restore a rally from a backup file (a USB stick) into a new file and open it. */
        void restoreFromBackup();

        void demo(DemoSetup.Counts counts);
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    private final VBox view;

    public StartScreen(List<RecentRallies.Entry> recent, DemoSetup.Counts counts, Actions actions) {
        Objects.requireNonNull(actions, "actions");
        Button newRally = Ui.button("New rally…", "new-rally", actions::newRally);
        newRally.getStyleClass().add("primary");
        Button open = Ui.button("Open rally file…", "open-rally", actions::openFile);
        newRally.setMinWidth(Region.USE_PREF_SIZE);
        open.setMinWidth(Region.USE_PREF_SIZE);
        Button restore = Ui.button("Restore from the cloud…", "restore-from-cloud", actions::restoreFromCloud);
        restore.setMinWidth(Region.USE_PREF_SIZE);
        Button fromBackup = Ui.button("Restore from backup…", "restore-from-backup", actions::restoreFromBackup);
        fromBackup.setMinWidth(Region.USE_PREF_SIZE);
        Label startText = new Label("Set up sections and rosters before race day, or open the rally file you made.");
        startText.setWrapText(true);
        VBox start = card("Your rally", startText, new HBox(12, newRally, open), new HBox(12, restore, fromBackup));

        ListView<RecentRallies.Entry> list = new ListView<>();
        list.setId("recent-rallies");
        list.getItems().setAll(recent);
        list.setPrefHeight(Math.min(6, Math.max(2, recent.size())) * 44 + 4);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(RecentRallies.Entry entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(empty || entry == null ? null : entry.path().getFileName() + "    "
                        + WHEN.format(entry.openedAt()) + "    " + entry.path().getParent());
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                actions.open(list.getSelectionModel().getSelectedItem().path());
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2
                    && list.getSelectionModel().getSelectedItem() != null) {
                actions.open(list.getSelectionModel().getSelectedItem().path());
            }
        });
        Button openRecent = Ui.button("Open", "open-recent", () -> {
            RecentRallies.Entry e = list.getSelectionModel().getSelectedItem();
            if (e != null) {
                actions.open(e.path());
            }
        });
        openRecent.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        VBox recentCard = recent.isEmpty()
                ? card("Recent rallies", wrapped("None yet: the rallies you open appear here."))
                : card("Recent rallies", list, openRecent);
        if (!recent.isEmpty()) {
            list.getSelectionModel().selectFirst();
        }

        Spinner<Integer> beavers = count("demo-beavers", counts.beaverBuggies());
        Spinner<Integer> kubs = count("demo-kubs", counts.kubKars());
        Spinner<Integer> scouts = count("demo-scouts", counts.scoutTrucks());
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(8);
        grid.addRow(0, new Label(DemoSetup.BEAVER_BUGGIES), beavers, Ui.label("cars", "muted"));
        grid.addRow(1, new Label(DemoSetup.KUB_KARS), kubs, Ui.label("cars", "muted"));
        grid.addRow(2, new Label(DemoSetup.SCOUT_TRUCKS), scouts, Ui.label("cars", "muted"));
        Button demo = Ui.button("Start the demo rally", "start-demo", () -> actions.demo(
                new DemoSetup.Counts(beavers.getValue(), kubs.getValue(), scouts.getValue())));
        demo.getStyleClass().add("primary");
        Label demoText = new Label("Three sections with made-up names on a simulated 6-lane track: check cars in, "
                + "start a section and race heats in a minute. It is saved as a new demo file; your rallies are "
                + "not touched.");
        demoText.setWrapText(true);
        VBox demoCard = card("Try it: demo rally", demoText, grid, demo);

        GridPane columns = new GridPane();
        columns.setHgap(18);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints half = new ColumnConstraints();
            half.setPercentWidth(50);
            columns.getColumnConstraints().add(half);
        }
        columns.add(new VBox(18, start, recentCard), 0, 0);
        columns.add(demoCard, 1, 0);
        GridPane.setValignment(demoCard, javafx.geometry.VPos.TOP);
        view = new VBox(18, Ui.label("Race-day software for Kub Kars, Beaver Buggies and Scout Trucks. Works without "
                + "internet; every result is saved the moment it is recorded.", "muted"), columns);
        view.setId("start-screen");
        view.setPadding(new Insets(6, 0, 0, 0));
    }

    public Parent view() {
        return view;
    }

    private static Label wrapped(String text) {
        Label l = Ui.label(text, "muted");
        l.setWrapText(true);
        return l;
    }

    private static Spinner<Integer> count(String id, int value) {
        Spinner<Integer> s = new Spinner<>(DemoSetup.Counts.MIN, DemoSetup.Counts.MAX, value);
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(110);
        return s;
    }

    private static VBox card(String title, javafx.scene.Node... content) {
        VBox box = new VBox(12);
        box.getChildren().add(Ui.label(title, "section-title"));
        box.getChildren().addAll(content);
        box.getStyleClass().add("card");
        box.setAlignment(Pos.TOP_LEFT);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }
}
