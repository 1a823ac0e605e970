package org.rallylab.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.app.demo.DemoSetup;
import org.rallylab.app.race.AudienceMessage;
import org.rallylab.app.race.LoopState;
import org.rallylab.app.race.RaceDay;
import org.rallylab.domain.event.CarArrived;
import org.rallylab.domain.event.CarRemoved;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.HeatStaged;
import org.rallylab.domain.event.LanesChanged;
import org.rallylab.domain.event.RaceCompleted;
import org.rallylab.domain.event.RerunDeclared;
import org.rallylab.domain.event.ResultCorrected;
import org.rallylab.domain.event.ResultManuallyEntered;
import org.rallylab.domain.event.SectionCompleted;
import org.rallylab.domain.event.SectionStarted;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.state.RosterEntry;
import org.rallylab.domain.state.SectionState;
import org.rallylab.domain.testing.Await;
import org.rallylab.store.RallyFile;
import org.rallylab.store.RallyFileException;
import org.rallylab.track.StartGate;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Race day through the real app, by keyboard and mouse as an operator does it: the demo rally on
 * the simulated track; Beaver Buggies checked in, started and raced to the end; then Kub Kars
 * with every operator action: re-run, manual rank, re-run of DNF lanes (after a hand-timed heat
 * in manual mode), remove a car, correct lanes, change lanes, a late arrival and ending early.
 * Each step asserts the events written to the rally file and the audience messages sent.
 */
class WholeDayTest {

    @TempDir
    Path folder;

    private RallyLabApp app;
    private final FxRobot robot = new FxRobot();
    private final List<AudienceMessage> audience = new CopyOnWriteArrayList<>();
    private Stage stage;
    private Path rally;
    private int seen;

