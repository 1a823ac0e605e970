package org.rallylab.track;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** The current {@link TrackStatus} and its listeners; publishes run on the track's event thread. */
final class StatusBoard {

    private static final System.Logger LOG = System.getLogger(StatusBoard.class.getName());

    private final Executor eventThread;
    private final List<Consumer<TrackStatus>> listeners = new CopyOnWriteArrayList<>();
    private volatile TrackStatus current;

    StatusBoard(TrackStatus initial, Executor eventThread) {
        this.current = initial;
        this.eventThread = eventThread;
    }

    TrackStatus current() {
        return current;
    }

    void add(Consumer<TrackStatus> listener) {
        listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
        eventThread.execute(() -> {
            if (listeners.contains(listener)) {
                call(listener, current);
            }
        });
    }

    void remove(Consumer<TrackStatus> listener) {
        listeners.remove(listener);
    }

    /** Event thread only: tells the listeners when the status changed. */
    void publish(TrackStatus status) {
        if (status.equals(current)) {
            return;
        }
        current = status;
        for (Consumer<TrackStatus> listener : listeners) {
            call(listener, status);
        }
    }

    private static void call(Consumer<TrackStatus> listener, TrackStatus status) {
        try {
            listener.accept(status);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a track status listener failed", e);
        }
    }
}
