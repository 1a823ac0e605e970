package org.rallylab.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.app.demo.DemoSetup;
import org.rallylab.app.settings.OpenRallyMarker;
import org.rallylab.app.settings.RecentRallies;
import org.rallylab.app.ui.start.StartScreen;
import org.rallylab.domain.testing.Await;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The app started with no rally: the start screen, the demo with adjusted counts, closing, recent rallies, help. */
class StartScreenTest {

    @TempDir
    Path folder;

    private RallyLabApp app;
    private Stage stage;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void launch() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        RallyLabApp.prepare(AppOptions.plain(folder));
        app = (RallyLabApp) FxToolkit.setupApplication(RallyLabApp::new);
        robot.targetWindow(stage);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
    }

    @Test
    void demo_with_adjusted_counts_then_close_and_reopen_from_recent_rallies() {
        assertThat(UiFixture.fx(() -> app.window().openDay().isPresent())).isFalse();
        assertThat(robot.lookup("#new-rally").tryQuery()).isPresent();
        assertThat(robot.lookup("#open-rally").tryQuery()).isPresent();
        Screenshots.take(stage, "operator-start");

        setCount("#demo-beavers", 5);
        setCount("#demo-kubs", 7);
        setCount("#demo-scouts", 3);
        robot.clickOn("#start-demo");
        Await.until("a rally open", () -> UiFixture.fx(() -> app.window().openDay().isPresent()));
        var state = UiFixture.fx(() -> app.window().day().session().state());
        assertThat(state.findSection(DemoSetup.BEAVER_BUGGIES).orElseThrow().roster()).hasSize(5);
        assertThat(state.findSection(DemoSetup.KUB_KARS).orElseThrow().roster()).hasSize(7);
        assertThat(state.findSection(DemoSetup.SCOUT_TRUCKS).orElseThrow().roster()).hasSize(3);
        Path demo = UiFixture.fx(() -> app.window().day().session().path());
        assertThat(demo.getParent()).isEqualTo(folder);
        assertThat(UiFixture.fx(() -> app.window().day().track()).isPresent()).as("the simulated track").isTrue();
        assertThat(new OpenRallyMarker(folder).leftOpen()).map(OpenRallyMarker.Open::path)
                .contains(demo.toAbsolutePath());
        Screenshots.take(stage, "operator-window-home");

        robot.push(KeyCode.F1);
        Window help = awaitWindow("RallyLab – help");
        assertThat(robot.lookup("#help").tryQuery()).isPresent();
        robot.targetWindow(help).push(KeyCode.ESCAPE);
        Await.until("help closed", () -> !UiFixture.fx(help::isShowing));

        robot.targetWindow(stage).clickOn("#top-close");
        Await.until("the rally closed", () -> UiFixture.fx(() -> app.window().openDay().isEmpty()));
        assertThat(new OpenRallyMarker(folder).leftOpen()).as("closed properly: no marker").isEmpty();
        assertThat(new RecentRallies(folder, Clock.systemUTC()).list()).extracting(RecentRallies.Entry::path)
                .containsExactly(demo.toAbsolutePath());
        ListView<?> recent = robot.lookup("#recent-rallies").queryAs(ListView.class);
        assertThat(UiFixture.fx(() -> recent.getItems().size())).isEqualTo(1);
        robot.clickOn("#recent-rallies").push(KeyCode.ENTER);
        Await.until("a rally open", () -> UiFixture.fx(() -> app.window().openDay().isPresent()));
        assertThat(UiFixture.fx(() -> app.window().day().session().path())).isEqualTo(demo);
    }

    @Test
    void a_file_that_is_not_a_rally_is_refused_with_its_reason_and_left_untouched() throws Exception {
        Path junk = Files.writeString(folder.resolve("notes.rallylab"), "shopping list: glue, wheels");
        byte[] before = Files.readAllBytes(junk);
        // open it the way "Open rally file…" does once the operator picked it
        UiFixture.fxRun(() -> startScreenActions().open(junk));
        assertThat(UiFixture.fx(() -> app.window().openDay().isPresent())).isFalse();
        assertThat(UiFixture.fx(() -> app.window().noticeText())).contains("notes.rallylab");
        assertThat(Files.readAllBytes(junk)).isEqualTo(before);
    }

    /**
     * Issue 11: a rally file whose hash chain shows it was changed after it was written is refused
     * for racing with the event that does not match, and offered read-only; nothing is changed.
     */
    @Test
    void a_rally_file_changed_after_it_was_written_is_refused_and_offered_read_only() throws Exception {
        Path file = folder.resolve("changed.rallylab");
        try (var session = org.rallylab.app.race.RallySession.create(file, Clock.systemUTC())) {
            session.execute(new org.rallylab.domain.command.Command.CreateRally("8d4c5a2e-0d6b-4c55-9a0e-6f1d2b3c4d5e",
                    "Spring Rally", "2026-04-11", "organizer@example.org"));
            session.execute(new org.rallylab.domain.command.Command.CreateSection("s-1", "Kub Kars",
                    "organizer@example.org"));
        }
        try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file); var s = db.createStatement()) {
            s.execute("DROP TRIGGER events_append_only_update");
            s.execute("UPDATE events SET payload = replace(payload, 'Kub Kars', 'Cub Cars') WHERE sequence = 2");
            s.execute("CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events"
                    + " BEGIN SELECT RAISE(ABORT, 'events are append-only: a stored event is never changed'); END");
        }
        byte[] before = Files.readAllBytes(file);

        javafx.application.Platform.runLater(() -> startScreenActions().open(file));
        Window offer = awaitWindow("This rally file cannot be raced on");

        assertThat(UiFixture.fx(() -> app.window().openDay().isPresent())).isFalse();
        assertThat(UiFixture.fx(() -> app.window().noticeText())).contains("changed.rallylab was changed after it was"
                + " written: event 2 (SectionCreated) does not match the hash chain");
        robot.targetWindow(offer).clickOn("#confirm-action");
        Window inspection = awaitWindow("RallyLab – changed.rallylab (read-only)");
        robot.targetWindow(inspection);
        assertThat(robot.lookup("#inspection-banner").queryLabeled().getText())
                .startsWith("Read-only: event 2 (SectionCreated) does not match the hash chain");
        assertThat(robot.lookup("#event-count").queryLabeled().getText()).isEqualTo("2 events");
        Screenshots.take(inspection, "inspection-read-only");
        UiFixture.fxRun(() -> ((Stage) inspection).close());
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Files.list(folder).map(p -> p.getFileName().toString()).filter(n -> n.startsWith("changed")))
                .containsExactly("changed.rallylab");
    }

    /**
     * Issue 12: a rally file open for racing elsewhere is refused with "…close it there, or open this
     * file read-only", and the notice offers that as a button, which opens it read-only beside its
     * writer; the writer goes on recording.
     */
    @Test
    void open_fileRacingElsewhere_offersReadOnlyBesideItsWriter() throws Exception {
        Path file = folder.resolve("busy.rallylab");
        var writer = UiFixture.fx(() -> org.rallylab.app.race.RallySession.create(file, Clock.systemUTC()));
        try {
            UiFixture.fxRun(() -> writer.execute(new org.rallylab.domain.command.Command.CreateRally(
                    "8d4c5a2e-0d6b-4c55-9a0e-6f1d2b3c4d5e", "Spring Rally", "2026-04-11", "organizer@example.org")));

            UiFixture.fxRun(() -> startScreenActions().open(file));

            assertThat(UiFixture.fx(() -> app.window().openDay().isPresent())).isFalse();
            assertThat(UiFixture.fx(() -> app.window().noticeText())).contains("busy.rallylab is open for racing")
                    .contains("close it there, or open this file read-only");
            var offer = robot.lookup("#notice-action").queryButton();
            assertThat(UiFixture.fx(offer::isVisible)).isTrue();
            assertThat(UiFixture.fx(offer::getText)).isEqualTo("Open read-only");
            Screenshots.take(stage, "operator-locked-file-offer");
            robot.clickOn("#notice-action");

            Window inspection = awaitWindow("RallyLab – busy.rallylab (read-only)");
            assertThat(robot.targetWindow(inspection).lookup("#event-count").queryLabeled().getText())
                    .isEqualTo("1 events");
            assertThat(UiFixture.fx(() -> app.window().noticeText())).as("done: the offer went").isEmpty();
            var added = UiFixture.fx(() -> writer.execute(new org.rallylab.domain.command.Command.CreateSection(
                    "s-1", "Kub Kars", "organizer@example.org")));
            assertThat(added).as("the writer still records beside the reader")
                    .isInstanceOf(org.rallylab.domain.command.Decision.Accepted.class);
            UiFixture.fxRun(() -> ((Stage) inspection).close());
        } finally {
            UiFixture.fxRun(() -> {
                try {
                    writer.close();
                } catch (org.rallylab.store.RallyFileException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    private StartScreen.Actions startScreenActions() {
        return app.startActions();
    }

    private void setCount(String query, int value) {
        Spinner<?> spinner = robot.lookup(query).queryAs(Spinner.class);
        robot.clickOn(spinner.getEditor());
        UiFixture.fxRun(spinner.getEditor()::selectAll);
        robot.write(String.valueOf(value)).push(KeyCode.ENTER);
        assertThat(UiFixture.fx(spinner::getValue)).isEqualTo(value);
    }

    private Window awaitWindow(String title) {
        return Await.value("the window \"" + title + "\"", () -> UiFixture.fx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && title.equals(s.getTitle()) && s.isShowing()).findFirst()));
    }
}
