package org.rallylab.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.domain.testing.Await;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.Extras;
import org.rallylab.domain.event.OperatorInvited;
import org.rallylab.domain.event.RoleRevoked;
import org.rallylab.store.RallyFile;
import org.rallylab.sync.client.CloudClient;
import org.rallylab.sync.client.CloudConfig;
import org.rallylab.sync.client.CloudSession;
import org.rallylab.sync.pg.PgFixture;
import org.rallylab.sync.standin.Session;
import org.rallylab.sync.standin.StandIn;
import org.rallylab.sync.worker.PushWorker;
import org.rallylab.sync.worker.SessionHolder;
import org.rallylab.sync.worker.SyncStatus;

/**
 * What goes wrong in real life, end to end on the stand-in and real PostgreSQL: a token that
 * expires mid-sync, a role taken away, a captive portal answering HTML. The operator sees a clear
 * status, and the local rally file keeps every event.
 */
class SyncTroubleTest {

    @TempDir
    Path folder;

    private PgFixture pg;
    private StandIn server;
    private CloudClient client;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void start() {
        pg = PgFixture.freshDatabase();
        server = StandIn.start(pg, "anon-test-key");
        client = new CloudClient(new CloudConfig(server.url(), server.anonKey()));
    }

    @AfterEach
    void stop() throws Exception {
        thread.shutdownNow();
        server.close();
    }

    @Test
    void push_tokenExpiredMidSync_refreshedOnceAndThePushCompletes() throws Exception {
        RacedRally rally = RacedRally.raced(1_200, "organizer@example.org");
        Session signedIn = server.signIn("organizer@example.org");
        CloudSession expired = Sessions.of(new Session(server.accessTokenExpiringAt(signedIn,
                Instant.now().minusSeconds(5)), signedIn.refreshToken(), Instant.now().plusSeconds(3600),
                signedIn.userId(), signedIn.email()));
        try (RallyFile file = RallyFile.openForWriting(rally.write(folder.resolve("r.rallylab")))) {
            PushWorker worker = worker(file, expired);
            worker.start();
            Await.until("synced", worker::status, s -> s instanceof SyncStatus.Synced);
            assertThat(file.sync().syncCursor(worker.target())).isEqualTo(file.lastSequence());
            worker.close();
        }
    }

    @Test
    void push_operatorRevoked_stoppedWithTheServersReasonAndKeepsEveryEventLocally() throws Exception {
        RacedRally rally = RacedRally.raced(100, "organizer@example.org");
        CloudSession organizer = Sessions.of(server.signIn("organizer@example.org"));
        Path organizerFile = rally.write(folder.resolve("organizer.rallylab"));
        try (RallyFile file = RallyFile.openForWriting(organizerFile)) {
            file.append(List.of(new OperatorInvited(System.currentTimeMillis(), rally.rallyId, "op@example.org",
                    "organizer@example.org", Extras.NONE)));
            PushWorker worker = worker(file, organizer);
            worker.start();
            Await.until("organizer synced", worker::status, s -> s instanceof SyncStatus.Synced);

            // the operator's laptop: a copy of the rally with one more event of its own
            CloudSession operator = Sessions.of(server.signIn("op@example.org"));
            Path operatorFile = rally.write(folder.resolve("operator.rallylab"));
            try (RallyFile op = RallyFile.openForWriting(operatorFile)) {
                op.sync().acknowledge(PushWorker.TARGET_PREFIX + server.url(), op.lastSequence()); // the server has these
                List<DomainEvent> revoke = List.of(new RoleRevoked(System.currentTimeMillis(), rally.rallyId, null,
                        "op@example.org", "operator", "organizer@example.org", Extras.NONE));
                file.append(revoke);
                worker.wake();
                long revoked = file.lastSequence();
                Await.until("revocation pushed", () -> worker.status() instanceof SyncStatus.Synced
                        && file.sync().syncCursor(worker.target()) == revoked);
                long before = op.lastSequence();
                op.append(rally.events().subList(rally.events().size() - 1, rally.events().size()));
                PushWorker opWorker = worker(op, operator);
                opWorker.start();
                Await.until("operator stopped", opWorker::status, s -> s instanceof SyncStatus.Error);
                assertThat(opWorker.status().message()).containsIgnoringCase("row-level security");
                assertThat(op.sync().syncCursor(opWorker.target())).isEqualTo(before);
                assertThat(op.lastSequence()).isEqualTo(before + 1);
                opWorker.close();
            }
            worker.close();
        }
    }

    @Test
    void push_captivePortalPage_stopsWithAClearMessageUntilRetry() throws Exception {
        RacedRally rally = RacedRally.raced(50, "organizer@example.org");
        try (RallyFile file = RallyFile.openForWriting(rally.write(folder.resolve("r.rallylab")))) {
            server.faults().answerHtmlNext(1, 200);
            PushWorker worker = worker(file, Sessions.of(server.signIn("organizer@example.org")));
            worker.start();
            Await.until("error", worker::status, s -> s instanceof SyncStatus.Error);
            assertThat(worker.status().message()).contains("web page");
            assertThat(file.sync().syncCursor(worker.target())).isZero();
            worker.retryNow();
            Await.until("synced after retry", worker::status, s -> s instanceof SyncStatus.Synced);
            assertThat(file.sync().syncCursor(worker.target())).isEqualTo(file.lastSequence());
            worker.close();
        }
    }

    private PushWorker worker(RallyFile file, CloudSession session) {
        return new PushWorker(file, client, SessionHolder.inMemory(session, s -> { }), Clock.systemUTC(), thread,
                new Random(3));
    }

}
