package org.rallylab.track;

import org.rallylab.track.protocol.ProtocolClient;

/** One connection attempt to a Pico, or the live connection; what its {@code info} said. Event thread only. */
final class PicoLink {

    final ProtocolClient client;
    final String where;
    boolean ready;
    int laneCount;
    String firmware;
    Integer raceTimeoutMs;

    PicoLink(ProtocolClient client, String where) {
        this.client = client;
        this.where = where;
    }
}
