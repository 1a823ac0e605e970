package org.rallylab.domain.state;

/** Where a section stands on race day (docs/race-rules.md), as the command line prints it. */
public enum SectionPhase {
    IDLE("idle"),
    RALLY_LOADED("rally-loaded"),
    CHECK_IN("check-in"),
    RACING("racing"),
    SECTION_COMPLETE("section-complete");

    private final String label;

    SectionPhase(String label) {
        this.label = label;
    }

    /** The lower-case name used on the command line and in JSON. */
    public String label() {
        return label;
    }
}
