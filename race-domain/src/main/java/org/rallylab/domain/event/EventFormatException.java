package org.rallylab.domain.event;

/**
 * A JSON text is not a valid event. The message names the event type, the field and the bad
 * value, in words an operator can act on.
 */
public final class EventFormatException extends Exception {
    public EventFormatException(String message) {
        super(message);
    }

    public EventFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
