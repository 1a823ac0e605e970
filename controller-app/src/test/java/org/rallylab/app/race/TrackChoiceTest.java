package org.rallylab.app.race;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.rallylab.track.PicoTrack;
import org.rallylab.track.SimulatedTrack;
import org.rallylab.track.Track;
import org.rallylab.track.transport.SerialTransport.PortInfo;

class TrackChoiceTest {

    private static final PortInfo PICO = new PortInfo("/dev/ttyACM0", "Raspberry Pi Pico on /dev/ttyACM0",
            0x2E8A, 5, true);
    private static final PortInfo MODEM = new PortInfo("/dev/ttyS0", "Serial port on /dev/ttyS0", -1, -1, false);
    private static final Supplier<List<PortInfo>> NO_PORTS = () -> {
        throw new AssertionError("the ports should not be listed");
    };

    @Test
    void parse_sim_simulatedTrack() {
        TrackChoice choice = TrackChoice.parse("sim", NO_PORTS);
        assertThat(choice.kind()).isEqualTo(TrackChoice.Kind.SIMULATED);
        Track track = choice.open(() -> SimulatedTrack.builder().lanes(6).build()).orElseThrow();
        try {
            assertThat(track).isInstanceOf(SimulatedTrack.class);
            assertThat(track.laneCount()).isEqualTo(6);
        } finally {
            track.close();
        }
    }

    @Test
    void parse_portPath_serialPico() {
        TrackChoice choice = TrackChoice.parse("/dev/ttyACM1", NO_PORTS);
        assertThat(choice).isEqualTo(new TrackChoice(TrackChoice.Kind.SERIAL, "/dev/ttyACM1", null));
        assertThat(TrackChoice.parse("COM3", NO_PORTS).port()).isEqualTo("COM3");
        assertThat(choice.describe()).contains("/dev/ttyACM1");
        Track track = choice.open(() -> null).orElseThrow();
        assertThat(track).isInstanceOf(PicoTrack.class);
        track.close();
    }

    @Test
    void parse_listedPortWithoutAPath_accepted() {
        PortInfo odd = new PortInfo("ttyUSB0", "USB serial", 1, 2, false);
        assertThat(TrackChoice.parse("ttyUSB0", () -> List.of(odd)).port()).isEqualTo("ttyUSB0");
    }

    @Test
    void parse_cmd_splitLikeAShell() {
        TrackChoice choice = TrackChoice.parse("cmd:node 'pico firmware/sim/run.mjs' --auto \"1 2\" a\\ b", NO_PORTS);
        assertThat(choice.kind()).isEqualTo(TrackChoice.Kind.PROCESS);
        assertThat(choice.command()).containsExactly("node", "pico firmware/sim/run.mjs", "--auto", "1 2", "a b");
        assertThat(TrackChoice.parse("cmd:C:\\tools\\sim.exe --fast", NO_PORTS).command())
                .containsExactly("C:\\tools\\sim.exe", "--fast");
        assertThat(TrackChoice.parse("cmd:say \"a \\\"quoted\\\" word\"", NO_PORTS).command())
                .containsExactly("say", "a \"quoted\" word");
    }

    @Test
    void parse_badValues_messagesSayWhatWouldDo() {
        assertThatThrownBy(() -> TrackChoice.parse("  ", NO_PORTS)).hasMessageContaining("sim, a serial port");
        assertThatThrownBy(() -> TrackChoice.parse("cmd:", NO_PORTS)).hasMessageContaining("needs a command");
        assertThatThrownBy(() -> TrackChoice.parse("cmd:node 'run.mjs", NO_PORTS))
                .hasMessageContaining("single quote at character 6").hasMessageContaining("never closed");
        assertThatThrownBy(() -> TrackChoice.parse("simm", () -> List.of(PICO, MODEM)))
                .hasMessageContaining("--track simm is not sim, cmd:COMMAND or a serial port")
                .hasMessageContaining("Raspberry Pi Pico on /dev/ttyACM0");
        assertThatThrownBy(() -> TrackChoice.parse("simm", List::of)).hasMessageContaining("no serial port was found");
    }

    @Test
    void parse_noOption_firstLikelyPicoElseManual() {
        assertThat(TrackChoice.parse(null, () -> List.of(MODEM, PICO)))
                .isEqualTo(new TrackChoice(TrackChoice.Kind.SERIAL, "/dev/ttyACM0", null));
        TrackChoice none = TrackChoice.parse(null, () -> List.of(MODEM));
        assertThat(none.kind()).isEqualTo(TrackChoice.Kind.NONE);
        assertThat(none.open(() -> null)).isEmpty();
        assertThat(none.describe()).contains("manual mode");
    }
}
