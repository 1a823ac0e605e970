package org.rallylab.app.ui.dialogs;

import org.rallylab.domain.scoring.Ordinal;

/** A place in a heat as the operator picks it: 1st, 2nd, ... or DNF ({@code number} 0). */
record Place(int number) {

    static final Place DNF = new Place(0);

    boolean dnf() {
        return number == 0;
    }

    /** "1st", "2nd", "3rd", "4th", ... or "DNF". */
    String text() {
        return dnf() ? "DNF" : Ordinal.of(number);
    }
}
