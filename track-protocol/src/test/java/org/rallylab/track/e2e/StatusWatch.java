package org.rallylab.track.e2e;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.rallylab.domain.testing.Await;
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
        seen.add(status);
    }

    /** Waits until a status published from now on, or the latest one, matches. */
    TrackStatus await(String what, Predicate<TrackStatus> test) {
        int from = Math.max(0, seen.size() - 1);
        return Await.value("the track to report " + what, () -> {
            List<TrackStatus> now = seen();
            for (int i = from; i < now.size(); i++) {
                if (test.test(now.get(i))) {
                    return Optional.of(now.get(i));
                }
            }
            throw new AssertionError("last status: " + (now.isEmpty() ? "none" : now.get(now.size() - 1)));
        });
    }

    List<TrackStatus> seen() {
        return List.copyOf(seen);
    }
}
