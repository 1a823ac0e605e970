package org.rallylab.app.cli;

import java.io.PrintWriter;
import org.rallylab.store.InvalidInputException;
import org.rallylab.store.RallyFileException;
import picocli.CommandLine;

/**
 * The {@code rallylab} command line. Exit codes: 0 done, 1 could not be done (file busy,
 * disk error), 2 usage error, 3 invalid input (nothing was written).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the command line with these streams and returns the exit code (for tests and the app).
     * Both streams are written through an {@link EscapingWriter}, so nothing any command prints
     * (names, file names, echoed arguments, picocli's texts, the store's messages) puts a raw
     * control character on the terminal; the usage help is plain text, without ANSI colours.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        PrintWriter safeOut = escaping(out);
        PrintWriter safeErr = escaping(err);
        CommandLine cli = new CommandLine(new RallyLabCommand());
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cli.setOut(safeOut);
        cli.setErr(safeErr);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("rallylab: " + message(e));
            commandLine.getErr().flush();
            return exitCode(e);
        });
        int code = cli.execute(args);
        safeOut.flush();
        safeErr.flush();
        return code;
    }

    /** {@code target} behind an {@link EscapingWriter}, flushed at every line as {@link #main} does. */
    private static PrintWriter escaping(PrintWriter target) {
        return new PrintWriter(new EscapingWriter(target), true);
    }

    static int exitCode(Exception e) {
        if (e instanceof InvalidInput || e instanceof InvalidInputException) {
            return ExitCode.INVALID_INPUT;
        }
        if (e instanceof RallyFileException r) {
            return switch (r.reason()) {
                case LOCKED, IO, DISK_FULL -> ExitCode.FAILED;
                default -> ExitCode.INVALID_INPUT;
            };
        }
        return ExitCode.FAILED;
    }

    private static String message(Exception e) {
        if (e instanceof InvalidInput || e instanceof InvalidInputException || e instanceof RallyFileException
                || e instanceof java.io.IOException) {
            return e.getMessage(); // said in words already: a disk, a stick or a folder that refused
        }
        return "unexpected error (" + e.getClass().getSimpleName() + "): " + e.getMessage()
                + ". Nothing was lost: every recorded event is in the rally file.";
    }
}
