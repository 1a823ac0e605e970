package org.rallylab.app.ui.dialogs;

/** A place in a heat as the operator picks it: 1st, 2nd, ... or DNF ({@code number} 0). */
record Place(int number) {

    static final Place DNF = new Place(0);

    boolean dnf() {
        return number == 0;
    }

    /** "1st", "2nd", "3rd", "4th", ... or "DNF". */
    String text() {
        return dnf() ? "DNF" : ordinal(number);
    }

    static String ordinal(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
