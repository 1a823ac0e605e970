package org.rallylab.app.race;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.rallylab.domain.testing.Await;

class StateBusTest {

    @Test
    void subscribe_late_getsTheLastMessageAtOnce() {
        StateBus<String> bus = new StateBus<>();
        bus.publish("welcome");
        bus.publish("staging 1");
        Recorder<String> late = new Recorder<>();
        bus.subscribe(Runnable::run, late);
        assertThat(late.all()).containsExactly("staging 1");
        bus.publish("results 1");
        assertThat(late.all()).containsExactly("staging 1", "results 1");
        assertThat(bus.last()).contains("results 1");
    }

    @Test
    void subscribe_beforeAnyMessage_getsNothingUntilThePublish() {
        StateBus<String> bus = new StateBus<>();
        Recorder<String> early = new Recorder<>();
        bus.subscribe(Runnable::run, early);
        assertThat(early.all()).isEmpty();
        assertThat(bus.last()).isEmpty();
    }

    @Test
    void subscriber_calledOnItsExecutor_inOrder() {
        StateBus<Integer> bus = new StateBus<>();
        QueuedExecutor window = new QueuedExecutor();
        Recorder<Integer> got = new Recorder<>();
        bus.subscribe(window, got);
        bus.publish(1);
        bus.publish(2);
        bus.publish(3);
        assertThat(got.all()).isEmpty();
        window.runPending();
        assertThat(got.all()).containsExactly(1, 2, 3);
    }

    @Test
    void unsubscribe_queuedMessagesAreNotDelivered() {
        StateBus<Integer> bus = new StateBus<>();
        QueuedExecutor window = new QueuedExecutor();
        Recorder<Integer> got = new Recorder<>();
        Subscription s = bus.subscribe(window, got);
        bus.publish(1);
        s.close();
        bus.publish(2);
        window.runPending();
        assertThat(got.all()).isEmpty();
        s.close();
    }

    @Test
    void publish_fromInsideASubscriber_othersStillSeeEveryMessageInOrder() {
        StateBus<Integer> bus = new StateBus<>();
        List<Integer> second = new ArrayList<>();
        bus.subscribe(Runnable::run, n -> {
            if (n == 1) {
                bus.publish(2);
            }
        });
        bus.subscribe(Runnable::run, second::add);
        bus.publish(1);
        assertThat(second).containsExactly(1, 2);
        assertThat(bus.last()).contains(2);
    }

    @Test
    void subscriber_throws_othersStillCalled() {
        StateBus<Integer> bus = new StateBus<>();
        Recorder<Integer> fine = new Recorder<>();
        List<Throwable> reported = new ArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.currentThread().getUncaughtExceptionHandler();
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> reported.add(e));
        try {
            bus.subscribe(Runnable::run, n -> {
                throw new IllegalStateException("broken screen");
            });
            bus.subscribe(Runnable::run, fine);
            bus.publish(7);
        } finally {
            Thread.currentThread().setUncaughtExceptionHandler(before);
        }
        assertThat(fine.all()).containsExactly(7);
        assertThat(reported).singleElement().satisfies(e -> assertThat(e).hasMessage("broken screen"));
    }

    @Test
    void publish_fromManyThreads_everySubscriberGetsEveryMessageAndTheSameLast() throws Exception {
        StateBus<Integer> bus = new StateBus<>();
        ExecutorService a = Executors.newSingleThreadExecutor();
        ExecutorService b = Executors.newSingleThreadExecutor();
        ExecutorService publishers = Executors.newFixedThreadPool(4);
        try {
            Recorder<Integer> onA = new Recorder<>();
            Recorder<Integer> onB = new Recorder<>();
            bus.subscribe(a, onA);
            bus.subscribe(b, onB);
            CountDownLatch go = new CountDownLatch(1);
            for (int p = 0; p < 4; p++) {
                int base = p * 1000;
                publishers.execute(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    for (int i = 0; i < 250; i++) {
                        bus.publish(base + i);
                    }
                });
            }
            go.countDown();
            publishers.shutdown();
            assertThat(publishers.awaitTermination(Await.timeout().toSeconds(), TimeUnit.SECONDS)).isTrue();
            a.submit(() -> { }).get(Await.timeout().toSeconds(), TimeUnit.SECONDS);
            b.submit(() -> { }).get(Await.timeout().toSeconds(), TimeUnit.SECONDS);
            assertThat(onA.all()).hasSize(1000).isEqualTo(onB.all());
            assertThat(onA.last()).isEqualTo(bus.last().orElseThrow());
        } finally {
            a.shutdownNow();
            b.shutdownNow();
        }
    }
}
