package org.rallylab.domain.scoring;

/** A place in words as a race official says it: 1st, 2nd, 3rd, 4th, 11th, 21st, 112th. */
public final class Ordinal {

    private Ordinal() {
    }

    /** {@code place} with its English suffix ("1st", "12th", "23rd"). */
    public static String of(int place) {
        int lastTwo = Math.abs(place % 100);
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch (lastTwo % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return place + suffix;
    }
}
