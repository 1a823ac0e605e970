package org.rallylab.domain.event;

import java.util.List;
import java.util.Objects;

/**
 * These cars go in these lanes next. {@code catchUp}: a solo heat for a late car (wire
 * {@code catch_up}, written only when true). {@code dnfRerun} (our extension, wire
 * {@code dnf_rerun}, see docs/event-extensions.md): only the listed lanes, which were DNF in
 * the heat's accepted result, race again; the heat's other lanes keep their times.
 */
public record HeatStaged(long timestamp, String rallyId, String sectionId, int heat, List<LaneCar> lanes,
                         boolean catchUp, boolean dnfRerun, Extras extras) implements DomainEvent {
    public static final String TYPE = "HeatStaged";

    public HeatStaged {
        Objects.requireNonNull(rallyId, "rallyId");
        Objects.requireNonNull(sectionId, "sectionId");
        lanes = List.copyOf(lanes);
        Objects.requireNonNull(extras, "extras");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
