package org.rallylab.app.ui.prerace;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Waiting in the roster import tests, where the file is read off the JavaFX thread: until a
 * positive signal (a window shows, a notice arrives), never for a fixed time. The limit only
 * ends a test that would otherwise hang.
 */
final class RosterImportWaits {

    private RosterImportWaits() {
    }

    /** Returns as soon as {@code condition} holds; fails naming {@code what} when it never does. */
    static void until(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("never happened: " + what, e);
        }
    }
}
