package org.rallylab.track;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.rallylab.domain.testing.Await;

/** Keeps every status a track published; a test waits for the next one that matches. */
final class StatusRecorder implements Consumer<TrackStatus> {

    private final List<TrackStatus> statuses = new ArrayList<>();
    private final List<String> threads = new ArrayList<>();
    private int mark;

    @Override
    public synchronized void accept(TrackStatus status) {
        statuses.add(status);
        threads.add(Thread.currentThread().getName());
    }

    /** The first status after the last match that satisfies {@code condition}. */
    TrackStatus await(Predicate<TrackStatus> condition, String what) throws InterruptedException {
        return Await.value("a status " + what, () -> next(condition));
    }

    private synchronized Optional<TrackStatus> next(Predicate<TrackStatus> condition) {
        for (int i = mark; i < statuses.size(); i++) {
            if (condition.test(statuses.get(i))) {
                mark = i + 1;
                return Optional.of(statuses.get(i));
            }
        }
        throw new AssertionError("got " + statuses.subList(mark, statuses.size()));
    }

    TrackStatus awaitConnected() throws InterruptedException {
        return await(TrackStatus::connected, "connected");
    }

    TrackStatus awaitDisconnected() throws InterruptedException {
        return await(s -> !s.connected(), "disconnected");
    }

    synchronized List<TrackStatus> all() {
        return List.copyOf(statuses);
    }

    synchronized List<String> threads() {
        return List.copyOf(threads);
    }
}
