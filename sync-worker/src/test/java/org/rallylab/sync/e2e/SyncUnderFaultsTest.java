package org.rallylab.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.domain.testing.Await;
import org.rallylab.store.RallyFile;
import org.rallylab.store.StoredEvent;
import org.rallylab.sync.client.CloudClient;
import org.rallylab.sync.client.CloudConfig;
import org.rallylab.sync.client.EventRow;
import org.rallylab.sync.worker.PushWorker;
import org.rallylab.sync.worker.SessionHolder;
import org.rallylab.sync.pg.PgFixture;
import org.rallylab.sync.standin.StandIn;

/**
 * 5 000 events of a raced rally pushed by the real worker and client to the stand-in over real
 * PostgreSQL while it delays every request, answers 500s, loses responses after committing and
 * restarts: the server ends with exactly the local events, no gap, no duplicate, in order.
 */
class SyncUnderFaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void push_fiveThousandEventsThroughDelays500sLostResponsesAndARestart_arriveExactlyOnceInOrder()
            throws Exception {
        PgFixture pg = PgFixture.freshDatabase();
        try (StandIn server = StandIn.start(pg, "anon-test-key")) {
            String organizer = "organizer@example.org";
            RacedRally rally = RacedRally.raced(5_000, organizer);
            Path file = rally.write(folder.resolve("cloud.rallylab"));
            CloudClient client = new CloudClient(new CloudConfig(server.url(), server.anonKey()));
            ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
            try (RallyFile open = RallyFile.openForWriting(file)) {
                long last = open.lastSequence();
                assertThat(last).isGreaterThanOrEqualTo(5_000);
                PushWorker worker = new PushWorker(open, client,
                        SessionHolder.inMemory(Sessions.of(server.signIn(organizer)), s -> { }),
                        Clock.systemUTC(), thread, new Random(11));
                server.faults().delay(Duration.ofMillis(20));
                server.faults().failNext(2);
                worker.start();
                awaitCursor(open, worker, 1_000);
                server.faults().dropAfterCommitNext(1);
                awaitCursor(open, worker, 2_500);
                server.restart();
                server.faults().failNext(1);
                awaitCursor(open, worker, last);
                worker.close();

                List<StoredEvent> local = open.readAfter(0, Integer.MAX_VALUE);
                long writer = open.sync().writerId();
                List<Row> remote = rows(pg, rally.rallyId);
                assertThat(remote).extracting(Row::clientEventId)
                        .as("every local event once, in order of client_event_id, no gap")
                        .containsExactlyElementsOf(local.stream()
                                .map(e -> EventRow.clientEventId(writer, e.sequence())).toList());
                for (int i = 0; i < local.size(); i++) {
                    assertThat(remote.get(i).type()).isEqualTo(local.get(i).event().type());
                    ObjectNode payload = (ObjectNode) JSON.readTree(local.get(i).payloadJson());
                    payload.put("timestamp", local.get(i).timestamp()); // the row keeps the event's time
                    assertThat(remote.get(i).payload()).isEqualTo(payload);
                }
            } finally {
                thread.shutdownNow();
            }
        }
    }

    private static void awaitCursor(RallyFile file, PushWorker worker, long sequence) {
        Await.untilAsserted("the worker acknowledges " + sequence + " events",
                () -> assertThat(file.sync().syncCursor(worker.target())).as("acknowledged; status: " + worker.status())
                        .isGreaterThanOrEqualTo(sequence));
    }

    private record Row(long clientEventId, String type, JsonNode payload) {
    }

    private static List<Row> rows(PgFixture pg, String rallyId) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (Connection c = pg.admin().getConnection();
             PreparedStatement p = c.prepareStatement("select client_event_id, event_type, payload::text "
                     + "from domain_events where rally_id = ? order by id")) {
            p.setObject(1, UUID.fromString(rallyId));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), JSON.readTree(rs.getString(3))));
                }
            }
        }
        return rows;
    }
}
