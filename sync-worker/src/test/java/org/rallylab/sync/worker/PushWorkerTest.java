package org.rallylab.sync.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.domain.event.CarArrived;
import org.rallylab.domain.event.Extras;
import org.rallylab.domain.event.SampleEvents;
import org.rallylab.store.RallyFile;
import org.rallylab.sync.client.CloudException;
import org.rallylab.sync.client.CloudSession;
import org.rallylab.sync.client.EventRow;
import org.rallylab.sync.client.MockCloud;
import org.rallylab.sync.client.StoredSamples;

/** The push worker on a manual scheduler and clock against a MockWebServer, with real rally files. */
class PushWorkerTest {

    @TempDir
    Path folder;
    MockCloud cloud;
    ManualScheduler scheduler;
    RallyFile file;
    List<CloudSession> saved;
    List<SyncStatus> heard;
    PushWorker worker;

    @BeforeEach
    void setUp() throws Exception {
        cloud = new MockCloud();
        scheduler = new ManualScheduler(MockCloud.NOW);
        saved = new ArrayList<>();
        heard = new CopyOnWriteArrayList<>();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (worker != null) {
            worker.close();
        }
        if (file != null) {
            file.close();
        }
        cloud.close();
    }

    private void startWith(int events, CloudSession session) throws Exception {
        file = StoredSamples.withEvents(folder, events);
        worker = new PushWorker(file, cloud.client, SessionHolder.inMemory(session, saved::add), scheduler.clock,
                scheduler, new Random(42));
        worker.addListener(heard::add);
        worker.start();
    }

    private long cursor() throws Exception {
        return file.sync().syncCursor(worker.target());
    }

