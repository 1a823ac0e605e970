package org.rallylab.domain.command;

/** Thrown by a guard inside the rules and turned into {@link Decision.Rejected} at the edge. */
final class Rejection extends RuntimeException {
    Rejection(String message) {
        super(message, null, false, false);
    }
}
