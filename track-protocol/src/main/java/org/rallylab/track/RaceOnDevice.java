package org.rallylab.track;

import com.fasterxml.jackson.databind.JsonNode;
import org.rallylab.track.protocol.Frame;

/**
 * The race the device has under way, as its {@code race} and {@code engine} topics tell it on the
 * live connection: its id, its lanes, and whether its gate opened ({@code started}). And what
 * became of such a race when the connection ended and the device may have restarted meanwhile
 * ({@link #fate}). Event thread only.
 */
final class RaceOnDevice {

    /** A race the device had for a heat: its id, and whether its gate had opened. */
    record Seen(String raceId, boolean started) {
    }

    /** What became of a {@link Seen} race by the next connection. */
    enum Fate {
        /** It is the device's last race: the wait gets it. */
        FINISHED,
        /** Still armed or running: the wait joins it (or arms again after the reset). */
        UNDER_WAY,
        /** The device does not say ({@code dbg} refused): waited for as any race. */
        UNKNOWN,
        /** Gone, but it was only armed and the restart is what cut the line: armed again. */
        ARM_AGAIN,
        /** Gone with the times of a run, or possibly: the heat must be run again. */
        LOST
    }

    private String raceId;
    private String lanes;
    private boolean started;

    /** An event of the {@code race} or {@code engine} topic. */
    void event(Frame.Event event) {
        switch (event.name()) {
            case "armed" -> {
                raceId = event.text("race_id");
                lanes = event.text("lanes");
                started = false;
            }
            case "started" -> {
                String id = event.text("race_id");
                if (id != null && !id.equals(raceId)) {
                    raceId = id; // joined while it ran: its armed event came before we listened
                    lanes = null;
                }
                started = true;
            }
            case "completed" -> forget();
            case "phase" -> {
                if ("IDLE".equals(event.text("phase"))) {
                    forget();
                }
            }
            default -> {
            }
        }
    }

    /** The id of the race under way, or null. */
    String raceId() {
        return raceId;
    }

    /** The race under way when it runs {@code heatLanes} (or its lanes are unknown), else null. */
    Seen of(String heatLanes) {
        if (raceId == null || (lanes != null && !lanes.equals(heatLanes))) {
            return null;
        }
        return new Seen(raceId, started);
    }

    /** The connection ended: what it told is no longer known. */
    void forget() {
        raceId = null;
        lanes = null;
        started = false;
    }

    /**
     * What became of {@code before}, a race the last connection left under way, from the new
     * connection's {@code state} ({@code lastRaceId}), {@code dbg} ({@code engine}, null when
     * refused) and {@code info} ({@code boot}, null when absent). Nothing but a restart takes an
     * armed or running race from the device (a running one ends as the last race), so a race that
     * is neither the last nor under way went with a restart. Its times are lost if it had started.
     * If it was only armed, the gate may still have opened unseen, unless the restart is what cut
     * the line (every restart of this firmware resets the chip: the port went at that instant, so
     * the host saw everything before it); after a restart that kept the line up the host was away
     * for another reason while the device ran on.
     */
    static Fate fate(Seen before, String lastRaceId, JsonNode engine, Frame.Boot boot) {
        if (before.raceId().equals(lastRaceId)) {
            return Fate.FINISHED;
        }
        if (engine == null || !engine.isObject()) {
            return Fate.UNKNOWN;
        }
        if (before.raceId().equals(engine.path("race_id").asText(null))) {
            return Fate.UNDER_WAY;
        }
        return !before.started() && boot != null && boot.cutsTheLine() ? Fate.ARM_AGAIN : Fate.LOST;
    }
}
