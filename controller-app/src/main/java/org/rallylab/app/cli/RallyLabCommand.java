package org.rallylab.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "rallylab", mixinStandardHelpOptions = true, version = "RallyLab 0.1.0",
        description = "Race-day software for pinewood-derby style rallies. Every result is an event in a "
                + "rally file (SQLite); standings are rebuilt from the events.",
        subcommands = {DemoCommand.class, StandingsCommand.class, StateCommand.class, ScheduleCommand.class,
            ImportLogCommand.class, ExportLogCommand.class, VerifyCommand.class},
        footer = {"", "Exit codes: 0 done, 1 could not be done (file busy, disk error), 2 usage error, "
                + "3 invalid input (nothing written).",
            "Start here: rallylab demo"})
final class RallyLabCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCode.OK;
    }
}
