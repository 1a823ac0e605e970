package org.rallylab.track.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.domain.testing.Await;
import org.rallylab.track.protocol.ProtocolClient;

class SerialTransportTest {

    @TempDir
    Path dir;

    private SocatPair socat;
    private SerialTransport host;
    private SerialTransport device;

    @BeforeEach
    void startSocat() throws Exception {
        socat = SocatPair.start(dir);
        host = new SerialTransport(socat.a.toString());
        device = new SerialTransport(socat.b.toString());
    }

    @AfterEach
    void stop() throws Exception {
        host.close();
        device.close();
        socat.close();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void write_bothWays_bytesArrive() throws Exception {
        Collector atHost = new Collector();
        Collector atDevice = new Collector();
        host.open(atHost);
        device.open(atDevice);

        host.write(bytes("{\"id\":1,\"cmd\":\"info\"}\n"));
        assertThat(atDevice.awaitText("\n")).isEqualTo("{\"id\":1,\"cmd\":\"info\"}\n");
        device.write(bytes("{\"id\":1,\"ok\":{\"protocol\":\"2.0\"}}\r\n"));
        assertThat(atHost.awaitText("\r\n")).isEqualTo("{\"id\":1,\"ok\":{\"protocol\":\"2.0\"}}\r\n");
    }

    @Test
    void write_manyLines_allArriveInOrder() throws Exception {
        Collector atDevice = new Collector();
        host.open(new Collector());
        device.open(atDevice);
        StringBuilder expected = new StringBuilder();
        for (int i = 1; i <= 200; i++) {
            String line = "{\"id\":" + i + ",\"cmd\":\"gate\"}\n";
            expected.append(line);
            host.write(bytes(line));
        }
        assertThat(atDevice.awaitText("{\"id\":200,\"cmd\":\"gate\"}\n")).isEqualTo(expected.toString());
    }

    @Test
    void client_answerSplitAcrossReads_assembledIntoOneLine() throws Exception {
        CountDownLatch firstHalfRead = new CountDownLatch(1);
        Transport counting = new Transport() {
            @Override
            public void open(Listener listener) throws IOException {
                host.open(new Listener() {
                    @Override
                    public void received(byte[] chunk) {
                        listener.received(chunk);
                        firstHalfRead.countDown();
                    }

                    @Override
                    public void disconnected(String reason) {
                        listener.disconnected(reason);
                    }
                });
            }

            @Override
            public void write(byte[] b) throws IOException {
                host.write(b);
            }

            @Override
            public void close() {
                host.close();
            }

            @Override
            public String description() {
                return host.description();
            }
        };
        Collector atDevice = new Collector();
        device.open(atDevice);
        try (ProtocolClient client = new ProtocolClient(counting)) {
            client.open();
            CompletableFuture<JsonNode> info = client.request("info").result();
            atDevice.awaitText("\n");

            device.write(bytes("{\"id\":1,\"ok\":{\"proto"));
            assertThat(firstHalfRead.await(Await.timeout().toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(info).isNotDone();
            device.write(bytes("col\":\"2.0\"}}\n"));

            assertThat(info).succeedsWithin(Await.timeout())
                    .satisfies(ok -> assertThat(ok.get("protocol").asText()).isEqualTo("2.0"));
        }
    }

    @Test
    void otherEndGone_reportedAsOneDisconnect() throws Exception {
        Collector atHost = new Collector();
        host.open(atHost);
        socat.kill();
        assertThat(atHost.awaitDisconnect()).contains("serial port " + socat.a);
        host.close();
        assertThat(atHost.disconnects()).hasSize(1);
        assertThatThrownBy(() -> host.write(bytes("x\n"))).isInstanceOf(IOException.class);
    }

    @Test
    void close_reportsClosedOnce() throws Exception {
        Collector atHost = new Collector();
        host.open(atHost);
        host.close();
        assertThat(atHost.awaitDisconnect()).isEqualTo("closed by RallyLab");
        host.close();
        assertThat(atHost.disconnects()).hasSize(1);
    }

    @Test
    void open_missingPort_failsSayingSo() {
        SerialTransport missing = new SerialTransport(dir.resolve("nothing-here").toString());
        assertThatThrownBy(() -> missing.open(new Collector()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("nothing-here")
                .hasMessageContaining("does not exist");
    }

    @Test
    void listPorts_onThisMachine_doesNotFail() {
        assertThat(SerialTransport.listPorts()).allSatisfy(p -> assertThat(p.description()).contains(p.path()));
    }

    @Test
    void ordered_likelyPicosFirstThenUsbThenTheRest() {
        var ttyS0 = new SerialTransport.PortInfo("/dev/ttyS0", "serial port /dev/ttyS0", -1, -1, false);
        var ftdi = new SerialTransport.PortInfo("/dev/ttyUSB0", "USB serial device FT232R (USB 0403:6001) on /dev/ttyUSB0",
                0x0403, 0x6001, false);
        var pico = new SerialTransport.PortInfo("/dev/ttyACM1", "Raspberry Pi Pico on /dev/ttyACM1", 0x2E8A, 5, true);
        assertThat(SerialTransport.ordered(List.of(ttyS0, ftdi, pico))).containsExactly(pico, ftdi, ttyS0);
    }

    @Test
    void settings_impossibleParity_rejected() {
        assertThatThrownBy(() -> new SerialTransport.Settings(9600, 8, 1, 'X'))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parity 'X'");
    }
}
