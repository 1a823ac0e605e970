package org.rallylab.app.ui.console;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.rallylab.app.race.HeldRace;
import org.rallylab.app.race.LoopState;
import org.rallylab.app.race.SessionChange;
import org.rallylab.app.race.Subscription;
import org.rallylab.app.ui.OperatorContext;
import org.rallylab.app.ui.OperatorScreen;
import org.rallylab.app.ui.Shortcut;
import org.rallylab.app.ui.Ui;
import org.rallylab.domain.event.ResultCorrected;
import org.rallylab.domain.event.RerunDeclared;
import org.rallylab.domain.event.SectionCompleted;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.scoring.Scoring;
import org.rallylab.domain.scoring.Standings;
import org.rallylab.domain.state.SectionState;
import org.rallylab.store.StoredEvent;
import org.rallylab.track.StartGate;

/**
 * The live race console of the racing section: which heat is on the track and who races in it,
 * the track, a held race, the last result, the standings, the lanes and every heat, with the
 * actions the section allows now. It follows the rally file and the race loop as they change;
 * when the section completes it goes to the section-complete screen.
 */
public final class LiveConsole implements OperatorScreen {

    private static final String STYLESHEET = LiveConsole.class.getResource("console.css").toExternalForm();

    private final OperatorContext context;
    private final ConsoleActions actions;
    private final HeatHistory history;
    private final GateControl gate;
    private final StackPane root = new StackPane();
    private final BorderPane racing = new BorderPane();
    private final VBox idle = new VBox(16);
    private final Label title = Grid.Cells.label("", "huge");
    private final Label status = new Label();
    private final Label notice = new Label();
    private final VBox heldHolder = new VBox();
    private final StackPane mainHolder = new StackPane();
    private final StackPane trackHolder = new StackPane();
    private final VBox lastResultHolder = new VBox();
    private final StackPane standingsHolder = new StackPane();
    private final StackPane lanesHolder = new StackPane();
    private Optional<HeldRace> heldShown = Optional.empty();
    private final Subscription sessionListener;
    private final Subscription loopListener;
    private LoopState loop;
    private String shownSectionId;
    private boolean left;

    public LiveConsole(OperatorContext context) {
        this.context = context;
        this.actions = new ConsoleActions(context);
        this.history = new HeatHistory(actions::rerun, actions::rerunDnf, actions::correctLanes);
        this.gate = new GateControl(context.day().track().flatMap(StartGate::of), context::notice);
        build();
        this.loop = context.day().loop().state().last().orElse(null);
        refresh();
        sessionListener = context.session().addListener(this::changed);
        Executor fx = r -> {
            if (Platform.isFxApplicationThread()) {
                r.run();
            } else {
                Platform.runLater(r);
            }
        };
        loopListener = context.day().loop().state().subscribe(fx, state -> {
            loop = state;
            showLoop();
        });
    }

    @Override
    public String title() {
        return context.session().activeSection().map(s -> s.sectionName() + ": live console").orElse("Live console");
    }

    @Override
    public Parent view() {
        return root;
    }

    @Override
    public List<Shortcut> shortcuts() {
        List<Shortcut> keys = new ArrayList<>(actions.shortcuts());
        keys.addAll(gate.shortcuts());
        return keys;
    }

    @Override
    public void dispose() {
        left = true;
        sessionListener.close();
        loopListener.close();
    }

    private void build() {
        root.getStylesheets().add(STYLESHEET);
        root.getStyleClass().add("live-console");
        title.setId("console-title");
        title.setWrapText(true);
        status.setId("console-status");
        status.getStyleClass().addAll("big", "console-status");
        status.setWrapText(true);
        notice.setId("console-notice");
        notice.getStyleClass().add("console-warning");
        notice.setWrapText(true);
        notice.setMaxWidth(Double.MAX_VALUE);
        VBox header = new VBox(4, title, status, notice);
        header.getStyleClass().add("console-header");

        HBox.setHgrow(mainHolder, Priority.ALWAYS);
        mainHolder.setAlignment(Pos.TOP_LEFT);
        trackHolder.setAlignment(Pos.TOP_LEFT);
        HBox nowRow = new HBox(10, mainHolder, trackHolder);
        VBox now = new VBox(10, heldHolder, nowRow);
        now.setMinHeight(Region.USE_PREF_SIZE);

        VBox leftColumn = new VBox(12, lastResultHolder, standingsHolder, lanesHolder);
        VBox rightColumn = new VBox(12, history.view());
        GridPane lower = new GridPane();
        lower.setHgap(12);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints half = new ColumnConstraints();
            half.setPercentWidth(50);
            lower.getColumnConstraints().add(half);
        }
        lower.add(leftColumn, 0, 0);
        lower.add(rightColumn, 1, 0);
        lower.getStyleClass().add("console-lower");
        ScrollPane scroll = new ScrollPane(lower);
        scroll.setFitToWidth(true);
        scroll.setId("console-lower");
        scroll.getStyleClass().add("console-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox center = new VBox(10, now, scroll);
        center.getStyleClass().add("console-center");

        // the actions come first in the keyboard's Tab order
        ScrollPane side = new ScrollPane(actions.view()); // a short screen (1366x768, a notice) scrolls the column
        side.setId("console-actions-scroll");
        side.setFitToWidth(true);
        side.setFitToHeight(true);
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        side.getStyleClass().add("console-scroll");
        side.setMinWidth(250);
        side.setPrefWidth(250);
        racing.setRight(side);
        racing.setTop(header);
        racing.setCenter(center);

        Label message = Grid.Cells.label("No section is racing.", "huge");
        Label help = new Label("Check the cars in and start a section from rally home; its heats then show here.");
        help.getStyleClass().add("big");
        help.setWrapText(true);
        Button home = Ui.button("Go to rally home", "go-home", () -> context.go().home());
        home.getStyleClass().add("primary");
        idle.getChildren().addAll(message, help, home);
        idle.setId("console-idle");
        idle.setAlignment(Pos.CENTER_LEFT);
        idle.getStyleClass().add("console-idle");
        root.getChildren().addAll(racing, idle);
    }

