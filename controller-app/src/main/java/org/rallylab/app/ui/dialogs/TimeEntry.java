package org.rallylab.app.ui.dialogs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * A time typed for one lane: seconds with a point or a comma ("2.853", "2,853", "2.85 s"),
 * blank or "DNF" for a car that did not finish. Rounded to the millisecond. Only the reading is
 * decided here; whether the time can be real is the race rules' question.
 */
final class TimeEntry {

    /** Any number of seconds reads as at most this many ms (the rules refuse it as beyond any race). */
    private static final BigDecimal MOST_MS = BigDecimal.valueOf(Long.MAX_VALUE);

    private TimeEntry() {
    }

    /** The reading of a lane's text: its time in ms, DNF, or why it is not a time. */
    record Reading(OptionalLong ms, String problem) {
        boolean dnf() {
            return problem == null && ms.isEmpty();
        }
    }

    /** Reads {@code text} typed for {@code lane}. Not a time: a word, or a negative number. */
    static Reading read(int lane, String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("dnf")) {
            return new Reading(OptionalLong.empty(), null);
        }
        if (t.endsWith("s")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        t = t.replace(',', '.');
        if (!t.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            return problem("Lane " + lane + ": \"" + text.strip() + "\" is not a time. Type seconds like 2.853, "
                    + "or DNF for a car that did not finish.");
        }
        BigDecimal seconds = new BigDecimal(t);
        if (seconds.signum() < 0) {
            return problem("Lane " + lane + ": a time cannot be negative. Type seconds like 2.853, or DNF.");
        }
        long ms = seconds.movePointRight(3).setScale(0, RoundingMode.HALF_UP).min(MOST_MS).longValueExact();
        return new Reading(OptionalLong.of(ms), null);
    }

    private static Reading problem(String message) {
        return new Reading(OptionalLong.empty(), message);
    }
}
