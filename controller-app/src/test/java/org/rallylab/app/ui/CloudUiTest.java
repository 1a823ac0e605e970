package org.rallylab.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.app.demo.DemoSetup;
import org.rallylab.app.race.RallySession;
import org.rallylab.app.settings.CloudSettings;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.SectionState;
import org.rallylab.domain.testing.Await;
import org.rallylab.store.RallyFile;
import org.rallylab.store.StoredEvent;
import org.rallylab.sync.client.CloudClient;
import org.rallylab.sync.client.CloudConfig;
import org.rallylab.sync.client.CloudSession;
import org.rallylab.sync.pg.PgFixture;
import org.rallylab.sync.standin.Session;
import org.rallylab.sync.standin.StandIn;
import org.rallylab.sync.worker.PushWorker;
import org.rallylab.sync.worker.SessionHolder;
import org.rallylab.sync.worker.SyncStatus;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The cloud in the app, end to end on the stand-in over real PostgreSQL: settings, sign-in with the
 * mailed code, the demo rally copied to the server as it changes, the badge, sign-out, a stranger
 * refused with the server's message, and restore into a new file.
 */
class CloudUiTest {

    private static final String ORGANIZER = "organizer@example.org";

    @TempDir
    Path folder;

    private PgFixture pg;
    private StandIn server;
    private RallyLabApp app;
    private Stage stage;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void startServer() {
        pg = PgFixture.freshDatabase();
        server = StandIn.start(pg, "anon-ui-key");
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        server.close();
    }

