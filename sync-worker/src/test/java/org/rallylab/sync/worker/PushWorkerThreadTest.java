package org.rallylab.sync.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.domain.event.CarArrived;
import org.rallylab.domain.event.Extras;
import org.rallylab.domain.event.SampleEvents;
import org.rallylab.store.RallyFile;
import org.rallylab.sync.client.CloudSession;
import org.rallylab.sync.client.MockCloud;
import org.rallylab.sync.client.StoredSamples;

/** On its real thread, the worker never makes the race loop wait for a slow server. */
class PushWorkerThreadTest {

    @TempDir
    Path folder;

    @Test
    void aSlowServer_neverBlocksAppendOrWake_andTheWorkerCatchesUp() throws Exception {
        try (MockCloud cloud = new MockCloud(); RallyFile file = StoredSamples.withEvents(folder, 600)) {
            for (int i = 0; i < 3; i++) {
                cloud.server.enqueue(MockCloud.created().setHeadersDelay(700, TimeUnit.MILLISECONDS));
            }
            CountDownLatch synced = new CountDownLatch(1);
            CloudSession session = new CloudSession(MockCloud.ACCESS, MockCloud.REFRESH,
                    Instant.now().plus(Duration.ofHours(1)), MockCloud.USER, "ava@example.org");
            PushWorker worker = PushWorker.start(file, cloud.client, SessionHolder.inMemory(session, s -> { }));
            try {
                worker.addListener(status -> {
                    if (status instanceof SyncStatus.Synced) {
                        synced.countDown();
                    }
                });
                assertThat(cloud.server.takeRequest(5, TimeUnit.SECONDS)).as("first push").isNotNull();

                long started = System.nanoTime();
                file.append(List.of(new CarArrived(1_708_012_999_000L, SampleEvents.RALLY, SampleEvents.SECTION,
                        "late", Extras.NONE)));
                worker.wake();
                long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

                assertThat(tookMs).as("append + wake while a push is in flight").isLessThan(400);
                assertThat(synced.await(10, TimeUnit.SECONDS)).as("synced within 10 s, not " + worker.status()).isTrue();
                assertThat(file.sync().syncCursor(worker.target())).isEqualTo(601);
            } finally {
                worker.close();
            }
        }
    }
}
