package org.rallylab.track.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MemoryPipeTest {

    @Test
    void write_bothWays_bytesArriveInOrder() throws Exception {
        MemoryPipe pipe = new MemoryPipe();
        Collector host = new Collector();
        Collector device = new Collector();
        pipe.host().open(host);
        pipe.device().write("queued before open\n".getBytes(StandardCharsets.UTF_8));
        pipe.device().open(device);
        pipe.host().write("a".getBytes(StandardCharsets.UTF_8));
        pipe.host().write("b\n".getBytes(StandardCharsets.UTF_8));
        assertThat(device.awaitText("b\n")).isEqualTo("ab\n");
        assertThat(host.awaitText("\n")).isEqualTo("queued before open\n");
    }

    @Test
    void disconnect_bothEndsToldOnce_writesFail() throws Exception {
        MemoryPipe pipe = new MemoryPipe();
        Collector host = new Collector();
        Collector device = new Collector();
        pipe.host().open(host);
        pipe.device().open(device);
        pipe.disconnect("unplugged");
        pipe.disconnect("again");
        pipe.host().close();
        assertThat(host.awaitDisconnect()).isEqualTo("unplugged");
        assertThat(device.awaitDisconnect()).isEqualTo("unplugged");
        assertThatThrownBy(() -> pipe.host().write(new byte[] {1})).isInstanceOf(IOException.class);
        assertThat(host.disconnects()).hasSize(1);
    }

    @Test
    void close_hostEnd_deviceEndToldTheOtherEndClosed() throws Exception {
        MemoryPipe pipe = new MemoryPipe();
        Collector host = new Collector();
        Collector device = new Collector();
        pipe.host().open(host);
        pipe.device().open(device);
        pipe.host().close();
        assertThat(host.awaitDisconnect()).isEqualTo("closed by RallyLab");
        assertThat(device.awaitDisconnect()).isEqualTo("the other end closed the connection");
    }
}
