package org.rallylab.track.e2e;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.rallylab.track.Track;
import org.rallylab.track.TrackStatus;

/** Records a track's status stream and waits for a status a test expects. */
final class StatusWatch implements Consumer<TrackStatus> {

    private final List<TrackStatus> seen = new CopyOnWriteArrayList<>();

    static StatusWatch on(Track track) {
        StatusWatch watch = new StatusWatch();
        track.addStatusListener(watch);
        return watch;
    }

    @Override
    public void accept(TrackStatus status) {
        synchronized (this) {
            seen.add(status);
            notifyAll();
        }
    }

    /** Waits until a status published from now on, or the latest one, matches. */
    synchronized TrackStatus await(String what, Predicate<TrackStatus> test, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int from = Math.max(0, seen.size() - 1);
        while (true) {
            for (int i = from; i < seen.size(); i++) {
                if (test.test(seen.get(i))) {
                    return seen.get(i);
                }
            }
            from = seen.size();
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("the track never reported " + what + " within " + timeout.toSeconds()
                        + " s; last status: " + (seen.isEmpty() ? "none" : seen.get(seen.size() - 1)));
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    List<TrackStatus> seen() {
        return List.copyOf(seen);
    }
}
