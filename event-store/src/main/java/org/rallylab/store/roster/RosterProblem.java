package org.rallylab.store.roster;

/**
 * A problem found in a roster package, worded for a volunteer: where it is (a path like
 * {@code sections[2].participants[5] ("Ava Chen")}) and what is wrong. Internal to this package;
 * the public methods turn it into the exception their callers expect.
 */
final class RosterProblem extends Exception {

    RosterProblem(String message) {
        super(message, null, false, false);
    }

    RosterProblem(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    /** "{@code <where>: <problem>}", or just the problem when {@code where} is empty (the whole package). */
    static RosterProblem at(String where, String problem) {
        return new RosterProblem(where.isEmpty() ? problem : where + ": " + problem);
    }

    /** A path step naming the item, like {@code sections[2] ("Kub Kars")}; the name only when it is known. */
    static String item(String list, int index, String name) {
        String step = list + "[" + index + "]";
        return name == null || name.isBlank() ? step : step + " (\"" + name + "\")";
    }
}
