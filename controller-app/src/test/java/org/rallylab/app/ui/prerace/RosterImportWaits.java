package org.rallylab.app.ui.prerace;

import java.util.concurrent.Callable;
import org.rallylab.domain.testing.Await;

/**
 * Waiting in the roster import tests, where the file is read off the JavaFX thread: until a
 * positive signal (a window shows, a notice arrives), never for a fixed time, with {@link Await}'s
 * one timeout, which only ends a test that would otherwise hang.
 */
final class RosterImportWaits {

    private RosterImportWaits() {
    }

    /** Returns as soon as {@code condition} holds; fails naming {@code what} when it never does. */
    static void until(String what, Callable<Boolean> condition) {
        Await.until(what, condition);
    }
}
