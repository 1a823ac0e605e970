package org.rallylab.app.cli;

/** Exit codes of the command line. */
final class ExitCode {
    /** Done. */
    static final int OK = 0;
    /** Could not be done for a reason outside the input (the rally file is open elsewhere, a disk error). */
    static final int FAILED = 1;
    /** The command line itself is wrong (unknown option, missing argument). */
    static final int USAGE = 2;
    /** The input is invalid (a malformed log, an unknown section, a file that is not a rally file). Nothing was written. */
    static final int INVALID_INPUT = 3;

    private ExitCode() {
    }
}
