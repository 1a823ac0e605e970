package org.rallylab.track;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.rallylab.track.RaceOnDevice.Fate;
import org.rallylab.track.RaceOnDevice.Seen;
import org.rallylab.track.protocol.Frame;

/** What became of the heat's race over a lost connection: never a started race lost silently. */
class RaceOnDeviceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Seen ARMED = new Seen("r-7", false);
    private static final Seen STARTED = new Seen("r-7", true);

    private static JsonNode engine(String raceId) {
        return JSON.createObjectNode().put("phase", raceId == null ? "IDLE" : "RACING").put("race_id", raceId);
    }

    private static Frame.Boot boot(String reason) {
        return new Frame.Boot("rallylab-pico 0.2.0", reason, null);
    }

    @Test
    void fate_theDevicesLastRace_finished() {
        assertThat(RaceOnDevice.fate(STARTED, "r-7", engine(null), boot("watchdog"))).isEqualTo(Fate.FINISHED);
    }

    @Test
    void fate_stillTheEnginesRace_underWay() {
        assertThat(RaceOnDevice.fate(STARTED, "r-6", engine("r-7"), boot("power"))).isEqualTo(Fate.UNDER_WAY);
        assertThat(RaceOnDevice.fate(ARMED, null, engine("r-7"), boot("fault"))).isEqualTo(Fate.UNDER_WAY);
    }

    @Test
    void fate_goneAfterItsGateOpened_lostWhateverTheReason() {
        for (String reason : new String[] {"power", "reset", "fault", "watchdog", "update", "rollback"}) {
            assertThat(RaceOnDevice.fate(STARTED, null, engine(null), boot(reason))).as(reason).isEqualTo(Fate.LOST);
        }
        assertThat(RaceOnDevice.fate(STARTED, "r-6", engine(null), null)).isEqualTo(Fate.LOST);
    }

    @Test
    void fate_goneWhileOnlyArmed_armedAgainOnlyWhenTheRestartCutTheLine() {
        for (String reason : new String[] {"power", "reset", "watchdog", "fault", "update", "rollback"}) {
            assertThat(RaceOnDevice.fate(ARMED, null, engine(null), boot(reason))).as(reason).isEqualTo(Fate.ARM_AGAIN);
        }
        assertThat(RaceOnDevice.fate(ARMED, null, engine(null), boot("something new"))).as("a reason of a newer firmware")
                .isEqualTo(Fate.LOST);
        assertThat(RaceOnDevice.fate(ARMED, null, engine(null), null)).as("no boot reason").isEqualTo(Fate.LOST);
    }

    @Test
    void fate_noDbgAnswer_unknown() {
        assertThat(RaceOnDevice.fate(STARTED, null, null, boot("fault"))).isEqualTo(Fate.UNKNOWN);
    }

    @Test
    void events_armedThenStarted_seenStartedForItsLanesOnly() {
        RaceOnDevice device = new RaceOnDevice();
        device.event(event("armed", JSON.createObjectNode().put("race_id", "r-1").put("lanes", "12")));
        assertThat(device.of("12")).isEqualTo(new Seen("r-1", false));
        device.event(event("started", JSON.createObjectNode().put("race_id", "r-1").put("ms", 1_073_741_000)));
        assertThat(device.of("12")).isEqualTo(new Seen("r-1", true));
        assertThat(device.of("34")).as("another heat's lanes").isNull();
        device.event(event("completed", JSON.createObjectNode().put("race_id", "r-1")));
        assertThat(device.of("12")).isNull();
    }

    private static Frame.Event event(String name, ObjectNode fields) {
        return new Frame.Event(5, name, fields);
    }
}
