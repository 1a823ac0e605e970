package org.rallylab.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.domain.testing.Await;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.command.RaceRules;
import org.rallylab.domain.roster.RegisteredParticipant;
import org.rallylab.domain.state.RallyState;
import org.rallylab.store.RallyFile;
import org.rallylab.sync.client.CloudClient;
import org.rallylab.sync.client.CloudConfig;
import org.rallylab.sync.client.CloudSession;
import org.rallylab.sync.pg.PgFixture;
import org.rallylab.sync.restore.ServerRestore;
import org.rallylab.sync.standin.StandIn;
import org.rallylab.sync.worker.PullSink;
import org.rallylab.sync.worker.PushWorker;
import org.rallylab.sync.worker.SessionHolder;
import org.rallylab.sync.worker.SyncStatus;

/**
 * An organizer and a registrar write the same rally from two laptops, on the stand-in and real
 * PostgreSQL: the registrar restores the rally, submits the Kub Kars roster while the organizer
 * adds a participant to the same section (the same local sequence numbers on both laptops), both
 * push without a conflict, and each pulls the other's events: both files end with every event
 * once and the same roster, and nothing is pushed back. A registrar's edit of another section is
 * refused by the server and stays on their laptop.
 */
class TwoLaptopsTest {

    private static final String ORGANIZER = "organizer@example.org";
    private static final String REGISTRAR = "registrar@example.org";
    private static final String RALLY = UUID.randomUUID().toString();
    private static final String KUB_KARS = UUID.randomUUID().toString();
    private static final String BEAVERS = UUID.randomUUID().toString();

    @TempDir
    Path folder;

    private PgFixture pg;
    private StandIn server;
    private CloudClient client;
    private final RaceRules rules = new RaceRules();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void start() {
        pg = PgFixture.freshDatabase();
        server = StandIn.start(pg, "anon-test-key");
        client = new CloudClient(new CloudConfig(server.url(), server.anonKey()));
    }

    @AfterEach
    void stop() {
        thread.shutdownNow();
        server.close();
    }

    @Test
    void oneSection_organizerAndRegistrarWriteFromTwoLaptops_eachSeesTheOther() throws Exception {
        CloudSession organizer = Sessions.of(server.signIn(ORGANIZER));
        CloudSession registrar = Sessions.of(server.signIn(REGISTRAR));
        try (RallyFile home = RallyFile.create(folder.resolve("organizer.rallylab"))) {
            execute(home, new Command.CreateRally(RALLY, "Spring Rally", "2026-03-01", ORGANIZER));
            execute(home, new Command.CreateSection(KUB_KARS, "Kub Kars", ORGANIZER));
            execute(home, new Command.CreateSection(BEAVERS, "Beaver Buggies", ORGANIZER));
            execute(home, new Command.InviteRegistrar(KUB_KARS, REGISTRAR, ORGANIZER));
            PushWorker homeWorker = worker(home, organizer);
            homeWorker.start();
            awaitSynced(homeWorker, "the organizer's rally is in the cloud");

            Path registrarPath = folder.resolve("registrar.rallylab");
            ServerRestore.restore(client, registrar, RALLY, registrarPath);
            try (RallyFile laptop = RallyFile.openForWriting(registrarPath)) {
                assertThat(laptop.sync().countOwnAfter(0)).as("restored events are not the registrar's own").isZero();
                execute(laptop, new Command.ImportParticipants(KUB_KARS, List.of(
                        new Command.NewParticipant(UUID.randomUUID().toString(), "Ava", null, null),
                        new Command.NewParticipant(UUID.randomUUID().toString(), "Ben", null, null),
                        new Command.NewParticipant(UUID.randomUUID().toString(), "Cal", null, null)), Map.of()));
                // Meanwhile, on the organizer's laptop: one more Kub Kar, under the same local sequence
                // number as the registrar's first (both files hold 4 events before it).
                execute(home, new Command.AddParticipant(KUB_KARS, UUID.randomUUID().toString(), "Dee", "50", null));
                assertThat(home.lastSequence()).isEqualTo(5);

                PushWorker laptopWorker = worker(laptop, registrar);
                laptopWorker.start();
                homeWorker.pullNow();
                awaitSynced(laptopWorker, "the registrar's roster is pushed");
                Await.until("the organizer pulls the registrar's 3 participants", () -> home.lastSequence() == 8);
                laptopWorker.pullNow();
                Await.until("the registrar pulls the organizer's participant", () -> laptop.lastSequence() == 8);
                awaitSynced(homeWorker, "the organizer is synced");

                assertThat(serverRows()).as("every event once on the server, no key pushed twice")
                        .hasSize(8).doesNotHaveDuplicates();
                assertThat(names(home.rebuild())).containsExactlyInAnyOrder("Ava", "Ben", "Cal", "Dee");
                assertThat(registration(home.rebuild())).isEqualTo(registration(laptop.rebuild()));
                assertThat(home.sync().countOwnAfter(home.sync().syncCursor(homeWorker.target()))).isZero();
                assertThat(laptop.sync().countOwnAfter(laptop.sync().syncCursor(laptopWorker.target()))).isZero();

                // The registrar edits the Beaver Buggies (not theirs): the server refuses, nothing is lost.
                execute(laptop, new Command.AddParticipant(BEAVERS, UUID.randomUUID().toString(), "Eve", null, null));
                laptopWorker.wake();
                Await.until("the registrar's push is refused", laptopWorker::status,
                        s -> s instanceof SyncStatus.Error);
                assertThat(laptopWorker.status().message()).containsIgnoringCase("row-level security");
                assertThat(laptop.lastSequence()).isEqualTo(9);
                assertThat(serverRows()).hasSize(8);
                homeWorker.pullNow();
                // the workers share one thread: a task queued after the pull runs once the pull is done
                thread.submit(() -> { }).get(Await.timeout().toSeconds(), TimeUnit.SECONDS);
                assertThat(homeWorker.status()).as("the pull ran and found nothing").isEqualTo(new SyncStatus.Synced());
                assertThat(home.lastSequence()).isEqualTo(8);
                laptopWorker.close();
            }
            homeWorker.close();
        }
    }

    private void execute(RallyFile file, Command command) throws Exception {
        Decision decision = rules.decide(file.rebuild(), command, System.currentTimeMillis());
        assertThat(decision).as(command.toString()).isInstanceOf(Decision.Accepted.class);
        file.append(((Decision.Accepted) decision).events());
    }

    private PushWorker worker(RallyFile file, CloudSession session) {
        return new PushWorker(file, client, SessionHolder.inMemory(session, s -> { }), PullSink.into(file),
                Clock.systemUTC(), thread, new Random(5));
    }

    private static List<String> names(RallyState state) {
        return registration(state).stream().map(RegisteredParticipant::name).toList();
    }

    private static List<RegisteredParticipant> registration(RallyState state) {
        return state.section(KUB_KARS).orElseThrow().registration().participants().stream()
                .sorted(java.util.Comparator.comparing(RegisteredParticipant::participantId)).toList();
    }

    private List<Long> serverRows() throws Exception {
        List<Long> keys = new ArrayList<>();
        try (Connection c = pg.admin().getConnection();
             PreparedStatement p = c.prepareStatement("select client_event_id from domain_events where rally_id = ?"
                     + " order by id")) {
            p.setObject(1, UUID.fromString(RALLY));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getLong(1));
                }
            }
        }
        return keys;
    }

    private static void awaitSynced(PushWorker worker, String what) {
        Await.until(what, worker::status, s -> s instanceof SyncStatus.Synced);
    }
}
