package org.rallylab.domain.event;

import java.util.Objects;

/**
 * An event of a type this version does not know (written by a newer version or another app).
 * It is kept in the log and exported unchanged, and the fold ignores it. All keys besides
 * {@code type} and {@code timestamp} are in {@code extras}; {@code rallyId}/{@code sectionId}
 * are read from them when present as strings.
 */
public record UnrecognizedEvent(String type, long timestamp, String rallyId, String sectionId,
                                Extras extras) implements DomainEvent {
    public UnrecognizedEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(extras, "extras");
    }
}
