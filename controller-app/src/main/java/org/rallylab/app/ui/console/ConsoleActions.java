package org.rallylab.app.ui.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.rallylab.app.race.LoopState;
import org.rallylab.app.race.RaceLoop;
import org.rallylab.app.ui.Keys;
import org.rallylab.app.ui.OperatorContext;
import org.rallylab.app.ui.Shortcut;
import org.rallylab.app.ui.Ui;
import org.rallylab.app.ui.dialogs.ChangeLanesDialog;
import org.rallylab.app.ui.dialogs.Confirm;
import org.rallylab.app.ui.dialogs.CorrectLanesDialog;
import org.rallylab.app.ui.dialogs.ManualRankDialog;
import org.rallylab.app.ui.dialogs.ManualTimesDialog;
import org.rallylab.app.ui.dialogs.RaceMoment;
import org.rallylab.app.ui.dialogs.RemoveCarDialog;
import org.rallylab.app.ui.dialogs.RerunDialog;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.event.CarRemoved;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.state.ManualResult;
import org.rallylab.domain.state.SectionState;
import org.rallylab.track.Track;

/**
 * The console's action buttons, enabled by what the racing section allows now, their keyboard
 * shortcuts, and what each does: a race-loop call or a command, after its dialog where one is needed.
 * Every answer that is not accepted is shown in the notice bar.
 */
final class ConsoleActions {

    private final OperatorContext context;
    private final List<Shortcut> shortcuts = new ArrayList<>();
    private final VBox view = new VBox(6); // every action in view at 1366x768 (the column scrolls beyond)
    private final Button nextHeat;
    private final Button rerun;
    private final Button rerunDnf;
    private final Button manualRank;
    private final Button enterTimes;
    private final Button removeCar;
    private final Button correctLanes;
    private final Button changeLanes;
    private final Button replay;
    private final Button endEarly;
    private final Button dryRun;
    private final CheckBox manualMode = new CheckBox("Manual mode");
    private boolean updating;

    ConsoleActions(OperatorContext context) {
        this.context = context;
        nextHeat = action("Next heat", "next-heat", Keys.NEXT_HEAT, this::nextHeat);
        nextHeat.getStyleClass().add("primary");
        enterTimes = action("Enter times", "enter-times", Keys.ENTER_TIMES, this::enterTimes);
        manualRank = action("Manual rank", "manual-rank", Keys.MANUAL_RANK, this::manualRank);
        rerun = action("Re-run", "rerun", Keys.RERUN, () -> rerun(section().map(SectionState::lastResultHeat)
                .orElse(0)));
        rerunDnf = action("Re-run DNF lanes", "rerun-dnf", Keys.RERUN_DNF,
                () -> rerunDnf(section().map(SectionState::lastResultHeat).orElse(0)));
        replay = action("Replay results", "replay-results", Keys.REPLAY_RESULTS, this::replay);
        removeCar = action("Remove car", "remove-car", Keys.REMOVE_CAR, this::removeCar);
        correctLanes = action("Correct lanes", "correct-lanes", Keys.CORRECT_LANES,
                () -> correctLanes(section().map(ConsoleActions::heatToCorrect).orElse(0)));
        changeLanes = action("Change lanes", "change-lanes", Keys.CHANGE_LANES, this::changeLanes);
        dryRun = Ui.button("Dry run", "dry-run", this::dryRun);
        dryRun.setTooltip(new Tooltip("Race the staged heat once without recording it (to test the track)"));
        endEarly = action("End section early", "end-early", Keys.END_EARLY, this::endEarly);
        endEarly.getStyleClass().add("danger");
        manualMode.setId("manual-mode");
        manualMode.setTooltip(new Tooltip("Run heats without the track: enter times or rank by hand"));
        manualMode.selectedProperty().addListener((o, was, is) -> {
            if (!updating) {
                context.day().loop().setManualMode(is);
            }
        });
        for (Button b : List.of(nextHeat, enterTimes, manualRank, rerun, rerunDnf, replay, removeCar, correctLanes,
                changeLanes, dryRun, endEarly)) {
            b.setMaxWidth(Double.MAX_VALUE);
        }
        Region gap = new Region();
        VBox.setVgrow(gap, Priority.ALWAYS);
        gap.setMinHeight(4);
        view.getChildren().addAll(Grid.Cells.label("Actions", "section-title"), nextHeat, enterTimes, manualRank,
                rerun, rerunDnf, replay, removeCar, correctLanes, changeLanes, dryRun, manualMode, gap, endEarly);
        view.setId("console-actions");
        view.getStyleClass().add("actions-column");
    }

