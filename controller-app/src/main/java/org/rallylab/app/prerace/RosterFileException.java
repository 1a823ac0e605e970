package org.rallylab.app.prerace;

/**
 * A roster file that cannot be imported. The message names the file and says what to do; it
 * is meant for the person importing, as it is.
 */
public final class RosterFileException extends Exception {

    private static final long serialVersionUID = 1L;

    RosterFileException(String message) {
        super(message);
    }

    RosterFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
