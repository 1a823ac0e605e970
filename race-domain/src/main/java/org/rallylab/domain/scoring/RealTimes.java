package org.rallylab.domain.scoring;

/**
 * Which of a car's standings figures are measured times, for screens that must never show a
 * made-up one (the audience's). The standings score a DNF as the race timeout and a place given
 * by hand as a synthetic time; those heats are counted here instead.
 *
 * @param carNumber    the car
 * @param timedHeats   heats with a real, measured time
 * @param dnfHeats     heats the car did not finish (timed or ranked by hand)
 * @param placedByHand heats where the car was placed by hand (no time)
 * @param bestRealMs   its fastest measured time; null when it has none
 */
public record RealTimes(String carNumber, int timedHeats, int dnfHeats, int placedByHand, Long bestRealMs) {

    /** Whether the standings' average is made of measured times only (no DNF, no place by hand). */
    public boolean averageIsReal() {
        return timedHeats > 0 && dnfHeats == 0 && placedByHand == 0;
    }
}