    Node view() {
        return view;
    }

    List<Shortcut> shortcuts() {
        return List.copyOf(shortcuts);
    }

    /** Enables what the section's state allows; {@code s} empty: nothing is racing. */
    void update(Optional<SectionState> section, LoopState loop) {
        updating = true;
        try {
            boolean active = section.isPresent();
            SectionState s = section.orElse(null);
            boolean staged = active && s.heatOnTrack().isPresent();
            boolean held = loop != null && loop.held().isPresent();
            int last = active ? s.lastResultHeat() : 0;
            boolean manual = loop != null && loop.manual();
            nextHeat.setDisable(!active || staged || held);
            rerun.setDisable(!active || last == 0 || held);
            rerunDnf.setDisable(!active || held || !hasDnfLanes(s, last) || s.dnfRerunStaged());
            manualRank.setDisable(!active || held || !staged && last == 0);
            enterTimes.setDisable(!staged || held);
            enterTimes.setText(manual ? "Run heat: enter times" : "Enter times");
            removeCar.setDisable(!active);
            correctLanes.setDisable(!active || heatToCorrect(s) == 0);
            changeLanes.setDisable(!active);
            replay.setDisable(!active || last == 0);
            endEarly.setDisable(!active || s.results().isEmpty());
            dryRun.setDisable(!staged || held || manual || loop == null || loop.track() == null
                    || !loop.track().connected());
            manualMode.setSelected(manual);
            manualMode.setDisable(loop == null || !loop.trackAttached());
            manualMode.setText(loop != null && !loop.trackAttached() ? "Manual mode (no track)" : "Manual mode");
        } finally {
            updating = false;
        }
    }

    // ---- what each action does ----

    void nextHeat() {
        context.tell(loop().nextHeat());
    }

    void rerun(int heat) {
        Optional<SectionState> s = section();
        if (s.isEmpty() || heat == 0) {
            context.notice("There is no heat result to re-run yet.");
            return;
        }
        RerunDialog.ask(context.window(), context.session(), s.get().sectionId(), heat)
                .ifPresent(rerun -> context.tell(context.session().execute(rerun)));
    }

    void rerunDnf(int heat) {
        Optional<SectionState> s = section();
        if (s.isEmpty() || heat == 0) {
            context.notice("There is no heat result to re-run yet.");
            return;
        }
        context.tell(context.session().execute(new Command.RerunDnfLanes(s.get().sectionId(), heat)));
    }

    void manualRank() {
        Optional<SectionState> s = section();
        Optional<Heat> heat = s.flatMap(x -> x.heatOnTrack().or(() -> x.heat(x.lastResultHeat())));
        if (heat.isEmpty()) {
            context.notice("There is no heat to rank: press Next heat first.");
            return;
        }
        // the dialog refuses once its heat is not the one on the track or showing: the loop's heat is the ranking's
        ManualRankDialog.ask(context.window(), context.session(), s.get().sectionId(), heat.get().number())
                .ifPresent(ranking -> context.tell(loop().rankByHand(ranking.placeByLane())));
    }

    void enterTimes() {
        Optional<SectionState> s = section();
        Optional<Heat> heat = s.flatMap(SectionState::heatOnTrack);
        if (heat.isEmpty()) {
            context.notice("No heat is staged: press Next heat first.");
            return;
        }
        // the dialog refuses once its heat is no longer on the track: the loop records the times for it
        ManualTimesDialog.ask(context.window(), context.session(), s.get().sectionId(), heat.get().number())
                .ifPresent(times -> context.tell(loop().enterTimes(times)));
    }

