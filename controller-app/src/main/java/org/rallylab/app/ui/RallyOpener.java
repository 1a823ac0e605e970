package org.rallylab.app.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.rallylab.app.demo.DemoSetup;
import org.rallylab.app.race.AudienceDirector;
import org.rallylab.app.race.RaceDay;
import org.rallylab.app.race.RallySession;
import org.rallylab.app.race.TaskScheduler;
import org.rallylab.app.race.TrackChoice;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.rallylab.store.RallyFileException;
import org.rallylab.track.transport.SerialTransport;
import org.rallylab.track.Track;

/**
 * Opens rally files for race day the way the app does: the session on the UI thread, the track
 * of the {@code --track} option, the race loop and the audience. Every method runs on the UI
 * thread and returns a started {@link RaceDay}, or throws with a message for the operator and
 * nothing left open.
 */
public final class RallyOpener {

    /** The organizer recorded on rallies made on this laptop (no account offline). */
    public static final String LOCAL_ORGANIZER = "organizer@this-laptop";

    private final Clock clock;
    private final Executor ui;
    private final TaskScheduler later;
    private final AudienceDirector.Timing timing;
    private final double speed;
    private final long seed;

    public RallyOpener(Clock clock, Executor ui, TaskScheduler later, AudienceDirector.Timing timing, double speed,
                       long seed) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.later = Objects.requireNonNull(later, "later");
        this.timing = Objects.requireNonNull(timing, "timing");
        this.speed = speed;
        this.seed = seed;
    }

    /** Opens an existing rally file. {@code track}: the --track value (null: look for a Pico, else manual). */
    public RaceDay open(Path file, String track) throws RallyFileException {
        TrackChoice choice = TrackChoice.parse(track, SerialTransport::listPorts);
        RallySession session = RallySession.open(file, clock);
        return start(session, choice);
    }

    /** Creates {@code file} with the demo rally and opens it. */
    public RaceDay createDemo(Path file, DemoSetup.Counts counts, String track) throws RallyFileException {
        TrackChoice choice = TrackChoice.parse(track == null ? "sim" : track, SerialTransport::listPorts);
        RallySession session = DemoSetup.create(file, clock, seed, counts);
        return start(session, choice);
    }

    /** Creates {@code file} with a new, empty rally (RallyCreated) and opens it. */
    public RaceDay create(Path file, String rallyName, LocalDate date, String track) throws RallyFileException {
        TrackChoice choice = TrackChoice.parse(track, SerialTransport::listPorts);
        RallySession session = RallySession.create(file, clock);
        Decision d = session.execute(new Command.CreateRally(UUID.randomUUID().toString(), rallyName,
                date.toString(), LOCAL_ORGANIZER));
        if (!(d instanceof Decision.Accepted)) {
            session.close();
            throw new IllegalArgumentException(d.message());
        }
        return start(session, choice);
    }

    private RaceDay start(RallySession session, TrackChoice choice) throws RallyFileException {
        try {
            Track track = choice.open(() -> DemoSetup.simulatedTrack(seed, speed)).orElse(null);
            return RaceDay.start(session, track, ui, later, timing);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }
}
