package org.rallylab.app.ui.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.app.race.AudienceMessage;
import org.rallylab.app.race.FakeTrack;
import org.rallylab.app.ui.Screenshots;
import org.rallylab.app.ui.UiFixture;
import org.rallylab.domain.command.Command;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class SectionCompleteScreenTest {

    @TempDir
    Path folder;
    private Stage stage;
    private ConsoleRally rally;
    private SectionCompleteScreen screen;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        if (screen != null) {
            UiFixture.fxRun(screen::dispose);
        }
        if (rally != null) {
            rally.close();
        }
    }

    /** Kub Kars raced for three heats on the track, then ended early; the screen shown. */
    private void completed() {
        rally = ConsoleRally.started(folder, new FakeTrack(6), stage);
        rally.connect();
        for (int heat = 1; heat <= 3; heat++) {
            if (heat > 1) {
                ConsoleRally.accept(UiFixture.fx(() -> rally.fixture.day.loop().nextHeat()));
            }
            rally.finish();
        }
        UiFixture.fxRun(() -> ConsoleRally.accept(rally.fixture.day.session()
                .execute(new Command.EndSectionEarly(rally.sectionId))));
        try { // the audience shows the last results and the leaderboard first
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> rally.fixture.audience.stream()
                    .anyMatch(m -> m instanceof AudienceMessage.SectionComplete));
        } catch (TimeoutException e) {
            throw new AssertionError("the audience never showed the final standings", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        screen = UiFixture.fx(() -> new SectionCompleteScreen(rally.fixture.context, rally.sectionId));
        ConsoleRally.show(stage, screen);
    }

    private AudienceMessage.SectionComplete lastReveal() {
        return rally.fixture.audience.stream().filter(m -> m instanceof AudienceMessage.SectionComplete)
                .map(m -> (AudienceMessage.SectionComplete) m).reduce((a, b) -> b).orElseThrow();
    }

    private String revealed(FxRobot robot) {
        return UiFixture.fx(() -> robot.lookup("#revealed-count").queryAs(Label.class).getText());
    }

    @Test
    void sectionComplete_endedEarly_showsFinalStandingsAndSaysSo(FxRobot robot) {
        completed();
        List<String> table = ConsoleRally.texts(robot.lookup("#final-standings").query());
        assertThat(table).contains("Rank", "Average", "Best", "Heats", "1");
        assertThat(ConsoleRally.texts(robot.lookup("#ended-early").query()).get(0)).startsWith("Ended early after 3 of");
        assertThat(UiFixture.fx(screen::title)).isEqualTo("Kub Kars: final standings");
    }

    @Test
    void revealNextPlace_pressed_showsOneMorePlaceOnTheAudienceScreen(FxRobot robot) {
        completed();
        AudienceMessage.SectionComplete first = lastReveal();
        assertThat(first.fullyRevealed()).isFalse();
        assertThat(revealed(robot)).isEqualTo(first.revealed() + " of " + first.standings().size() + " places");

        robot.clickOn("#reveal-next");
        WaitForAsyncUtils.waitForFxEvents();

        AudienceMessage.SectionComplete next = lastReveal();
        assertThat(next.revealed()).isGreaterThan(first.revealed());
        assertThat(revealed(robot)).isEqualTo(next.revealed() + " of " + next.standings().size() + " places");
        Screenshots.take(stage, "operator-section-complete");

        robot.push(KeyCode.CONTROL, KeyCode.N); // the shortcut reveals too
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lastReveal().revealed()).isGreaterThan(next.revealed());

        robot.clickOn("#reveal-all");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lastReveal().fullyRevealed()).isTrue();
        assertThat(UiFixture.fx(() -> robot.lookup("#reveal-next").queryButton().isDisabled())).isTrue();
    }

    @Test
    void nextSection_pressed_showsTheWelcomeAndGoesToCheckInOfASectionStillToRace(FxRobot robot) {
        completed();
        String scoutTrucks = rally.fixture.section("Scout Trucks").sectionId();

        robot.clickOn("#next-section");

        assertThat(rally.fixture.audience).last().isInstanceOf(AudienceMessage.Welcome.class);
        assertThat(rally.fixture.context.visits).containsExactly("checkIn:" + scoutTrucks);
    }

    @Test
    void backToRallyHome_pressed_goesHome(FxRobot robot) {
        completed();
        robot.clickOn("#back-home");
        assertThat(rally.fixture.context.visits).containsExactly("home");
    }
}
