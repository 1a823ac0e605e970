package org.rallylab.app.ui;

import java.nio.file.Path;
import java.util.Objects;
import org.rallylab.app.demo.DemoSetup;

/**
 * How the app was started ({@code ./rallylab} with no subcommand).
 *
 * @param demo        create the demo rally (in {@code rally} when given) and open it on the simulated track
 * @param autopilot   race every section unattended
 * @param exitWhenDone with the autopilot: exit (code 0) once every section is complete
 * @param rally       the rally file to open (or, with {@code demo}, to create); null: the start screen
 * @param track       the {@code --track} value (sim, a serial port, cmd:COMMAND, none); null: find a Pico
 *                    (the demo: the simulated track)
 * @param counts      the demo's cars per section
 * @param speed       how much faster than real time the simulated track runs
 * @param seed        the demo's names and the simulated times
 * @param dataFolder  where rally files, recent rallies and settings live
 * @param backup      back the opened rally up to this folder (a USB stick) from now on; null: as chosen before
 */
public record AppOptions(boolean demo, boolean autopilot, boolean exitWhenDone, Path rally, String track,
                         DemoSetup.Counts counts, double speed, long seed, Path dataFolder, Path backup) {

    /** Options without {@code --backup}. */
    public AppOptions(boolean demo, boolean autopilot, boolean exitWhenDone, Path rally, String track,
                      DemoSetup.Counts counts, double speed, long seed, Path dataFolder) {
        this(demo, autopilot, exitWhenDone, rally, track, counts, speed, seed, dataFolder, null);
    }

    public AppOptions {
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(dataFolder, "dataFolder");
        if (!(speed > 0)) {
            throw new IllegalArgumentException("--speed must be above 0, got " + speed);
        }
        if (autopilot && !demo && rally == null) {
            throw new IllegalArgumentException("--autopilot needs a rally: add --demo or --rally FILE");
        }
        if (backup != null && !demo && rally == null) {
            throw new IllegalArgumentException("--backup needs a rally to back up: add --demo or --rally FILE");
        }
        if (exitWhenDone && !autopilot) {
            throw new IllegalArgumentException("--exit-when-done only makes sense with --autopilot");
        }
    }

    /** The options of a plain start: the start screen. */
    public static AppOptions plain(Path dataFolder) {
        return new AppOptions(false, false, false, null, null, DemoSetup.Counts.DEFAULT, 1.0, 2026, dataFolder);
    }

    /** The track option in effect: the demo races on the simulated track unless told otherwise. */
    public String effectiveTrack() {
        return track == null && demo ? "sim" : track;
    }
}
