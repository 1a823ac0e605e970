package org.rallylab.app.cli;

/** The user's input cannot be used; the message says what is wrong. Exit code 3. */
final class InvalidInput extends RuntimeException {
    InvalidInput(String message) {
        super(message, null, false, false);
    }
}
