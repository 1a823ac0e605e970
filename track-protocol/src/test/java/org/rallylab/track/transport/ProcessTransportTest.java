package org.rallylab.track.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rallylab.domain.testing.Await;
import org.rallylab.track.protocol.RecordingLogger;

class ProcessTransportTest {

    @Test
    void write_cat_echoedBack() throws Exception {
        ProcessTransport cat = new ProcessTransport(List.of("cat"));
        Collector collector = new Collector();
        cat.open(collector);
        cat.write("{\"id\":1,\"cmd\":\"info\"}\n".getBytes(StandardCharsets.UTF_8));
        cat.write("{\"id\":2,".getBytes(StandardCharsets.UTF_8));
        cat.write("\"cmd\":\"gate\"}\n".getBytes(StandardCharsets.UTF_8));
        assertThat(collector.awaitText("\"gate\"}\n")).isEqualTo("{\"id\":1,\"cmd\":\"info\"}\n{\"id\":2,\"cmd\":\"gate\"}\n");
        cat.close();
        assertThat(collector.awaitDisconnect()).isEqualTo("closed by RallyLab");
        assertThat(collector.disconnects()).hasSize(1);
    }

    @Test
    void processExits_disconnectNamesTheExitCode_stderrLogged() throws Exception {
        RecordingLogger log = new RecordingLogger();
        ProcessTransport script = new ProcessTransport(
                List.of("sh", "-c", "echo '{\"id\":1,\"ok\":{}}'; echo 'sim: starting' >&2; exit 3"), null, log);
        Collector collector = new Collector();
        script.open(collector);
        assertThat(collector.awaitDisconnect()).contains("exited with code 3");
        assertThat(collector.text()).isEqualTo("{\"id\":1,\"ok\":{}}\n");
        Await.untilAsserted("the script's stderr logged",
                () -> assertThat(log.messages(System.Logger.Level.INFO)).containsExactly("[sh] sim: starting"));
        assertThatThrownBy(() -> script.write(new byte[] {'x'})).isInstanceOf(IOException.class);
    }

    @Test
    void open_missingProgram_failsNamingIt() {
        ProcessTransport missing = new ProcessTransport(List.of("no-such-program-rallylab"));
        assertThatThrownBy(() -> missing.open(new Collector()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("could not start process 'no-such-program-rallylab'");
    }

    @Test
    void constructor_emptyCommand_rejected() {
        assertThatThrownBy(() -> new ProcessTransport(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