    @BeforeEach
    void launch() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        rally = folder.resolve("whole-day.rallylab");
        RallyLabApp.prepare(new AppOptions(true, false, false, rally, "sim", new DemoSetup.Counts(6, 8, 4), 40, 7,
                folder.resolve("data")));
        app = (RallyLabApp) FxToolkit.setupApplication(RallyLabApp::new);
        UiFixture.fxRun(() -> {
            // the demo track's gate waits for the operator (GateControlTest); here its simulated crew works it
            day().track().flatMap(StartGate::of).orElseThrow().setAutomatic(true);
            day().audience().screens().subscribe(Runnable::run, audience::add);
            day().audience().overlay().subscribe(Runnable::run, audience::add);
        });
        seen = disk().size();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
    }

    @Test
    void raceDay_wholeDayByKeyboardAndMouse_everyStepWritesItsEvents() {
        // ---- Beaver Buggies: check in all, start, race every heat on the simulated track ----
        String beavers = section(DemoSetup.BEAVER_BUGGIES).sectionId();
        assertThat(title()).contains("RallyLab Demo Rally");
        click("#check-in-" + beavers);
        click("#check-in-all");
        click("#confirm-action");
        assertThat(fresh(CarArrived.class)).hasSize(6);
        click("#start-section");
        assertThat(title()).contains("Beaver Buggies – start");
        click("#start");
        List<DomainEvent> started = freshEvents();
        assertThat(started).first().isInstanceOf(SectionStarted.class);
        assertThat(started).anyMatch(e -> e instanceof HeatStaged h && h.heat() == 1);
        assertThat(title()).contains("Beaver Buggies");
        int beaverHeats = section(DemoSetup.BEAVER_BUGGIES).heatCount();
        await("Beaver Buggies complete", () -> section(DemoSetup.BEAVER_BUGGIES).completed());
        List<DomainEvent> raced = new ArrayList<>(started);
        raced.addAll(freshEvents());
        assertThat(raced.stream().filter(RaceCompleted.class::isInstance)).hasSize(beaverHeats);
        assertThat(raced).last().isInstanceOf(SectionCompleted.class);
        await("section complete screen", () -> title().contains("Beaver Buggies") && title().contains("final"));
        assertThat(screens(AudienceMessage.Staging.class)).anyMatch(s -> s.heat() == 1);
        assertThat(screens(AudienceMessage.Results.class).stream().filter(r -> !r.manual())
                .map(AudienceMessage.Results::heat).distinct())
                .as("every heat's results were on the audience screen")
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, beaverHeats).boxed()
                        .toList());
        click("#reveal-next"); // the last heat's results are still on the audience: show the final standings now
        await("final standings on the audience", () -> lastScreen() instanceof AudienceMessage.SectionComplete);
        int revealed = ((AudienceMessage.SectionComplete) lastScreen()).revealed();
        click("#reveal-next");
        await("one more place revealed", () -> lastScreen() instanceof AudienceMessage.SectionComplete c
                && c.revealed() == revealed + 1);
        click("#reveal-all");
        await("all revealed", () -> lastScreen() instanceof AudienceMessage.SectionComplete c && c.fullyRevealed());
        assertThat(freshEvents()).as("revealing writes nothing").isEmpty();

        // ---- Kub Kars: check in all but one car (it arrives late), start ----
        SectionState kub = section(DemoSetup.KUB_KARS);
        String kubs = kub.sectionId();
        List<String> cars = kub.roster().stream().map(RosterEntry::carNumber).toList();
        String late = cars.get(cars.size() - 1);
        UiFixture.fxRun(() -> day().loop().setAutoAdvance(false)); // this track's gate reset is not detected
        click("#next-section");
        assertThat(title()).contains("Kub Kars – check-in");
        for (String car : cars.subList(0, cars.size() - 1)) {
            click("#search");
            robot.write(car).push(KeyCode.ENTER);
        }
        assertThat(fresh(CarArrived.class)).extracting(CarArrived::carNumber)
                .containsExactlyElementsOf(cars.subList(0, cars.size() - 1));
        click("#start-section");
        click("#start");
        awaitResults(1);
        List<DomainEvent> kubStart = freshEvents();
        assertThat(kubStart).first().isInstanceOf(SectionStarted.class);
        assertThat(kubStart.stream().filter(RaceCompleted.class::isInstance).map(e -> ((RaceCompleted) e).heat()))
                .containsExactly(1);
        await("heat 1 results on the audience", () -> screens(AudienceMessage.Results.class).stream()
                .anyMatch(r -> r.sectionName().equals("Kub Kars") && r.heat() == 1));

        Screenshots.take(stage, "operator-window-console");
        Stage projector = app.window().audienceWindow().orElseThrow().stage();
        UiFixture.fxRun(projector::toFront);
        Screenshots.take(projector, "audience-window-live");
        UiFixture.fxRun(stage::toFront);
        robot.targetWindow(stage);
        robot.push(KeyCode.F1);
        await("help", () -> UiFixture.fx(() -> Window.getWindows().stream()
                .anyMatch(w -> w.getScene() != null && w.getScene().lookup("#help") != null)));
        Window help = UiFixture.fx(() -> Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().lookup("#help") != null).findFirst().orElseThrow());
        assertThat(robot.lookup("#help").queryAs(Node.class)).isNotNull();
        Screenshots.take(help, "operator-help");
        robot.targetWindow(help).push(KeyCode.ESCAPE);
        await("help closed", () -> !UiFixture.fx(help::isShowing));

        // ---- re-run (reason) ----
        shortcut(KeyCode.R);
        dialog();
        click("#reason");
        robot.write("False start").push(KeyCode.ENTER);
        await("re-run raced", () -> fresh(RaceCompleted.class, false).size() == 1);
        List<DomainEvent> rerun = freshEvents();
        assertThat(rerun).first().isInstanceOfSatisfying(RerunDeclared.class, r -> {
            assertThat(r.heat()).isEqualTo(1);
            assertThat(r.reason()).isEqualTo("False start");
        });
        assertThat(rerun).last().isInstanceOfSatisfying(RaceCompleted.class, r -> assertThat(r.heat()).isEqualTo(1));
        awaitResults(1);

        // ---- manual rank of the heat showing: lane n finished n-th ----
        Heat heat1 = section(DemoSetup.KUB_KARS).heat(1).orElseThrow();
        shortcut(KeyCode.M);
        dialog();
        for (int lane : heat1.laneNumbers()) {
            focus("#place-lane-" + lane);
            robot.write(String.valueOf(lane)); // lane n finished n-th
        }
        click("#dialog-ok");
        assertThat(fresh(ResultManuallyEntered.class)).singleElement()
                .satisfies(m -> assertThat(m.heat()).isEqualTo(1));
        await("manual result on the audience", () -> lastScreen() instanceof AudienceMessage.Results r && r.manual());

        // ---- next heat, raced on the track ----
        shortcut(KeyCode.N);
        awaitResults(2);
        List<DomainEvent> heat2 = freshEvents();
        assertThat(of(heat2, HeatStaged.class)).extracting(HeatStaged::heat).containsExactly(2);
        assertThat(of(heat2, RaceCompleted.class)).extracting(RaceCompleted::heat).containsExactly(2);

        // ---- manual mode: heat 3 timed by hand with a DNF, then re-run of the DNF lane on the track ----
        click("#manual-mode");
        await("manual mode", () -> loop().manual());
        shortcut(KeyCode.N);
        await("heat 3 staged", () -> loop().phase() == LoopState.Phase.STAGED && loop().heat() == 3);
        assertThat(fresh(HeatStaged.class)).extracting(HeatStaged::heat).containsExactly(3);
        Heat heat3 = section(DemoSetup.KUB_KARS).heat(3).orElseThrow();
        List<Integer> lanes3 = heat3.laneNumbers();
        int dnfLane = lanes3.get(lanes3.size() - 1);
        shortcut(KeyCode.T);
        dialog();
        for (int lane : lanes3) {
            if (lane != dnfLane) {
                click("#time-lane-" + lane);
                robot.write("3." + (100 + lane));
            }
        }
        click("#dialog-ok");
        assertThat(fresh(RaceCompleted.class)).singleElement().satisfies(r -> {
            assertThat(r.heat()).isEqualTo(3);
            assertThat(r.timesMs()).doesNotContainKey(dnfLane).containsEntry(lanes3.get(0), 3100L + lanes3.get(0));
        });
        await("hand-timed result with a DNF on the audience", () -> lastScreen() instanceof AudienceMessage.Results r
                && r.heat() == 3 && r.results().stream().anyMatch(AudienceMessage.Finish::dnf));
        shortcut(KeyCode.D);
        assertThat(fresh(HeatStaged.class)).singleElement().satisfies(h -> {
            assertThat(h.dnfRerun()).isTrue();
            assertThat(h.lanes()).singleElement().satisfies(l -> assertThat(l.lane()).isEqualTo(dnfLane));
        });
        await("DNF re-run staged on the audience", () -> screens(AudienceMessage.Staging.class).stream()
                .anyMatch(s -> s.heat() == 3 && s.dnfRerun()));
        click("#manual-mode");
        await("the track races the DNF lane", () -> fresh(RaceCompleted.class, false).size() == 1);
        assertThat(fresh(RaceCompleted.class)).singleElement().satisfies(r -> {
            assertThat(r.partial()).isTrue();
            assertThat(r.timesMs()).containsOnlyKeys(dnfLane);
        });

        // ---- correct lanes of the last heat: the cars of its first two lanes were swapped ----
        int last = section(DemoSetup.KUB_KARS).lastResultHeat();
        Heat corrected = section(DemoSetup.KUB_KARS).heat(last).orElseThrow();
        String car1 = corrected.carIn(corrected.laneNumbers().get(0)).orElseThrow();
        String car2 = corrected.carIn(corrected.laneNumbers().get(1)).orElseThrow();
        shortcut(KeyCode.C, true);
        dialog();
        focus("#car-lane-" + corrected.laneNumbers().get(0));
        robot.write(car2);
        focus("#car-lane-" + corrected.laneNumbers().get(1));
        robot.write(car1);
        click("#reason");
        robot.write("Cars loaded in the wrong lanes");
        click("#dialog-ok");
        assertThat(openDialog()).as("dialog closed: %s", dialogError()).isEmpty();
        assertThat(fresh(ResultCorrected.class)).singleElement().satisfies(c -> {
            assertThat(c.heatNumber()).isEqualTo(last);
            assertThat(c.reason()).isEqualTo("Cars loaded in the wrong lanes");
        });

        // ---- remove a car (destroyed) ----
        String destroyed = heat3.carIn(lanes3.get(0)).orElseThrow();
        shortcut(KeyCode.X, true);
        dialog();
        click("#car-search");
        robot.write(destroyed);
        click("#reason-destroyed");
        click("#dialog-ok");
        // the removal is confirmed, naming the car, before anything is written
        await("the confirmation of the removal", () -> robot.lookup("#confirm-action").tryQuery()
                .map(n -> n.getScene().getWindow().isShowing()).orElse(false));
        assertThat(fresh(CarRemoved.class, false)).isEmpty();
        robot.targetWindow(robot.lookup("#confirm-action").query().getScene().getWindow());
        click("#confirm-action");
        assertThat(fresh(CarRemoved.class)).singleElement().satisfies(r -> {
            assertThat(r.carNumber()).isEqualTo(destroyed);
            assertThat(r.reason()).isEqualTo(CarRemoved.DESTROYED);
        });

        // ---- change lanes: lane 6 is out ----
        shortcut(KeyCode.L, true);
        dialog();
        click("#lane-6");
        click("#reason");
        robot.write("Lane 6 sensor is broken");
        click("#dialog-ok");
        assertThat(fresh(LanesChanged.class)).singleElement()
                .satisfies(c -> assertThat(c.availableLanes()).containsExactly(1, 2, 3, 4, 5));
        await("re-staged without lane 6", () -> section(DemoSetup.KUB_KARS).heatOnTrack()
                .map(h -> !h.laneNumbers().contains(6)).orElse(true));

        // ---- late arrival: catch-up heats ----
        shortcut(KeyCode.H);
        click("#check-in-" + kubs);
        assertThat(robot.lookup("#late-banner").queryAs(Node.class).isVisible()).isTrue();
        click("#search");
        robot.write(late).push(KeyCode.ENTER);
        assertThat(fresh(CarArrived.class)).extracting(CarArrived::carNumber).containsExactly(late);
        SectionState withLate = section(DemoSetup.KUB_KARS);
        assertThat(withLate.heats().stream().filter(h -> h.number() > withLate.lastResultHeat())
                .filter(h -> h.hasCar(late))).as("the late car joins the remaining heats").isNotEmpty();

        // ---- end section early ----
        shortcut(KeyCode.K);
        assertThat(title()).contains("Kub Kars");
        shortcut(KeyCode.E, true);
        dialog();
        click("#confirm-action");
        await("ended early", () -> section(DemoSetup.KUB_KARS).completed());
        assertThat(fresh(SectionCompleted.class)).singleElement().satisfies(c -> assertThat(c.earlyEnd()).isTrue());
        await("final screen", () -> title().contains("Kub Kars") && title().contains("final"));
        await("early end on the audience", () -> lastScreen() instanceof AudienceMessage.SectionComplete c
                && c.sectionName().equals("Kub Kars") && c.earlyEnd());
    }

    // ---- helpers -------------------------------------------------------------------------------

    private RaceDay day() {
        return app.window().day();
    }

    private LoopState loop() {
        return UiFixture.fx(() -> day().loop().current());
    }

    private SectionState section(String name) {
        return UiFixture.fx(() -> day().session().state().findSection(name).orElseThrow());
    }

    private String title() {
        return UiFixture.fx(() -> app.window().currentScreen() == null ? "" : app.window().currentScreen().title());
    }

    private AudienceMessage.Screen lastScreen() {
        return UiFixture.fx(() -> day().audience().screens().last().orElse(null));
    }

    private <S extends AudienceMessage.Screen> List<S> screens(Class<S> type) {
        return audience.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private void awaitResults(int heat) {
        await("results of heat " + heat, () -> {
            LoopState l = loop();
            return l.phase() == LoopState.Phase.RESULTS && l.heat() == heat;
        });
    }

    private void click(String query) {
        WaitForAsyncUtils.waitForFxEvents();
        Window window = UiFixture.fx(() -> Window.getWindows().stream().filter(Window::isShowing)
                .filter(w -> w.getScene() != null && w.getScene().lookup(query) != null)
                .reduce((a, b) -> b).orElse(null));
        assertThat(window).as("a window showing " + query + " (notice: " + notice() + ")").isNotNull();
        robot.targetWindow(window);
        Node node = UiFixture.fx(() -> window.getScene().lookup(query));
        robot.clickOn(node);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Gives the keyboard to a control of the dialog showing (typing then goes to it). */
    private void focus(String query) {
        Window dialog = dialog();
        Node node = UiFixture.fx(() -> dialog.getScene().lookup(query));
        assertThat(node).as(query).isNotNull();
        UiFixture.fxRun(node::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shortcut(KeyCode key) {
        shortcut(key, false);
    }

    private void shortcut(KeyCode key, boolean shift) {
        robot.targetWindow(stage);
        UiFixture.fxRun(stage::requestFocus);
        if (shift) {
            robot.push(KeyCode.CONTROL, KeyCode.SHIFT, key);
        } else {
            robot.push(KeyCode.CONTROL, key);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits for the dialog over the operator window and points the robot at it. */
    private Window dialog() {
        await("a dialog", () -> openDialog().isPresent());
        Window dialog = openDialog().orElseThrow();
        robot.targetWindow(dialog);
        return dialog;
    }

    private Optional<Window> openDialog() {
        return UiFixture.fx(() -> Window.getWindows().stream()
                .filter(w -> w != stage && w.isShowing() && w instanceof Stage s && s.getOwner() == stage)
                .findFirst());
    }

    private String dialogError() {
        return UiFixture.fx(() -> Window.getWindows().stream().filter(Window::isShowing)
                .map(w -> w.getScene().lookup("#dialog-error")).filter(n -> n instanceof javafx.scene.control.Label)
                .map(n -> ((javafx.scene.control.Label) n).getText()).findFirst().orElse(""));
    }

    private String notice() {
        return UiFixture.fx(() -> app.window().noticeText());
    }

    /** Every event in the rally file, read back by a separate read-only open. */
    private List<DomainEvent> disk() {
        List<DomainEvent> events = new ArrayList<>();
        try (RallyFile reader = RallyFile.openReadOnly(rally)) {
            reader.replay(e -> events.add(e.event()));
        } catch (RallyFileException e) {
            throw new AssertionError(e);
        }
        return events;
    }

    /** The events written since the last look, read back from the file; marks them seen. */
    private List<DomainEvent> freshEvents() {
        WaitForAsyncUtils.waitForFxEvents();
        List<DomainEvent> all = disk();
        List<DomainEvent> fresh = new ArrayList<>(all.subList(seen, all.size()));
        seen = all.size();
        return fresh;
    }

    private static <E extends DomainEvent> List<E> of(List<DomainEvent> events, Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private <E extends DomainEvent> List<E> fresh(Class<E> type) {
        return fresh(type, true);
    }

    /** The new events of {@code type}; {@code mark}: mark every new event seen. */
    private <E extends DomainEvent> List<E> fresh(Class<E> type, boolean mark) {
        List<DomainEvent> all = disk();
        List<DomainEvent> fresh = all.subList(seen, all.size());
        if (mark) {
            seen = all.size();
        }
        return fresh.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private void await(String what, BooleanSupplier condition) {
        Await.until(what, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            if (condition.getAsBoolean()) {
                return true;
            }
            throw new AssertionError("screen: " + title() + "; loop: " + loop().status() + "; notice: " + notice());
        });
    }
}
