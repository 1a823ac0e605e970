package org.rallylab.track;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.rallylab.domain.schedule.Heat;

/**
 * A race timer as the race controller sees it: the Pico ({@link PicoTrack}), the demo
 * ({@link SimulatedTrack}), and later adapters for commercial timers, which deliver the
 * same {@link CompletedRace}.
 *
 * <p>Threading: every method may be called from any thread, also from a status listener or a
 * race future's callback, and none blocks (but {@link #close()}, briefly, from other threads).
 * Status listeners and race futures are called on the track's single event thread, in order.
 */
public interface Track extends AutoCloseable {

    /** Connects in the background and keeps reconnecting until {@link #close()}. Idempotent. */
    void start();

    /** The latest status; never null. */
    TrackStatus status();

    /** Adds a listener; it gets the current status at once, then every change, on the event thread. */
    void addStatusListener(Consumer<TrackStatus> listener);

    void removeStatusListener(Consumer<TrackStatus> listener);

    /**
     * Races the heat's occupied lanes. The future completes once, with the next race this session
     * has not seen; {@code afterRaceId} is the last race the caller recorded (null when none), so a
     * race that finished while the app or the cable was away is delivered instead of being lost, and
     * a race already recorded is never delivered again. A new call replaces an outstanding one (the
     * old future is cancelled). Cancelling the future is {@link #cancelRace()}. When the timer
     * restarted after the heat's race had started, its times are lost and the future fails with
     * {@link TrackRestartedException}: the heat must be run again (call again for it).
     *
     * @throws IllegalArgumentException when the heat has no car or a lane beyond 8
     */
    CompletableFuture<CompletedRace> race(Heat heat, String afterRaceId);

    /** Cancels the outstanding race, if any: its future fails with a {@code CancellationException}. */
    void cancelRace();

    /** The track's lane count, or 0 while it is unknown (never connected yet). */
    int laneCount();

    /** Stops for good: the outstanding race is cancelled, the connection closed. Idempotent. */
    @Override
    void close();
}
