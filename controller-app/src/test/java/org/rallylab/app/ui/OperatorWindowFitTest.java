package org.rallylab.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.app.demo.DemoSetup;
import org.rallylab.app.race.LoopState;
import org.rallylab.app.race.RaceDay;
import org.rallylab.app.race.RallySession;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.schedule.LaneAssignment;
import org.rallylab.domain.state.SectionState;
import org.rallylab.domain.testing.Await;
import org.rallylab.store.RallyFileException;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 12: nothing in the operator window is cut at a laptop's 1280x800 or 1366x768. Every screen
 * of race day, from the start screen to a section complete, is shown at both sizes and its scene
 * graph walked ({@link CutText}): no label, button or table cell shows "…" instead of its words,
 * and no control lies outside the window.
 */
class OperatorWindowFitTest {

    private static final List<double[]> SIZES = List.of(new double[] {1280, 800}, new double[] {1366, 768});

    @TempDir
    Path folder;

    private RallyLabApp app;
    private Stage stage;
    private final List<String> problems = new ArrayList<>();

    @BeforeEach
    void launch() throws Exception {
        FxToolkit.registerPrimaryStage(); // starts JavaFX
        stage = FxToolkit.registerStage(Stage::new); // a stage of its own: the shared primary stage keeps its size
        RallyLabApp.prepare(new AppOptions(false, false, false, null, "none", UiFixture.SMALL, 1.0, 7,
                folder.resolve("data")));
        app = (RallyLabApp) FxToolkit.setupApplication(RallyLabApp::new);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        UiFixture.fxRun(stage::close);
    }

    @Test
    void everyOperatorScreen_laptopSizes_nothingCutOrOutsideTheWindow() {
        audit("start screen");

        UiFixture.fxRun(() -> app.startActions().demo(UiFixture.SMALL));
        Await.until("the demo rally open", () -> UiFixture.fx(() -> app.window().openDay().isPresent()));
        SectionState beavers = section(DemoSetup.BEAVER_BUGGIES);
        audit("rally home", "operator-home");

        UiFixture.fxRun(() -> app.window().go().editRally());
        audit("rally setup");

        UiFixture.fxRun(() -> app.window().go().checkIn(beavers.sectionId()));
        UiFixture.fxRun(() -> day().session().execute(new Command.MarkArrived(beavers.sectionId(),
                beavers.roster().get(0).carNumber())));
        UiFixture.fxRun(() -> app.window().tell(day().session().execute(new Command.MarkArrived(beavers.sectionId(),
                beavers.roster().get(0).carNumber())))); // "already checked in": the notice bar and its OK
        assertThat(UiFixture.fx(() -> app.window().noticeText())).contains("already checked in");
        audit("check-in with a notice");

        for (var car : beavers.roster()) {
            UiFixture.fxRun(() -> day().session().execute(new Command.MarkArrived(beavers.sectionId(),
                    car.carNumber())));
        }
        UiFixture.fxRun(() -> app.window().go().startSection(beavers.sectionId()));
        audit("start section");

        Decision started = UiFixture.fx(() -> day().session().execute(new Command.StartSection(beavers.sectionId(),
                List.of(1, 2, 3))));
        assertThat(started).isInstanceOf(Decision.Accepted.class);
        UiFixture.fxRun(() -> app.window().go().console());
        awaitPhase(LoopState.Phase.STAGED);
        audit("race console, heat 1 staged");

        UiFixture.fxRun(() -> app.window().tell(day().loop().enterTimes(times(500))));
        awaitPhase(LoopState.Phase.HELD);
        audit("race console, an impossible time held");

        UiFixture.fxRun(() -> day().loop().acceptHeld());
        awaitPhase(LoopState.Phase.RESULTS);
        audit("race console, heat 1's results", "operator-console");

        while (!section(DemoSetup.BEAVER_BUGGIES).completed()) {
            UiFixture.fxRun(() -> day().loop().nextHeat());
            Await.until("a heat staged or the section complete", () -> section(DemoSetup.BEAVER_BUGGIES).completed()
                    || UiFixture.fx(() -> day().loop().current().phase()) == LoopState.Phase.STAGED);
            if (!section(DemoSetup.BEAVER_BUGGIES).completed()) {
                int heat = UiFixture.fx(() -> day().loop().current().heat());
                UiFixture.fxRun(() -> day().loop().enterTimes(times(2500)));
                Await.until("heat " + heat + "'s result", () -> UiFixture.fx(() ->
                        day().session().state().section(beavers.sectionId()).orElseThrow().result(heat).isPresent()));
            }
        }
        UiFixture.fxRun(() -> app.window().go().sectionComplete(beavers.sectionId()));
        audit("section complete");

        UiFixture.fxRun(() -> app.window().go().home());
        audit("rally home, a section complete");

        Path longName = longNamedRally();
        UiFixture.fxRun(() -> app.window().closeRally());
        UiFixture.fxRun(() -> app.startActions().open(longName));
        Await.until("the long-named rally open", () -> UiFixture.fx(() -> app.window().rallyFile())
                .filter(longName::equals).isPresent());
        audit("rally home, a long rally name");
        UiFixture.fxRun(() -> app.window().go().editRally());
        audit("rally setup, a long rally name");

        assertThat(problems).as("cut or outside the window").isEmpty();
    }

