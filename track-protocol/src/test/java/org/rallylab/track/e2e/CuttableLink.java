package org.rallylab.track.e2e;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import org.rallylab.domain.testing.Await;

/**
 * The firmware simulator behind a serial line that a test can unplug and plug back in while
 * the firmware keeps running: the simulator is a child process; a socat pty pair is the cable
 * (the host opens one end, this relay the other). Unplugging destroys the pty pair (the host
 * sees the port vanish) and drops whatever the firmware writes meanwhile, as a pulled USB
 * cable does; plugging in makes a new pty pair at the same path.
 */
final class CuttableLink implements AutoCloseable {

    private final Path host;
    private final Path device;
    private final Path log;
    private final Process simulator;
    private volatile OutputStream toCable;
    private volatile Process cable;
    private volatile Thread fromCable;
    private final StringBuilder dropped = new StringBuilder();

    CuttableLink(Path host, Path device, Path log, String... simArgs) throws IOException, InterruptedException {
        this.host = host;
        this.device = device;
        this.log = log;
        List<String> command = new java.util.ArrayList<>(List.of("node",
                FirmwareSimulator.firmwareDir().resolve("sim/run.mjs").toString()));
        command.addAll(List.of(simArgs));
        simulator = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Thread fromSimulator = new Thread(this::relayFromSimulator, "relay-from-simulator");
        fromSimulator.setDaemon(true);
        fromSimulator.start();
        plugIn();
    }

    synchronized void plugIn() throws IOException, InterruptedException {
        cable = FirmwareSimulator.ptyPair(host, device, log);
        toCable = new FileOutputStream(device.toFile());
        InputStream in = new FileInputStream(device.toFile());
        fromCable = new Thread(() -> relay(in, simulator.getOutputStream()), "relay-from-cable");
        fromCable.setDaemon(true);
        fromCable.start();
    }

    synchronized void unplug() throws IOException, InterruptedException {
        OutputStream out = toCable;
        toCable = null;
        if (out != null) {
            out.close();
        }
        FirmwareSimulator.stop(cable, host);
        cable = null;
    }

    private void relayFromSimulator() {
        byte[] buffer = new byte[4096];
        try (InputStream in = simulator.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                OutputStream out = toCable;
                boolean delivered = false;
                if (out != null) {
                    try {
                        out.write(buffer, 0, n);
                        out.flush();
                        delivered = true;
                    } catch (IOException unplugged) {
                        // the cable is gone: these bytes are lost, like on a real unplugged USB line
                    }
                }
                if (!delivered) {
                    synchronized (dropped) {
                        dropped.append(new String(buffer, 0, n, java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IOException simulatorGone) {
            // the simulator was stopped
        }
    }

    private static void relay(InputStream in, OutputStream out) {
        byte[] buffer = new byte[4096];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException unpluggedOrStopped) {
            // the cable was unplugged, or the simulator stopped
        }
    }

    /** Waits until the firmware has written {@code fragment} while the cable was unplugged (those bytes were lost). */
    void awaitLostOutput(String fragment) {
        Await.until("the firmware to write " + fragment + " while unplugged", () -> {
            synchronized (dropped) {
                return dropped.toString();
            }
        }, lost -> lost.contains(fragment));
    }

    @Override
    public void close() throws Exception {
        unplug();
        simulator.getOutputStream().close();
        simulator.destroy();
        simulator.waitFor();
    }
}
