package org.rallylab.domain.event;

import java.util.Objects;

/** One line of a heat ranked by eye: the car in {@code lane} finished in {@code place} (1 = first). */
public record Ranking(int place, int lane, String carNumber, Extras extras) {
    public Ranking {
        Objects.requireNonNull(carNumber, "carNumber");
        Objects.requireNonNull(extras, "extras");
    }

    public Ranking(int place, int lane, String carNumber) {
        this(place, lane, carNumber, Extras.NONE);
    }
}
