package org.rallylab.domain.event;

import java.util.Objects;

/** A car in a lane as written in HeatStaged and ResultCorrected; {@code name} may be absent (null). */
public record LaneCar(int lane, String carNumber, String name, Extras extras) {
    public LaneCar {
        Objects.requireNonNull(carNumber, "carNumber");
        Objects.requireNonNull(extras, "extras");
    }

    public LaneCar(int lane, String carNumber, String name) {
        this(lane, carNumber, name, Extras.NONE);
    }
}