    private List<Long> pushedIds(RecordedRequest request) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (JsonNode row : MockCloud.tree(request.getBody().readUtf8())) {
            long id = row.get("client_event_id").asLong();
            assertThat(id >>> EventRow.SEQUENCE_BITS).as("the file's writer id in the high bits").isEqualTo(file.sync().writerId());
            ids.add(id & 0xFFFF_FFFFL);
        }
        return ids;
    }

    private static List<Long> range(long from, long to) {
        List<Long> ids = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            ids.add(i);
        }
        return ids;
    }

    @Test
    void pushes1234Events_inBatchesOf500_500_234() throws Exception {
        for (int i = 0; i < 3; i++) {
            cloud.server.enqueue(MockCloud.created());
        }
        startWith(1234, MockCloud.session());

        scheduler.runDue();

        assertThat(cloud.server.getRequestCount()).isEqualTo(3);
        assertThat(pushedIds(cloud.take())).isEqualTo(range(1, 500));
        assertThat(pushedIds(cloud.take())).isEqualTo(range(501, 1000));
        RecordedRequest last = cloud.take();
        assertThat(pushedIds(last)).isEqualTo(range(1001, 1234));
        assertThat(last.getHeader("Authorization")).isEqualTo("Bearer " + MockCloud.ACCESS);
        assertThat(cursor()).isEqualTo(1234);
        assertThat(worker.target()).isEqualTo("supabase:" + cloud.config.url());
        assertThat(heard).containsExactly(new SyncStatus.Waiting(1234), new SyncStatus.Waiting(734),
                new SyncStatus.Waiting(234), new SyncStatus.Synced());
        assertThat(scheduler.nextDelay()).isEqualTo(PushWorker.POLL_INTERVAL);
    }

    @Test
    void aServerErrorThenSuccess_resendsTheSameBatch_noGapNoSkip() throws Exception {
        cloud.server.enqueue(MockCloud.json(500, "{\"message\":\"boom\"}"));
        cloud.server.enqueue(MockCloud.created());
        cloud.server.enqueue(MockCloud.created());
        startWith(700, MockCloud.session());

        scheduler.runDue();

        assertThat(cursor()).isZero();
        assertThat(worker.status()).isInstanceOfSatisfying(SyncStatus.Offline.class, s -> {
            assertThat(s.waiting()).isEqualTo(700);
            assertThat(s.reason()).contains("boom");
            assertThat(s.nextRetry()).isEqualTo(scheduler.now().plus(scheduler.nextDelay()));
        });

        scheduler.runNext();

        assertThat(cursor()).isEqualTo(700);
        assertThat(pushedIds(cloud.take())).isEqualTo(range(1, 500));
        assertThat(pushedIds(cloud.take())).isEqualTo(range(1, 500));
        assertThat(pushedIds(cloud.take())).isEqualTo(range(501, 700));
        assertThat(worker.status()).isEqualTo(new SyncStatus.Synced());
    }

    @Test
    void backoff_doublesWithJitter_andIsCappedAt60Seconds() throws Exception {
        int failures = 10;
        for (int i = 0; i < failures; i++) {
            cloud.server.enqueue(MockCloud.json(503, "{\"message\":\"try later\"}"));
        }
        cloud.server.enqueue(MockCloud.created());
        startWith(3, MockCloud.session());
        scheduler.runDue();

        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < failures; i++) {
            waits.add(scheduler.runNext());
        }

        for (int i = 0; i < failures; i++) {
            Duration ceiling = Duration.ofSeconds(Math.min(60, 1L << i));
            assertThat(waits.get(i)).as("wait after failure " + (i + 1)).isBetween(ceiling.dividedBy(2), ceiling);
        }
        assertThat(waits.subList(6, failures)).allSatisfy(w -> assertThat(w).isBetween(Duration.ofSeconds(30),
                Duration.ofSeconds(60)));
        assertThat(cursor()).isEqualTo(3);
        assertThat(worker.status()).isEqualTo(new SyncStatus.Synced());
    }

    @Test
    void aRetryAfterHeader_isWaitedOut() throws Exception {
        cloud.server.enqueue(MockCloud.json(429, "{\"message\":\"slow down\"}").setHeader("Retry-After", "30"));
        cloud.server.enqueue(MockCloud.created());
        startWith(3, MockCloud.session());

        scheduler.runDue();

        assertThat(scheduler.nextDelay()).isEqualTo(Duration.ofSeconds(30));
        scheduler.advance(Duration.ofSeconds(29));
        assertThat(cloud.server.getRequestCount()).isEqualTo(1);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(cursor()).isEqualTo(3);
    }

    @Test
    void aDroppedConnection_isOffline_andRetried() throws Exception {
        cloud.server.enqueue(new MockResponse().setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.DISCONNECT_AFTER_REQUEST));
        cloud.server.enqueue(new MockResponse().setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.DISCONNECT_AFTER_REQUEST));
        cloud.server.enqueue(MockCloud.created());
        startWith(3, MockCloud.session());

        scheduler.runDue();
        assertThat(worker.status().kind()).isEqualTo(SyncStatus.Kind.OFFLINE);
        assertThat(worker.status().message()).contains("Cannot reach");
        while (worker.status().kind() == SyncStatus.Kind.OFFLINE) {
            scheduler.runNext();
        }

        assertThat(cursor()).isEqualTo(3);
    }

    @Test
    void a401_refreshesOnce_savesTheNewSession_andPushesAgain() throws Exception {
        cloud.server.enqueue(MockCloud.json(401, "{\"message\":\"JWT expired\"}"));
        cloud.server.enqueue(MockCloud.sessionAnswer("access-2", "refresh-2", MockCloud.NOW.getEpochSecond() + 3600));
        cloud.server.enqueue(MockCloud.created());
        startWith(3, MockCloud.session());

        scheduler.runDue();

        assertThat(cloud.take().getHeader("Authorization")).isEqualTo("Bearer " + MockCloud.ACCESS);
        RecordedRequest refresh = cloud.take();
        assertThat(refresh.getPath()).isEqualTo("/auth/v1/token?grant_type=refresh_token");
        assertThat(refresh.getBody().readUtf8()).contains(MockCloud.REFRESH);
        RecordedRequest again = cloud.take();
        assertThat(again.getHeader("Authorization")).isEqualTo("Bearer access-2");
        assertThat(pushedIds(again)).isEqualTo(range(1, 3));
        assertThat(saved).extracting(CloudSession::accessToken).containsExactly("access-2");
        assertThat(cursor()).isEqualTo(3);
        assertThat(worker.status()).isEqualTo(new SyncStatus.Synced());
    }

    @Test
    void a401AfterTheRefresh_stopsSignedOut_withNothingAcknowledged() throws Exception {
        cloud.server.enqueue(MockCloud.json(401, "{\"message\":\"JWT expired\"}"));
        cloud.server.enqueue(MockCloud.sessionAnswer("access-2", "refresh-2", MockCloud.NOW.getEpochSecond() + 3600));
        cloud.server.enqueue(MockCloud.json(401, "{\"message\":\"JWT expired\"}"));
        startWith(3, MockCloud.session());

        scheduler.runDue();

        assertThat(cloud.server.getRequestCount()).isEqualTo(3);
        assertThat(cursor()).isZero();
        assertThat(worker.status()).isInstanceOfSatisfying(SyncStatus.SignedOut.class,
                s -> assertThat(s.reason()).contains("sign in again"));
        assertThat(scheduler.nextDelay()).as("a stopped worker schedules nothing").isNull();
        worker.wake();
        scheduler.runDue();
        assertThat(cloud.server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aRefusedRefresh_stopsSignedOut() throws Exception {
        cloud.server.enqueue(MockCloud.json(401, "{\"message\":\"JWT expired\"}"));
        cloud.server.enqueue(MockCloud.json(400, "{\"error\":\"invalid_grant\","
                + "\"error_description\":\"Invalid Refresh Token: Already Used\"}"));
        startWith(3, MockCloud.session());

        scheduler.runDue();

        assertThat(worker.status().kind()).isEqualTo(SyncStatus.Kind.SIGNED_OUT);
        assertThat(cursor()).isZero();
        assertThat(saved).isEmpty();
    }

    @Test
    void aSessionAboutToExpire_isRenewedBeforePushing() throws Exception {
        cloud.server.enqueue(MockCloud.sessionAnswer("access-2", "refresh-2", MockCloud.NOW.getEpochSecond() + 3600));
        cloud.server.enqueue(MockCloud.created());
        CloudSession expiring = new CloudSession(MockCloud.ACCESS, MockCloud.REFRESH, MockCloud.NOW.plusSeconds(30),
                MockCloud.USER, "ava@example.org");
        startWith(3, expiring);

        scheduler.runDue();

        assertThat(cloud.take().getPath()).startsWith("/auth/v1/token");
        assertThat(cloud.take().getHeader("Authorization")).isEqualTo("Bearer access-2");
        assertThat(cursor()).isEqualTo(3);
    }

    @Test
    void a403_stopsWithTheServersMessage_untilRetryNow() throws Exception {
        cloud.server.enqueue(MockCloud.json(403, "{\"code\":\"42501\",\"message\":\"new row violates row-level"
                + " security policy for table \\\"domain_events\\\"\"}"));
        cloud.server.enqueue(MockCloud.created());
        startWith(3, MockCloud.session());

        scheduler.runDue();

        assertThat(worker.status()).isInstanceOfSatisfying(SyncStatus.Error.class,
                s -> assertThat(s.reason()).contains("new row violates row-level security policy"));
        assertThat(cursor()).isZero();
        assertThat(scheduler.nextDelay()).isNull();

        worker.retryNow();
        scheduler.runDue();

        assertThat(cursor()).isEqualTo(3);
        assertThat(worker.status()).isEqualTo(new SyncStatus.Synced());
    }

    @Test
    void aWebPageAnsweringThePush_stopsWithError_andAcknowledgesNothing() throws Exception {
        cloud.server.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/html")
                .setBody("<html><body>Hotel Wi-Fi: accept the terms</body></html>"));
        startWith(3, MockCloud.session());

        scheduler.runDue();

        assertThat(worker.status().message()).contains(CloudException.NotJson.WEB_PAGE);
        assertThat(cursor()).isZero();
    }

    @Test
    void retryNow_endsABackoffAtOnce() throws Exception {
        cloud.server.enqueue(MockCloud.json(503, "{}"));
        cloud.server.enqueue(MockCloud.created());
        startWith(3, MockCloud.session());
        scheduler.runDue();
        assertThat(scheduler.nextDelay()).isPositive();

        worker.retryNow();
        scheduler.runDue();

        assertThat(cursor()).isEqualTo(3);
        assertThat(cloud.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void wake_duringABackoff_doesNotHammerTheServer() throws Exception {
        cloud.server.enqueue(MockCloud.json(503, "{}"));
        startWith(3, MockCloud.session());
        scheduler.runDue();

        worker.wake();
        worker.wake();
        scheduler.runDue();

        assertThat(cloud.server.getRequestCount()).isEqualTo(1);
        assertThat(worker.status().kind()).isEqualTo(SyncStatus.Kind.OFFLINE);
    }

    @Test
    void wake_whenSynced_pushesNewEventsAtOnce_andTheIdlePollFindsThemToo() throws Exception {
        cloud.server.enqueue(MockCloud.created());
        cloud.server.enqueue(MockCloud.created());
        cloud.server.enqueue(MockCloud.created());
        startWith(3, MockCloud.session());
        scheduler.runDue();
        assertThat(cursor()).isEqualTo(3);

        file.append(List.of(arrival(4)));
        worker.wake();
        scheduler.runDue();
        assertThat(cursor()).isEqualTo(4);

        file.append(List.of(arrival(5)));
        scheduler.advance(Duration.ofSeconds(4));
        assertThat(cursor()).isEqualTo(4);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(cursor()).isEqualTo(5);

        cloud.take();
        assertThat(pushedIds(cloud.take())).containsExactly(4L);
        assertThat(pushedIds(cloud.take())).containsExactly(5L);
    }

    @Test
    void whenSynced_theIdlePollSendsNoRequest() throws Exception {
        cloud.server.enqueue(MockCloud.created());
        startWith(3, MockCloud.session());
        scheduler.runDue();

        scheduler.advance(Duration.ofMinutes(1));

        assertThat(cloud.server.getRequestCount()).isEqualTo(1);
        assertThat(worker.status()).isEqualTo(new SyncStatus.Synced());
    }

    @Test
    void withNobodySignedIn_itStopsSignedOut_withoutARequest() throws Exception {
        startWith(3, null);

        scheduler.runDue();

        assertThat(worker.status().kind()).isEqualTo(SyncStatus.Kind.SIGNED_OUT);
        assertThat(cloud.server.getRequestCount()).isZero();
    }

    @Test
    void close_stopsEverything() throws Exception {
        cloud.server.enqueue(MockCloud.json(503, "{}"));
        startWith(3, MockCloud.session());
        scheduler.runDue();

        worker.close();
        scheduler.runDue();
        worker.retryNow();
        scheduler.runDue();

        assertThat(scheduler.nextDelay()).isNull();
        assertThat(cloud.server.getRequestCount()).isEqualTo(1);
    }

    private static CarArrived arrival(int n) {
        return new CarArrived(1_708_012_500_000L + n, SampleEvents.RALLY, SampleEvents.SECTION, "X" + n, Extras.NONE);
    }
}
