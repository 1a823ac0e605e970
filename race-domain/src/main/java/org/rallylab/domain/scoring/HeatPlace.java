package org.rallylab.domain.scoring;

/**
 * One car's finish in one heat, as the results screen shows it. {@code timeMs} is null for a
 * DNF and for a heat ranked by hand. {@code impossible}: an accepted time that
 * {@link ImpossibleTimes} flags (0 ms, under the minimum, or over the race timeout).
 */
public record HeatPlace(int place, int lane, String carNumber, String name, Long timeMs, boolean dnf,
                        boolean impossible) {
}
