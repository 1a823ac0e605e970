package org.rallylab.app.ui.dialogs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.OptionalLong;
import org.rallylab.domain.scoring.ImpossibleTimes;

/**
 * A time typed for one lane: seconds with a point or a comma ("2.853", "2,853", "2.85 s"),
 * blank or "DNF" for a car that did not finish. Rounded to the millisecond.
 */
final class TimeEntry {

    private TimeEntry() {
    }

    /** The reading of a lane's text: its time in ms, DNF, or what is wrong with it. */
    record Reading(OptionalLong ms, String problem) {
        boolean dnf() {
            return problem == null && ms.isEmpty();
        }
    }

    /**
     * Reads {@code text} typed for {@code lane}. Refused: not a number, negative, zero, and longer
     * than {@code timeoutMs} (the race timeout: such a time is no finish).
     */
    static Reading read(int lane, String text, int timeoutMs) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("dnf")) {
            return new Reading(OptionalLong.empty(), null);
        }
        if (t.endsWith("s")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        t = t.replace(',', '.');
        BigDecimal seconds;
        try {
            if (!t.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
                throw new NumberFormatException(t);
            }
            seconds = new BigDecimal(t);
        } catch (NumberFormatException e) {
            return problem("Lane " + lane + ": \"" + text.strip() + "\" is not a time. Type seconds like 2.853, "
                    + "or DNF for a car that did not finish.");
        }
        if (seconds.signum() < 0) {
            return problem("Lane " + lane + ": a time cannot be negative. Type seconds like 2.853, or DNF.");
        }
        if (seconds.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
            return problem("Lane " + lane + ": " + text.strip() + " seconds is far longer than a race. "
                    + "Times are in seconds, like 2.853; leave it blank for DNF.");
        }
        long ms = seconds.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
        if (ms <= 0) {
            return problem("Lane " + lane + ": " + ImpossibleTimes.seconds(ms) + " is no time at all. "
                    + "Type the car's time, or DNF if it did not finish.");
        }
        if (ms > timeoutMs) {
            return problem("Lane " + lane + ": " + ImpossibleTimes.seconds(ms) + " is longer than the "
                    + ImpossibleTimes.seconds(timeoutMs) + " race timeout. Times are in seconds, like 2.853; "
                    + "a car that did not finish is DNF.");
        }
        return new Reading(OptionalLong.of(ms), null);
    }

    private static Reading problem(String message) {
        return new Reading(OptionalLong.empty(), message);
    }
}
