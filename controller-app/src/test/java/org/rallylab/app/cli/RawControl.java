package org.rallylab.app.cli;

import org.rallylab.domain.event.EventLimits;

/** Finds control characters that reached the output raw, as a terminal would get them. */
final class RawControl {

    private RawControl() {
    }

    /**
     * Fails when {@code output} holds a control character ({@link EventLimits#isControl}) other
     * than a line ending ({@code \n} or {@code \r\n}). The message names it by code point, so a
     * failing test does not put it on the terminal either.
     */
    static void assertNone(String output) {
        for (int i = 0; i < output.length(); i++) {
            char c = output.charAt(i);
            boolean lineEnding = c == '\n' || (c == '\r' && i + 1 < output.length() && output.charAt(i + 1) == '\n');
            if (EventLimits.isControl(c) && !lineEnding) {
                throw new AssertionError(String.format("raw control character U+%04X at index %d of %d characters "
                        + "of output", (int) c, i, output.length()));
            }
        }
    }

    /** {@link #assertNone} for both streams of a run. */
    static void assertNone(Cli cli) {
        assertNone(cli.out());
        assertNone(cli.err());
    }
}
