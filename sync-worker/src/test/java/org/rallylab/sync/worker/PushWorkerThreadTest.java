package org.rallylab.sync.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.domain.testing.Await;
import org.rallylab.domain.event.CarArrived;
import org.rallylab.domain.event.Extras;
import org.rallylab.domain.event.SampleEvents;
import org.rallylab.store.RallyFile;
import org.rallylab.store.RallyFileException;
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
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            cloud.server.setDispatcher(new Dispatcher() { // a slow server: it answers the first push when released
                @Override
                public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                    held.countDown();
                    release.await(Await.timeout().toSeconds(), TimeUnit.SECONDS);
                    return MockCloud.created();
                }
            });
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
                assertThat(held.await(Await.timeout().toSeconds(), TimeUnit.SECONDS)).as("first push").isTrue();

                CompletableFuture<Void> appendAndWake = CompletableFuture.runAsync(() -> {
                    try {
                        file.append(List.of(new CarArrived(1_708_012_999_000L, SampleEvents.RALLY,
                                SampleEvents.SECTION, "late", Extras.NONE)));
                    } catch (RallyFileException e) {
                        throw new IllegalStateException(e);
                    }
                    worker.wake();
                });
                Await.until("append + wake return while the server still holds the first push",
                        appendAndWake::isDone);
                assertThat(appendAndWake).isCompleted();
                assertThat(release.getCount()).as("the first push is still held").isOne();
                release.countDown();

                assertThat(synced.await(Await.timeout().toSeconds(), TimeUnit.SECONDS))
                        .as("synced, not " + worker.status()).isTrue();
                assertThat(file.sync().syncCursor(worker.target())).isEqualTo(601);
            } finally {
                release.countDown();
                worker.close();
            }
        }
    }
}
