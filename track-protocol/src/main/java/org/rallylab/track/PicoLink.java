package org.rallylab.track;

import org.rallylab.track.protocol.Frame;
import org.rallylab.track.protocol.ProtocolClient;

/**
 * One connection attempt to a Pico, or the live connection; what its {@code info} said. A device
 * that restarts makes a new one on the same client. Event thread only.
 */
final class PicoLink {

    final ProtocolClient client;
    final String where;
    boolean ready;
    int laneCount;
    String firmware;
    Integer raceTimeoutMs;
    /** Why the device last started, from {@code info} (null when it did not say). */
    Frame.Boot boot;

    PicoLink(ProtocolClient client, String where) {
        this.client = client;
        this.where = where;
    }
}
