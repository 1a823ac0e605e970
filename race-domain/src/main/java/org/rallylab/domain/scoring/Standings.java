package org.rallylab.domain.scoring;

import java.util.List;

/**
 * A section's standings, best first: complete cars, then incomplete ones. {@code earlyEnd}: the
 * operator ended the section early, so surviving cars were ranked together whatever heats they ran.
 */
public record Standings(String sectionId, String sectionName, boolean earlyEnd, List<StandingsEntry> entries) {
    public Standings {
        entries = List.copyOf(entries);
    }
}
