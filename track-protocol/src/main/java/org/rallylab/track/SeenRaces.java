package org.rallylab.track;

import java.util.HashSet;
import java.util.Set;

/**
 * The race ids a session has seen, and the {@code after} to send with the next wait: the last race
 * seen, else the last race the caller recorded. A race id in here is never delivered. Event
 * thread only.
 */
final class SeenRaces {

    private final Set<String> ids = new HashSet<>();
    private String last;

    /** The caller's last recorded race (may be null). */
    void callerRecorded(String raceId) {
        if (raceId != null) {
            ids.add(raceId);
            if (last == null) {
                last = raceId;
            }
        }
    }

    boolean contains(String raceId) {
        return ids.contains(raceId);
    }

    /** A race the timer reported (delivered or dropped): it is now the timer's last race. */
    void saw(String raceId) {
        ids.add(raceId);
        last = raceId;
    }

    /** A race nobody waits for any more (its wait was cancelled): never deliver it. */
    void abandoned(String raceId) {
        ids.add(raceId);
    }

    /** The race id to send as {@code after}, or null. */
    String after() {
        return last;
    }
}
