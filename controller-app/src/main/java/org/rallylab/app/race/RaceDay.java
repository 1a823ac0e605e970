package org.rallylab.app.race;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.rallylab.store.RallyFileException;
import org.rallylab.track.Track;

/**
 * One open rally wired for race day: the {@link RallySession}, the {@link RaceLoop} on the track
 * (or in manual mode) and the {@link AudienceDirector}. Built and used on the UI thread;
 * {@link #close()} takes them down in the right order.
 */
public final class RaceDay implements AutoCloseable {

    private final RallySession session;
    private final Track track;
    private final RaceLoop loop;
    private final AudienceDirector audience;

    private RaceDay(RallySession session, Track track, RaceLoop loop, AudienceDirector audience) {
        this.session = session;
        this.track = track;
        this.loop = loop;
        this.audience = audience;
    }

    /**
     * Wires {@code session} to {@code track} (null: manual mode; the race day owns the track from
     * now and closes it) and the audience. {@code ui} runs tasks on the session's thread (the app
     * passes {@code Platform::runLater}); {@code scheduler} runs delayed tasks there.
     */
    public static RaceDay start(RallySession session, Track track, Executor ui, TaskScheduler scheduler,
                                AudienceDirector.Timing timing) {
        Objects.requireNonNull(session, "session");
        RaceLoop loop = new RaceLoop(session, track, ui, scheduler);
        AudienceDirector audience = new AudienceDirector(session, loop, scheduler, timing);
        return new RaceDay(session, track, loop, audience);
    }

    public RallySession session() {
        return session;
    }

    public RaceLoop loop() {
        return loop;
    }

    public AudienceDirector audience() {
        return audience;
    }

    public Optional<Track> track() {
        return Optional.ofNullable(track);
    }

    /** Stops the audience and the loop, closes the track, then the rally file. */
    @Override
    public void close() throws RallyFileException {
        audience.close();
        loop.close();
        if (track != null) {
            track.close();
        }
        session.close();
    }
}