    /** A rally whose name is as long as names go (well, nearly: 90 of 100 characters), with one section. */
    private Path longNamedRally() {
        Path file = folder.resolve("long-name.rallylab");
        UiFixture.fxRun(() -> {
            try (RallySession session = RallySession.create(file, Clock.systemUTC())) {
                session.execute(new Command.CreateRally("5b0c7c1e-2f4a-4d7e-9a55-0e6f7d8c9b10",
                        "The 1st Anytown Scouting Family Pinewood Derby, Kub Kar Rally and Scout Truck Rally 2026",
                        "2026-04-11", "organizer@example.org"));
                session.execute(new Command.CreateSection("s-1", "Kub Kars of the 1st Anytown Scouting Family",
                        "organizer@example.org"));
            } catch (RallyFileException e) {
                throw new IllegalStateException(e);
            }
        });
        return file;
    }

    /** Shows the window at each laptop size and notes what is cut on {@code screen}. */
    private void audit(String screen) {
        audit(screen, null);
    }

    /** {@link #audit(String)}, and in a screenshot run docs/screenshots/{@code shot}-WIDTHxHEIGHT.png. */
    private void audit(String screen, String shot) {
        for (double[] size : SIZES) {
            UiFixture.fxRun(() -> {
                stage.setMaximized(false);
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            WaitForAsyncUtils.waitForFxEvents();
            Await.until("the window at " + (int) size[0] + "x" + (int) size[1], () -> UiFixture.fx(() ->
                    stage.getScene().getWidth() == size[0] && stage.getScene().getHeight() == size[1]));
            WaitForAsyncUtils.waitForFxEvents();
            String where = screen + " at " + (int) size[0] + "x" + (int) size[1] + ": ";
            UiFixture.fx(() -> CutText.problems(stage.getScene())).forEach(p -> problems.add(where + p));
            if (shot != null) {
                Screenshots.take(stage, shot + "-" + (int) size[0] + "x" + (int) size[1]);
            }
        }
    }

    /** Every car of the staged heat a time: the first lane {@code firstMs}, the others 2.6 s and more. */
    private Map<Integer, Long> times(long firstMs) {
        Heat heat = UiFixture.fx(() -> day().session().activeSection().flatMap(SectionState::heatOnTrack)
                .orElseThrow());
        Map<Integer, Long> times = new HashMap<>();
        long next = firstMs;
        for (LaneAssignment lane : heat.lanes()) {
            times.put(lane.lane(), next);
            next = Math.max(next, 2600) + 100;
        }
        return times;
    }

    private void awaitPhase(LoopState.Phase phase) {
        Await.until("the race loop at " + phase, () -> UiFixture.fx(() -> day().loop().current().phase()) == phase);
        WaitForAsyncUtils.waitForFxEvents(); // the window hears the loop on the JavaFX thread
    }

    private RaceDay day() {
        return app.window().day();
    }

    private SectionState section(String name) {
        return UiFixture.fx(() -> day().session().state().findSection(name).orElseThrow());
    }
}
