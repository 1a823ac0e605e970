package org.rallylab.track;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the operator's track display shows.
 *
 * @param connected      the timer is connected and ready to race
 * @param gateReady      the start gate is closed and ready; null when unknown
 * @param lanesTriggered each lane's finish sensor: true while a car is over it; empty when unknown
 * @param phase          IDLE, ARMED or RACING; null when unknown
 * @param message        what the operator should know ("Connected to the track on serial port
 *                       /dev/ttyACM0.", why it is not connected, what to do)
 * @param device         what is (or, while disconnected, was last) connected ("RallyLab Pico, firmware
 *                       rallylab-pico 0.1.0, 4 lanes"), or null when nothing has been yet
 */
public record TrackStatus(boolean connected, Boolean gateReady, SortedMap<Integer, Boolean> lanesTriggered,
                          String phase, String message, String device) {

    public TrackStatus {
        lanesTriggered = lanesTriggered == null ? Collections.emptySortedMap()
                : Collections.unmodifiableSortedMap(new TreeMap<>((Map<Integer, Boolean>) lanesTriggered));
    }

    static TrackStatus disconnected(String message) {
        return new TrackStatus(false, null, null, null, message, null);
    }
}
