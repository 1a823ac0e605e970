package org.rallylab.sync.worker;

import java.util.List;
import org.rallylab.store.RallyFile;
import org.rallylab.store.RallyFileException;
import org.rallylab.store.RemoteEvent;

/**
 * Where a {@link PushWorker} puts what it pulled: the rally file itself, or (in the app) the open
 * rally's session, which appends them and shows them at once. Called on the worker's thread; it
 * returns once the events are in the file (the worker then pulls on from {@code readUpTo}).
 */
@FunctionalInterface
public interface PullSink {

    /**
     * Appends {@code events} (other laptops' events, in server order) as pulled from {@code source},
     * and records {@code readUpTo}, the last server row read, as the next pull's start.
     */
    void receive(String source, List<RemoteEvent> events, long readUpTo) throws RallyFileException;

    /** Appends straight to {@code file} (a worker with no screen to tell). */
    static PullSink into(RallyFile file) {
        return (source, events, readUpTo) -> file.sync().appendFromServer(source, events, readUpTo);
    }
}
