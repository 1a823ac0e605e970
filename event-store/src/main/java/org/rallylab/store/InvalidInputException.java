package org.rallylab.store;

import java.nio.file.Path;

/**
 * A file offered for import is not a valid event log. The message names the file, the line and
 * the problem, like {@code events.jsonl line 7: RaceCompleted: "heat" must be a whole number,
 * got "abc"}. Nothing was created.
 */
public final class InvalidInputException extends Exception {

    private final transient Path file;
    private final long line;

    InvalidInputException(Path file, long line, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.line = line;
    }

    /** A problem on one line: the message is "{@code <file> line <n>: <problem>}". */
    static InvalidInputException atLine(Path file, long line, String problem) {
        return new InvalidInputException(file, line, name(file) + " line " + line + ": " + problem, null);
    }

    /** A problem of the whole file (line 0): the message is "{@code <file>: <problem>}". */
    static InvalidInputException ofFile(Path file, String problem, Throwable cause) {
        return new InvalidInputException(file, 0, name(file) + ": " + problem, cause);
    }

    /**
     * A refused file from outside this package (a roster package, a backup): the message is
     * "{@code <file>: <problem>}", or just the problem when {@code file} is null (text that came
     * from no file).
     */
    public static InvalidInputException refused(Path file, String problem, Throwable cause) {
        return file == null ? new InvalidInputException(null, 0, problem, cause) : ofFile(file, problem, cause);
    }

    static String name(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    public Path file() {
        return file;
    }

    /** The line (counted from 1) the problem is on, or 0 when it concerns the whole file. */
    public long line() {
        return line;
    }
}
