package org.rallylab.track;

import java.util.Optional;

/**
 * A start gate worked from the laptop: the {@link SimulatedTrack}'s, which has no gate to lift by
 * hand. A real track's gate is worked at the track (its {@link Track} is no {@code StartGate}): the
 * track operator loads the cars and drops the gate, the timer reports the race, and the gate is
 * closed again for the next heat. Every change shows in the track's {@link TrackStatus}
 * ({@code gateReady}, {@code phase}).
 *
 * <p>Threading as {@link Track}: any thread; nothing blocks; the gate moves on the track's event thread.
 */
public interface StartGate {

    /**
     * Drops (opens) the gate if it is closed: the race the track is armed for starts. With no race
     * armed the gate just opens and nothing is timed, as on a real track.
     */
    void dropGate();

    /** Closes the gate again after a race; ignored while the cars are running. */
    void resetGate();

    /**
     * Turns the simulated crew on or off. On: it drops the gate a moment after the track arms and
     * closes it when the race is over (the autopilot races this way), and closes an open gate now.
     * Off: the gate waits for {@link #dropGate()} and {@link #resetGate()}.
     */
    void setAutomatic(boolean on);

    /** Whether the simulated crew works the gate. */
    boolean isAutomatic();

    /** {@code track}'s gate when it is worked from the laptop; empty for a real track or none. */
    static Optional<StartGate> of(Track track) {
        return track instanceof StartGate gate ? Optional.of(gate) : Optional.empty();
    }
}