    void removeCar() {
        Optional<SectionState> s = section();
        if (s.isEmpty()) {
            context.notice("No section is racing.");
            return;
        }
        String id = s.get().sectionId();
        RaceMoment moment = RaceMoment.section(context.session(), id);
        Optional<Command.RemoveCar> removal = RemoveCarDialog.ask(context.window(), context.session(), id, null);
        if (removal.isEmpty()) {
            return;
        }
        String car = removal.get().carNumber();
        String who = carLabel(s.get(), car);
        boolean destroyed = CarRemoved.DESTROYED.equals(removal.get().reason());
        boolean sure = Confirm.ask(context.window(), "Remove " + who + "?", capital(who) + " leaves every remaining"
                + " heat of " + s.get().sectionName() + ", recorded as " + (destroyed ? "destroyed" : "failed inspection")
                + ". Its past results stay, marked incomplete. This cannot be undone.", "Remove car " + car, moment);
        if (sure && context.tell(context.session().execute(removal.get()))) {
            context.notice(capital(who) + " is out of " + s.get().sectionName() + ": the remaining heats are "
                    + "re-planned without it.");
        }
    }

    void correctLanes(int heat) {
        Optional<SectionState> s = section();
        if (s.isEmpty() || heat == 0) {
            context.notice("There is no raced heat to correct yet.");
            return;
        }
        CorrectLanesDialog.ask(context.window(), context.session(), s.get().sectionId(), heat)
                .ifPresent(correction -> context.tell(context.session().execute(correction)));
    }

    void changeLanes() {
        Optional<SectionState> s = section();
        if (s.isEmpty()) {
            context.notice("No section is racing.");
            return;
        }
        List<Integer> current = s.get().lanes();
        int highest = current.stream().mapToInt(Integer::intValue).max().orElse(0);
        int trackLanes = context.day().track().map(Track::laneCount).orElse(Math.max(6, highest));
        ChangeLanesDialog.ask(context.window(), context.session(), s.get().sectionId(), trackLanes)
                .ifPresent(change -> context.tell(context.session().execute(change)));
    }

    void replay() {
        if (section().map(SectionState::lastResultHeat).orElse(0) == 0) {
            context.notice("No heat has a result yet, so there is nothing to replay.");
            return;
        }
        context.day().audience().replayLastResults();
    }

    void endEarly() {
        Optional<SectionState> s = section();
        if (s.isEmpty()) {
            context.notice("No section is racing.");
            return;
        }
        SectionState x = s.get();
        int done = x.results().size();
        boolean sure = Confirm.ask(context.window(), "End " + x.sectionName() + " early?",
                "Only " + done + " of " + x.heatCount() + " heats have a result. The cars are ranked on the heats "
                        + "they ran, and no more heats can be raced in " + x.sectionName() + ".",
                "End section early", RaceMoment.section(context.session(), x.sectionId()));
        if (sure) {
            context.tell(context.session().execute(new Command.EndSectionEarly(x.sectionId())));
        }
    }

    void dryRun() {
        loop().dryRun(); // what happens is in the loop's notice, which the console shows
    }

    void acceptHeld() {
        context.tell(loop().acceptHeld());
    }

    void rerunHeld() {
        loop().rerunHeld();
    }

    // ---- helpers ----

    private Button action(String text, String id, KeyCombination keys, Runnable run) {
        Button b = Ui.button(text, id, keys, run);
        shortcuts.add(new Shortcut(keys, text, () -> {
            if (b.isDisabled()) {
                context.notice(b.getText() + " is not possible now. " + statusHint());
            } else {
                run.run();
            }
        }));
        return b;
    }

    private String statusHint() {
        return loop().state().last().map(LoopState::status).orElse("");
    }

    private RaceLoop loop() {
        return context.day().loop();
    }

    private Optional<SectionState> section() {
        return context.session().activeSection();
    }

    /** The heat "Correct lanes" means: the last heat with a result, else the heat on the track. */
    private static int heatToCorrect(SectionState s) {
        if (s == null) {
            return 0;
        }
        return s.lastResultHeat() > 0 ? s.lastResultHeat() : s.heatOnTrack().map(Heat::number).orElse(0);
    }

    /** "car T106 (Uma F.)", or "car T106" without a name. */
    private static String carLabel(SectionState s, String car) {
        String name = s.nameOf(car);
        return name.isEmpty() ? "car " + car : "car " + car + " (" + name + ")";
    }

    private static String capital(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static boolean hasDnfLanes(SectionState s, int heat) {
        if (s == null || heat == 0) {
            return false;
        }
        return s.result(heat).filter(r -> !(r instanceof ManualResult))
                .map(r -> s.heat(heat).map(h -> h.laneNumbers().stream().anyMatch(r::isDnf)).orElse(false))
                .orElse(false);
    }
}