    private void changed(SessionChange change) {
        if (left) {
            return;
        }
        for (StoredEvent stored : change.events()) {
            if (stored.event() instanceof SectionCompleted done && done.sectionId().equals(shownSectionId)) {
                left = true; // the navigator disposes this screen
                context.go().sectionComplete(done.sectionId());
                return;
            }
        }
        refresh();
    }

    /** Everything again: the rally file changed (or the screen is new). */
    private void refresh() {
        if (left || context.session().isClosed()) {
            return;
        }
        Optional<SectionState> section = context.session().activeSection();
        racing.setVisible(section.isPresent());
        idle.setVisible(section.isEmpty());
        shownSectionId = section.map(SectionState::sectionId).orElse(null);
        section.ifPresent(this::showRecords);
        showLoop();
    }

    /** What the loop says: the status line, the notice, a held race, the track, the actions. */
    private void showLoop() {
        if (left || context.session().isClosed()) {
            return;
        }
        Optional<SectionState> section = context.session().activeSection();
        actions.update(section, loop);
        if (section.isEmpty()) {
            return;
        }
        SectionState s = section.get();
        LoopState state = loop();
        String statusText = s.sectionId().equals(state.sectionId()) ? state.status() : "";
        if (state.held().isPresent()) {
            statusText = "Heat " + state.held().get().heat() + " waits for your decision: accept the time or "
                    + "re-run the heat.";
        }
        status.setText(statusText);
        String noticeText = state.notice();
        if (noticeText.equals(state.status())) {
            noticeText = ""; // the held race's message: its card shows it
        }
        notice.setText(noticeText.isEmpty() ? "" : "⚠ " + noticeText);
        notice.setVisible(!noticeText.isEmpty());
        notice.setManaged(!noticeText.isEmpty());
        Optional<HeldRace> held = state.held();
        if (!held.equals(heldShown)) {
            heldShown = held;
            heldHolder.getChildren().setAll(held.map(h -> List.of(HeldView.of(h, actions::acceptHeld,
                    actions::rerunHeld))).orElse(List.of()));
        }
        trackHolder.getChildren().setAll(TrackView.of(state, gate));
    }

    /** What the rally file says: the heat, its result, standings, lanes and the heats. */
    private void showRecords(SectionState s) {
        int minimum = context.session().rules().settings().minimumTimeMs();
        Set<Integer> reruns = new HashSet<>();
        Set<Integer> corrected = new HashSet<>();
        for (StoredEvent e : context.session().events()) {
            if (e.event() instanceof RerunDeclared r && r.sectionId().equals(s.sectionId())) {
                reruns.add(r.heat());
            } else if (e.event() instanceof ResultCorrected c && c.sectionId().equals(s.sectionId())) {
                corrected.add(c.heatNumber());
            }
        }
        Optional<Heat> onTrack = s.heatOnTrack();
        int heat = onTrack.map(Heat::number).orElse(s.lastResultHeat());
        title.setText(ConsoleText.heatTitle(s, heat, onTrack.isPresent() && s.dnfRerunStaged(),
                reruns.contains(heat)));
        if (onTrack.isPresent()) {
            mainHolder.getChildren().setAll(StagedHeatView.of(s, onTrack.get(),
                    StagedHeatView.after(s, onTrack.get().number())));
        } else {
            VBox card = ResultView.of(s, heat, minimum, "Heat " + heat + " result", true, reruns.contains(heat));
            card.getChildren().add(StagedHeatView.nextLine(StagedHeatView.after(s, 0)));
            mainHolder.getChildren().setAll(card);
        }
        int last = s.lastResultHeat();
        lastResultHolder.getChildren().setAll(onTrack.isPresent() && last > 0
                ? List.of(ResultView.of(s, last, minimum, "Last result: heat " + last, false, reruns.contains(last)))
                : List.of());
        history.show(s, minimum, reruns, corrected);
        Standings ranked = Scoring.standings(s);
        VBox standings = new VBox(8, Grid.Cells.label("Standings (top 10)", "section-title"),
                ranked.entries().isEmpty() ? Grid.Cells.label("No heat has a result yet.", "muted")
                        : StandingsView.table("standings-table", ranked, 10, null, false));
        standings.getStyleClass().addAll("card", "panel-card");
        standingsHolder.getChildren().setAll(standings);
        lanesHolder.getChildren().setAll(LaneStatsView.of(Scoring.laneStatistics(s)));
    }

    private LoopState loop() {
        return loop != null ? loop : context.day().loop().current();
    }
}
