package org.rallylab.track;

import java.util.Objects;

/**
 * A heat's race lost with the timer's memory: the track controller restarted (a fault, its
 * watchdog, an update, a power cut) after the heat's race had started, so the times of the cars
 * that ran are gone, or restarted while it could not be seen whether they ran. The heat has no
 * result and must be run again. {@link Track#race} fails with it; its message is the operator's:
 * "The track controller restarted during heat 3 (reason: fault, MemoryError): run heat 3 again."
 */
public final class TrackRestartedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int heat;
    private final String reason;

    /** @param reason why the controller restarted, as it said ("fault, MemoryError"), or "unknown" */
    public TrackRestartedException(int heat, String reason) {
        super("The track controller restarted during heat " + heat + " (reason: " + Objects.requireNonNull(reason,
                "reason") + "): run heat " + heat + " again.");
        this.heat = heat;
        this.reason = reason;
    }

    /** The heat whose race was lost. */
    public int heat() {
        return heat;
    }

    /** Why the controller restarted, as it said, or "unknown". */
    public String reason() {
        return reason;
    }
}
