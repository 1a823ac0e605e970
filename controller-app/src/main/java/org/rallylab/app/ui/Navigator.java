package org.rallylab.app.ui;

/** The operator window's screens. Each call replaces the screen shown; all on the JavaFX thread. */
public interface Navigator {

    /** Rally home: every section with its counts, status and actions. */
    void home();

    /** The pre-race editor: rally details, sections, participants, roster import, load for race day. */
    void editRally();

    /** Check-in of a section. */
    void checkIn(String sectionId);

    /** Choose lanes and see the schedule's figures, then start the section. */
    void startSection(String sectionId);

    /** The live console of the racing section (home when none is racing). */
    void console();

    /** A completed section's final standings with the audience reveal. */
    void sectionComplete(String sectionId);

    /** The event inspector. */
    void inspector();

    /** The help screen listing every keyboard shortcut. */
    void help();

    /** Closes the rally and shows the start screen. */
    void closeRally();

    /** Shows the audience window, or hides it when it is showing. */
    void toggleAudience();

    /** Makes the audience window full screen (or back to a window) on the monitor it is on. */
    void audienceFullScreen();
}