    @Test
    void cloud_setUpSignInSyncTheDemoSignOutThenAStranger_syncsAndTheStrangerIsRefusedWithTheServersMessage()
            throws Exception {
        launch();
        assertThat(badge()).isEqualTo("Cloud: not set up");

        menu("#cloud-menu-settings");
        awaitWindow("Cloud settings");
        robot.clickOn("#cloud-url").write(server.url());
        robot.clickOn("#cloud-anon-key").write("has space");
        robot.clickOn("#cloud-save");
        assertThat(text("#cloud-error")).contains("anon key contains spaces");
        UiFixture.fxRun(() -> robot.lookup("#cloud-anon-key").queryTextInputControl().clear());
        robot.clickOn("#cloud-anon-key").write(server.anonKey()).push(KeyCode.ENTER);
        awaitClosed("Cloud settings");
        assertThat(Files.readString(folder.resolve(CloudSettings.FILE_NAME))).contains(server.url())
                .contains(server.anonKey());
        assertThat(badge()).isEqualTo("Cloud: signed out");

        signIn(ORGANIZER, true);
        assertThat(badge()).isEqualTo("Cloud: signed in");
        Path sessionFile = folder.resolve(CloudSettings.SESSION_FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sessionFile))).isEqualTo("rw-------");
        CloudSession organizer = new CloudSettings(folder).tokens().load().orElseThrow();

        // the demo rally stays on this laptop until the organizer puts it in the cloud; then all of it
        // goes up, RallyCreated by the organizer
        robot.clickOn("#start-demo");
        Await.until("the demo rally open", () -> UiFixture.fx(() -> app.window().openDay().isPresent()));
        Path file = UiFixture.fx(() -> app.window().day().session().path());
        String rallyId = UiFixture.fx(() -> app.window().day().session().rallyFile().orElseThrow().rallyId()
                .orElseThrow());
        awaitBadge("Cloud: this laptop only");
        // the rally is attached (the badge says so) and only a copying worker writes to the server: none runs
        assertThat(UiFixture.fx(() -> app.window().cloud().orElseThrow().cloud().view().get().status()))
                .as("no copy to the cloud started before the organizer asks").isEmpty();
        assertThat(serverRows(rallyId)).as("nothing is copied before the organizer asks").isEmpty();
        menu("#cloud-menu-put");
        assertThat(UiFixture.fx(() -> app.window().noticeText())).contains("being copied to the cloud");
        awaitBadge("Cloud: synced");
        assertServerHoldsEveryLocalEvent(file, rallyId);
        assertThat(createdByOfRallyCreated(rallyId)).isEqualTo(organizer.userId());

        // checking a car in is copied (the worker is woken by the command; PushWorkerTest shows a wake pushes at once)
        SectionState kubs = checkInOneCar();
        Await.until("the check-in copied to the cloud", () -> serverRows(rallyId).size() == localEvents(file).size());
        awaitBadge("Cloud: synced");
        assertServerHoldsEveryLocalEvent(file, rallyId);
        Screenshots.take(stage, "operator-cloud-badge");
        assertThat(serverRows(rallyId).get(serverRows(rallyId).size() - 1)).startsWith("CarArrived");
        assertNoTokenShown(organizer);
        menu("#cloud-menu-copy-id");
        assertThat(UiFixture.fx(() -> app.window().noticeText())).contains("This rally's id is " + rallyId);

        menu("#cloud-menu-sign-out");
        awaitBadge("Cloud: signed out");
        assertThat(sessionFile).doesNotExist();
        assertNoTokenShown(organizer);

        // somebody without a role in this rally signs in on the same laptop: the server refuses, the badge says why
        signIn("stranger@example.org", false);
        awaitBadge("Cloud: synced");
        int before = localEvents(file).size();
        checkInOneCar();
        Await.until("the badge showing an error", this::badge, b -> b.startsWith("Cloud: error – "));
        assertThat(badge()).contains("The server refused this").contains("Ask the rally's organizer to check your role");
        assertThat(localEvents(file)).hasSize(before + 1);
        assertThat(serverRows(rallyId)).hasSize(before);
        CloudSession stranger = new CloudSettings(folder).tokens().load().orElseThrow();
        assertNoTokenShown(stranger);
        assertThat(kubs).isNotNull();
    }

    @Test
    void restoreFromTheCloud_rallyRacedOnAnotherLaptop_opensInANewFileWhereItStopped() throws Exception {
        // a rally raced on another laptop and copied to the cloud
        Session signedIn = server.signIn(ORGANIZER);
        CloudSession organizer = new CloudSession(signedIn.accessToken(), signedIn.refreshToken(),
                signedIn.expiresAt(), signedIn.userId().toString(), signedIn.email());
        CloudConfig config = new CloudConfig(server.url(), server.anonKey());
        Path other = Files.createDirectories(folder.resolve("other-laptop")).resolve("spring.rallylab");
        RallySession raced = DemoSetup.create(other, Clock.systemUTC(), 7, UiFixture.SMALL);
        SectionState kubs = raced.state().findSection(DemoSetup.KUB_KARS).orElseThrow();
        for (var car : kubs.roster()) {
            accept(raced, new Command.MarkArrived(kubs.sectionId(), car.carNumber()));
        }
        accept(raced, new Command.StartSection(kubs.sectionId(), DemoSetup.lanesFor(DemoSetup.KUB_KARS, 6)));
        RallyState original = raced.state();
        String rallyId = raced.rallyFile().orElseThrow().rallyId().orElseThrow();
        PushWorker worker = PushWorker.start(raced.rallyFile().orElseThrow(), new CloudClient(config),
                SessionHolder.inMemory(organizer, s -> { }));
        Await.until("the other laptop's rally in the cloud", worker::status, s -> s instanceof SyncStatus.Synced);
        worker.close();
        raced.close();

        // this laptop: set up and signed in, nothing else
        CloudSettings settings = new CloudSettings(folder);
        settings.save(config);
        settings.tokens().save(organizer);
        launch();
        assertThat(badge()).isEqualTo("Cloud: signed in");
        robot.clickOn("#restore-from-cloud");
        awaitWindow("Restore from the cloud");
        javafx.scene.control.ComboBox<?> rallies = robot.lookup("#restore-rally")
                .queryAs(javafx.scene.control.ComboBox.class);
        Await.until("one rally listed from the cloud", () -> UiFixture.fx(() -> rallies.getItems().size()) == 1);
        assertThat(UiFixture.fx(() -> ((org.rallylab.sync.client.CloudRally) rallies.getValue()).rallyId()))
                .as("the organizer's one rally, listed from the cloud and chosen").isEqualTo(rallyId);
        assertThat(UiFixture.fx(() -> rallies.getConverter().toString(cast(rallies.getValue()))))
                .startsWith(DemoSetup.RALLY_NAME);
        Screenshots.take(window("Restore from the cloud"), "operator-cloud-restore");
        robot.clickOn("#restore-go");
        Await.until("the restored rally open", () -> UiFixture.fx(() -> app.window().openDay().isPresent()));
        Path restored = UiFixture.fx(() -> app.window().day().session().path());
        assertThat(restored).isEqualTo(folder.resolve("restored-rally.rallylab"));
        assertThat(UiFixture.fx(() -> app.window().day().session().state())).isEqualTo(original);
        assertThat(UiFixture.fx(() -> app.window().currentScreen().title())).contains(DemoSetup.KUB_KARS);
        assertThat(UiFixture.fx(() -> app.window().noticeText())).contains("Restored " + DemoSetup.RALLY_NAME);
        awaitBadge("Cloud: synced");
        assertThat(serverRows(rallyId)).hasSize(localEvents(restored).size());
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    // ---- steps ---------------------------------------------------------------------------------

    private void launch() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        RallyLabApp.prepare(AppOptions.plain(folder));
        app = (RallyLabApp) FxToolkit.setupApplication(RallyLabApp::new);
        robot.targetWindow(stage);
    }

    private void signIn(String email, boolean screenshot) {
        menu("#cloud-menu-sign-in");
        awaitWindow("Sign in to the cloud");
        robot.clickOn("#cloud-email").write(email).push(KeyCode.ENTER);
        Await.until("the code field enabled",
                () -> !UiFixture.fx(() -> robot.lookup("#cloud-code").query().isDisabled()));
        robot.clickOn("#cloud-code").write("000000").push(KeyCode.ENTER);
        Await.until("the wrong code refused", () -> !text("#cloud-error").isEmpty());
        assertThat(text("#cloud-error")).contains("code");
        UiFixture.fxRun(() -> robot.lookup("#cloud-code").queryTextInputControl().clear());
        robot.clickOn("#cloud-code").write(server.lastCodeFor(email));
        if (screenshot) {
            Screenshots.take(window("Sign in to the cloud"), "operator-cloud-sign-in");
        }
        robot.clickOn("#cloud-sign-in");
        awaitClosed("Sign in to the cloud");
        robot.targetWindow(stage);
        assertThat(UiFixture.fx(() -> app.window().noticeText())).contains("Signed in to the cloud as " + email);
    }

    /** Opens the Cloud menu (the badge's arrow) and picks the item with this id. */
    private void menu(String itemId) {
        var menuButton = robot.lookup("#cloud-badge").queryAs(SplitMenuButton.class);
        UiFixture.fxRun(menuButton::show); // the badge's arrow
        WaitForAsyncUtils.waitForFxEvents();
        var item = UiFixture.fx(() -> menuButton.getItems().stream().filter(i -> itemId.equals("#" + i.getId()))
                .findFirst().orElseThrow());
        robot.clickOn(UiFixture.fx(item::getText));
    }

    private SectionState checkInOneCar() {
        return UiFixture.fx(() -> {
            RallySession session = app.window().day().session();
            SectionState kubs = session.state().findSection(DemoSetup.KUB_KARS).orElseThrow();
            String car = kubs.roster().stream().map(r -> r.carNumber()).filter(c -> !kubs.hasArrived(c))
                    .findFirst().orElseThrow();
            Decision d = session.execute(new Command.MarkArrived(kubs.sectionId(), car));
            assertThat(d).isInstanceOf(Decision.Accepted.class);
            return kubs;
        });
    }

    private static void accept(RallySession session, Command command) {
        assertThat(session.execute(command)).isInstanceOf(Decision.Accepted.class);
    }

    // ---- checks --------------------------------------------------------------------------------

    private void assertServerHoldsEveryLocalEvent(Path file, String rallyId) throws Exception {
        List<String> local = new ArrayList<>();
        for (StoredEvent e : localEvents(file)) {
            local.add(e.event().type() + " #" + e.sequence());
        }
        assertThat(serverRows(rallyId)).containsExactlyElementsOf(local);
    }

    private void assertNoTokenShown(CloudSession session) {
        String shown = UiFixture.fx(() -> app.window().noticeText() + " " + badge() + " "
                + robot.lookup("#cloud-badge").queryAs(SplitMenuButton.class).getTooltip().getText());
        assertThat(shown).doesNotContain(session.accessToken()).doesNotContain(session.refreshToken());
        assertThat(folder.resolve(CloudSettings.FILE_NAME)).satisfies(p -> assertThat(Files.readString(p))
                .doesNotContain(session.accessToken()).doesNotContain(session.refreshToken()));
    }

    private static List<StoredEvent> localEvents(Path file) {
        List<StoredEvent> events = new ArrayList<>();
        try (RallyFile reader = RallyFile.openReadOnly(file)) {
            reader.replay(events::add);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return events;
    }

    /** "Type #client_event_id" of every row of the rally on the server, in local order. */
    private List<String> serverRows(String rallyId) {
        try (Connection c = pg.admin().getConnection(); PreparedStatement p = c.prepareStatement(
                "select event_type, client_event_id from domain_events where rally_id = ?::uuid"
                        + " order by client_event_id")) {
            p.setString(1, rallyId);
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " #" + (rs.getLong(2) & 0xFFFF_FFFFL)); // the low bits: the sequence
                }
            }
            return rows;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String createdByOfRallyCreated(String rallyId) throws Exception {
        try (Connection c = pg.admin().getConnection(); PreparedStatement p = c.prepareStatement(
                "select created_by from domain_events where rally_id = ?::uuid and event_type = 'RallyCreated'")) {
            p.setString(1, rallyId);
            try (ResultSet rs = p.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private String badge() {
        return UiFixture.fx(() -> robot.lookup("#cloud-badge").queryAs(SplitMenuButton.class).getText());
    }

    private String text(String query) {
        return UiFixture.fx(() -> robot.lookup(query).queryLabeled().isVisible()
                ? robot.lookup(query).queryLabeled().getText() : "");
    }

    private Window window(String title) {
        return UiFixture.fx(() -> Window.getWindows().stream().filter(w -> w instanceof Stage s
                && title.equals(s.getTitle()) && s.isShowing()).findFirst().orElseThrow());
    }

    private void awaitWindow(String title) {
        Await.until("the window \"" + title + "\"", () -> UiFixture.fx(() -> Window.getWindows().stream()
                .anyMatch(w -> w instanceof Stage s && title.equals(s.getTitle()) && s.isShowing())));
        robot.targetWindow(window(title));
    }

    private void awaitClosed(String title) {
        Await.until("the window \"" + title + "\" closed", () -> UiFixture.fx(() -> Window.getWindows().stream()
                .noneMatch(w -> w instanceof Stage s && title.equals(s.getTitle()) && s.isShowing())));
        robot.targetWindow(stage);
    }

    private void awaitBadge(String text) {
        Await.until("the badge \"" + text + "\"", this::badge, text::equals);
    }
}
