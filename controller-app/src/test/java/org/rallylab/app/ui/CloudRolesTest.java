package org.rallylab.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitMenuButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.app.race.RallySession;
import org.rallylab.app.settings.CloudSettings;
import org.rallylab.app.ui.home.CheckInScreen;
import org.rallylab.app.ui.prerace.RallyEditor;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.state.SectionState;
import org.rallylab.domain.testing.Await;
import org.rallylab.store.RallyFile;
import org.rallylab.sync.client.CloudClient;
import org.rallylab.sync.client.CloudConfig;
import org.rallylab.sync.client.CloudSession;
import org.rallylab.sync.pg.PgFixture;
import org.rallylab.sync.standin.Session;
import org.rallylab.sync.standin.StandIn;
import org.rallylab.sync.worker.PullSink;
import org.rallylab.sync.worker.PushWorker;
import org.rallylab.sync.worker.SessionHolder;
import org.rallylab.sync.worker.SyncStatus;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Roles in the app, end to end on the stand-in over real PostgreSQL. The organizer's laptop puts a
 * rally in the cloud with a registrar for the Kub Kars and a check-in volunteer for the Beaver
 * Buggies. On another laptop the registrar restores it and gets Rally setup with the Kub Kars only,
 * adds a participant (which the organizer's laptop then pulls) and is refused the Beaver Buggies
 * and the race screens; the check-in volunteer gets only the Beaver Buggies' check-in.
 */
class CloudRolesTest {

    private static final String ORGANIZER = "organizer@example.org";
    private static final String REGISTRAR = "registrar@example.org";
    private static final String DOOR = "door@example.org";

    @TempDir
    Path folder;

    private PgFixture pg;
    private StandIn server;
    private CloudConfig config;
    private RallyLabApp app;
    private Stage stage;
    private final FxRobot robot = new FxRobot();
    private String kubKars;
    private String beavers;

    @BeforeEach
    void start() {
        pg = PgFixture.freshDatabase();
        server = StandIn.start(pg, "anon-roles-key");
        config = new CloudConfig(server.url(), server.anonKey());
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        server.close();
    }

    @Test
    void registrar_signedIn_seesAndChangesOnlyTheirSectionAndTheOrganizerPullsIt() throws Exception {
        try (RallySession organizer = organizersRally()) {
            RallyFile file = organizer.rallyFile().orElseThrow();
            PushWorker worker = putInTheCloud(file);

            launchSignedInAs(REGISTRAR);
            restoreTheRally("registrar");
            Await.until("the rally editor",
                    () -> UiFixture.fx(() -> app.window().currentScreen()) instanceof RallyEditor);
            assertThat(notice()).contains("Signed in as registrar@example.org, you are the registrar of Kub Kars");
            assertThat(UiFixture.fx(() -> robot.lookup("#top-role").queryLabeled().getText()))
                    .isEqualTo("registrar@example.org: registrar of Kub Kars");
            ListView<SectionState> sections = robot.lookup("#sections").queryListView();
            assertThat(UiFixture.fx(() -> sections.getItems().stream().map(SectionState::sectionName).toList()))
                    .containsExactly("Kub Kars");
            for (String organizerOnly : List.of("#add-section", "#rename-section", "#load-roster", "#people-button",
                    "#export-roster-package", "#done")) {
                assertThat(UiFixture.fx(() -> robot.lookup(organizerOnly).query().isVisible())).as(organizerOnly)
                        .isFalse();
            }
            Screenshots.take(stage, "operator-cloud-registrar");

            RallySession laptop = UiFixture.fx(() -> app.window().day().session());
            assertThat(UiFixture.fx(() -> laptop.execute(new Command.AddParticipant(kubKars,
                    UUID.randomUUID().toString(), "Zoe Registered", null, null)))).isInstanceOf(Decision.Accepted.class);
            Decision other = UiFixture.fx(() -> laptop.execute(new Command.AddParticipant(beavers,
                    UUID.randomUUID().toString(), "Not Mine", null, null)));
            assertThat(other.message()).contains("Beaver Buggies is not yours to change");
            UiFixture.fxRun(() -> app.window().go().console());
            assertThat(notice()).contains("that screen is for the organizer and operators");
            assertThat(UiFixture.fx(() -> app.window().currentScreen())).isInstanceOf(RallyEditor.class);
            awaitBadge("Cloud: synced");

            worker.pullNow();
            Await.until("the organizer pulls Zoe", () -> file.rebuild().section(kubKars).orElseThrow().registration()
                    .participants().stream().anyMatch(p -> p.name().equals("Zoe Registered")));
            assertThat(file.sync().countOwnAfter(file.sync().syncCursor(worker.target()))).as("pulled, not pushed back").isZero();
            worker.close();
        }
    }

    @Test
    void checkInVolunteer_signedIn_getsOnlyTheCheckInOfTheirSection() throws Exception {
        try (RallySession organizer = organizersRally()) {
            putInTheCloud(organizer.rallyFile().orElseThrow()).close();
        }

        launchSignedInAs(DOOR);
        restoreTheRally("volunteer");
        Await.until("the check-in screen",
                () -> UiFixture.fx(() -> app.window().currentScreen()) instanceof CheckInScreen);
        assertThat(UiFixture.fx(() -> app.window().currentScreen().title())).contains("Beaver Buggies");
        assertThat(UiFixture.fx(() -> robot.lookup("#top-role").queryLabeled().getText()))
                .isEqualTo("door@example.org: check-in volunteer of Beaver Buggies");
        for (String operatorOnly : List.of("#start-section", "#undo-check-in", "#home")) {
            assertThat(UiFixture.fx(() -> robot.lookup(operatorOnly).query().isVisible())).as(operatorOnly).isFalse();
        }
        Screenshots.take(stage, "operator-cloud-check-in-volunteer");
        RallySession laptop = UiFixture.fx(() -> app.window().day().session());
        SectionState bb = UiFixture.fx(() -> laptop.state().section(beavers).orElseThrow());
        String car = bb.roster().get(0).carNumber();
        assertThat(UiFixture.fx(() -> laptop.execute(new Command.MarkArrived(beavers, car))))
                .isInstanceOf(Decision.Accepted.class);
        awaitBadge("Cloud: synced");
        UiFixture.fxRun(() -> app.window().go().editRally());
        assertThat(notice()).contains("that screen is for the organizer and operators");
        assertThat(UiFixture.fx(() -> app.window().currentScreen())).isInstanceOf(CheckInScreen.class);
    }

    // ---- steps ---------------------------------------------------------------------------------

    /** A pre-race rally on the organizer's laptop: two sections, a registrar, a volunteer, one roster loaded. */
    private RallySession organizersRally() throws Exception {
        Path file = Files.createDirectories(folder.resolve("organizer-laptop")).resolve("spring.rallylab");
        RallySession s = RallySession.create(file, Clock.systemUTC());
        kubKars = UUID.randomUUID().toString();
        beavers = UUID.randomUUID().toString();
        accept(s, new Command.CreateRally(UUID.randomUUID().toString(), "Spring Rally", "2026-03-01", ORGANIZER));
        accept(s, new Command.CreateSection(kubKars, "Kub Kars", ORGANIZER));
        accept(s, new Command.CreateSection(beavers, "Beaver Buggies", ORGANIZER));
        accept(s, new Command.InviteRegistrar(kubKars, REGISTRAR, ORGANIZER));
        accept(s, new Command.InviteCheckInVolunteer(beavers, DOOR, ORGANIZER));
        for (String name : List.of("Ava", "Ben", "Cal")) {
            accept(s, new Command.AddParticipant(beavers, UUID.randomUUID().toString(), name, null, null));
        }
        accept(s, new Command.LoadRosterForRaceDay(beavers));
        return s;
    }

    /** The organizer's laptop puts the rally in the cloud; returns its worker (pushing and pulling), synced. */
    private PushWorker putInTheCloud(RallyFile file) throws Exception {
        file.sync().acknowledge(PushWorker.TARGET_PREFIX + server.url(), 0);
        PushWorker worker = PushWorker.start(file, new CloudClient(config),
                SessionHolder.inMemory(session(ORGANIZER), s -> { }), PullSink.into(file));
        Await.until("the organizer's rally in the cloud", worker::status, s -> s instanceof SyncStatus.Synced);
        return worker;
    }

    private CloudSession session(String email) {
        Session signedIn = server.signIn(email);
        return new CloudSession(signedIn.accessToken(), signedIn.refreshToken(), signedIn.expiresAt(),
                signedIn.userId().toString(), signedIn.email());
    }

    private void launchSignedInAs(String email) throws Exception {
        Path data = Files.createDirectories(folder.resolve(email));
        CloudSettings settings = new CloudSettings(data);
        settings.save(config);
        settings.tokens().save(session(email));
        stage = FxToolkit.registerPrimaryStage();
        RallyLabApp.prepare(AppOptions.plain(data));
        app = (RallyLabApp) FxToolkit.setupApplication(RallyLabApp::new);
        robot.targetWindow(stage);
    }

    private void restoreTheRally(String who) {
        robot.clickOn("#restore-from-cloud");
        Await.until("the restore window", () -> UiFixture.fx(() -> javafx.stage.Window.getWindows().stream()
                .anyMatch(w -> w instanceof Stage st && "Restore from the cloud".equals(st.getTitle())
                        && st.isShowing())));
        ComboBox<?> rallies = robot.lookup("#restore-rally").queryAs(ComboBox.class);
        Await.until("one rally listed from the cloud", () -> UiFixture.fx(() -> rallies.getItems().size()) == 1);
        robot.clickOn("#restore-go");
        Await.until("the restored rally open", () -> UiFixture.fx(() -> app.window().openDay().isPresent()));
        robot.targetWindow(stage);
        assertThat(who).isNotBlank();
    }

    private static void accept(RallySession session, Command command) {
        assertThat(session.execute(command)).as(command.toString()).isInstanceOf(Decision.Accepted.class);
    }

    private String notice() {
        return UiFixture.fx(() -> app.window().noticeText());
    }

    private String badge() {
        return UiFixture.fx(() -> robot.lookup("#cloud-badge").queryAs(SplitMenuButton.class).getText());
    }

    private void awaitBadge(String text) {
        Await.until("the badge \"" + text + "\"", this::badge, text::equals);
    }
}
