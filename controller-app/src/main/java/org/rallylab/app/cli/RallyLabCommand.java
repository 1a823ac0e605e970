package org.rallylab.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rallylab.app.demo.DemoSetup;
import org.rallylab.app.race.TrackChoice;
import org.rallylab.app.ui.AppLauncher;
import org.rallylab.app.ui.AppOptions;
import org.rallylab.store.RallyFile;
import org.rallylab.track.transport.SerialTransport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "rallylab", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        version = "RallyLab 0.1.0",
        description = {"Race-day software for pinewood-derby style rallies. Every result is an event in a "
                + "rally file (SQLite); standings are rebuilt from the events.",
            "With no command it opens the RallyLab window (the operator window and the audience window for the "
                + "projector)."},
        subcommands = {DemoCommand.class, StandingsCommand.class, StateCommand.class, ScheduleCommand.class,
            ImportLogCommand.class, ExportLogCommand.class, VerifyCommand.class, ExportRosterCommand.class,
            ImportRosterCommand.class, BackupCommand.class, RestoreCommand.class, CopyCommand.class},
        footer = {"", "Exit codes: 0 done, 1 could not be done (file busy, disk error, no screen), 2 usage error, "
                + "3 invalid input (nothing written).",
            "Start here: rallylab --demo"})
final class RallyLabCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--demo", description = "Open the demo rally (three sections, made-up names) on the simulated "
            + "track. A new demo file in your RallyLab folder, or the --rally file (created when missing).")
    private boolean demo;

    @Option(names = "--autopilot", description = "Race every section unattended: check in, start, race every heat "
            + "(one re-run and one hand-ranked result on the way). Needs --demo or --rally.")
    private boolean autopilot;

    @Option(names = "--exit-when-done", description = "With --autopilot: exit (code 0) when every section is "
            + "complete.")
    private boolean exitWhenDone;

    @Option(names = "--rally", paramLabel = "FILE", description = "The rally file to open (with --demo: to create).")
    private Path rally;

    @Option(names = "--track", paramLabel = "TRACK", description = "The track: sim (simulated), a serial port "
            + "such as /dev/ttyACM0 or COM3, cmd:COMMAND (a program speaking the track protocol), or none (manual "
            + "mode). Default: the Pico when one is plugged in, else manual mode; the demo uses sim.")
    private String track;

    @Option(names = "--counts", paramLabel = "B,K,S", description = "The demo's cars in Beaver Buggies, Kub Kars "
            + "and Scout Trucks (default 8,14,9).")
    private String counts;

    @Option(names = "--speed", paramLabel = "FACTOR", defaultValue = "1", description = "How much faster than real "
            + "time the simulated track races (default ${DEFAULT-VALUE}).")
    private double speed;

    @Option(names = "--backup", paramLabel = "DIR", description = "Back the rally up to this folder (a USB stick) "
            + "after every change, from now on (this laptop remembers the folder for that rally file). Needs --demo or "
            + "--rally.")
    private Path backup;

    @Option(names = "--seed", defaultValue = "2026", description = "Seed of the demo's names and simulated times "
            + "(default ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        AppOptions options;
        try {
            DemoSetup.Counts demoCounts = DemoSetup.Counts.DEFAULT;
            if (counts != null) {
                demoCounts = demoCounts(counts);
            }
            if (track != null) {
                TrackChoice.parse(track, SerialTransport::listPorts);
            }
            if (rally != null && !demo && !java.nio.file.Files.isRegularFile(rally)) {
                throw new IllegalArgumentException("--rally " + rally + ": there is no such file. Check the name, "
                        + "or add --demo to create a demo rally there.");
            }
            if (backup != null && !java.nio.file.Files.isDirectory(backup)) {
                throw new IllegalArgumentException("--backup " + backup + ": there is no such folder. Insert the "
                        + "stick, or create the folder first.");
            }
            options = new AppOptions(demo, autopilot, exitWhenDone, rally, track, demoCounts, speed, seed,
                    RallyFile.defaultFolder(), backup);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return AppLauncher.launch(options, spec.commandLine().getOut(), err);
    }

    private static DemoSetup.Counts demoCounts(String value) {
        String[] parts = value.split(",", -1);
        try {
            if (parts.length == 3) {
                return new DemoSetup.Counts(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()),
                        Integer.parseInt(parts[2].strip()));
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("--counts " + value + ": give three whole numbers (Beaver Buggies, Kub "
                + "Kars, Scout Trucks), such as 8,14,9");
    }
}
