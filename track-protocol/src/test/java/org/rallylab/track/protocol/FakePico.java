package org.rallylab.track.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.rallylab.domain.testing.Await;
import org.rallylab.track.transport.MemoryPipe;
import org.rallylab.track.transport.Transport;

/**
 * A test double of the Pico speaking protocol 2.0 over in-memory pipes, with the race engine's
 * rules of docs/track-protocol.md (wait_race with after, joining, cancel disarming, reset), and
 * controls for the test: drop the gate, finish lanes, unplug and plug in, restart. The device
 * outlives connections, as the real one outlives a USB cable; a restart forgets everything but
 * the gate, as the real one does, and announces itself with a {@code boot} line, written at once
 * on a live link and otherwise first on the next one (the real device queues it until the host
 * opens the port). Lines end CR LF, as the firmware writes them.
 */
public final class FakePico {

    public static final List<String> TOPICS = List.of("gate", "lanes", "edges", "race", "engine", "learn");

    private final int laneCount;
    private final Map<String, Function<ObjectNode, String>> overrides = new ConcurrentHashMap<>();
    private final long startNanos = System.nanoTime();

    // Guarded by this.
    private String protocol = "2.0";
    private boolean plugged = true;
    private int connections;
    private Session session;
    private final List<ObjectNode> received = new ArrayList<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private String phase = "IDLE";
    private String raceId;
    private String armedLanes;
    private final Map<Integer, Long> finishUs = new TreeMap<>();
    private ObjectNode lastRace;
    private boolean gateReady = true;
    private long nextSub = 1;
    private ObjectNode boot = bootObject("power", null);
    private boolean bootUnsent;

    public FakePico(int laneCount) {
        this.laneCount = laneCount;
    }

    /** A new link per connection attempt; while unplugged, opening fails as a missing port does. */
    public Supplier<Transport> transports() {
        return () -> {
            synchronized (this) {
                connections++;
                notifyAll();
                if (!plugged) {
                    return new Missing();
                }
                MemoryPipe pipe = new MemoryPipe("fake pico");
                attach(pipe);
                return pipe.host();
            }
        };
    }

    public synchronized void protocol(String protocol) {
        this.protocol = protocol;
    }

    /** Answers {@code cmd} with {@code handler}'s line instead (null: stay silent). */
    public void override(String cmd, Function<ObjectNode, String> handler) {
        overrides.put(cmd, handler);
    }

    public void clearOverride(String cmd) {
        overrides.remove(cmd);
    }

    public synchronized int connections() {
        return connections;
    }

    public synchronized void unplug() {
        plugged = false;
        if (session != null) {
            session.alive = false;
            session.pipe.disconnect("the Pico was unplugged");
        }
    }

    public synchronized void plugIn() {
        plugged = true;
    }

    /**
     * The device restarts for {@code reason} ("fault", "watchdog", …): outstanding requests,
     * subscriptions, an armed or running race and the last race are gone. On a live link the
     * boot line goes out at once, else first thing on the next connection.
     */
    public synchronized void restart(String reason) {
        boot = bootObject(reason, reason.equals("fault") ? "MemoryError" : null);
        waiters.clear();
        raceId = null;
        armedLanes = null;
        finishUs.clear();
        lastRace = null;
        phase = "IDLE";
        if (session != null && session.alive) {
            session.subs.clear();
            session.send(bootLine());
        } else {
            bootUnsent = true;
        }
        notifyAll();
    }

    /** Sets the last completed race, as if it ran before this test. */
    public synchronized void lastRace(String raceId, String lanes, Map<Integer, Long> timesUs) {
        lastRace = race(raceId, lanes, timesUs);
    }

    public synchronized String lastRaceId() {
        return lastRace == null ? null : lastRace.get("race_id").asText();
    }

    public synchronized String phase() {
        return phase;
    }

    public synchronized String armedRaceId() {
        return raceId;
    }

    /** The gate opens: ARMED becomes RACING. */
    public synchronized void dropGate() {
        if (!phase.equals("ARMED")) {
            throw new IllegalStateException("the gate can drop only while ARMED, not " + phase);
        }
        setPhase("RACING");
        gateReady = false;
        push("gate", "state", obj().put("gate_ready", false).put("ms", ms()));
        push("race", "started", obj().put("race_id", raceId).put("ms", ms()));
    }

    /** A car crosses lane's sensor {@code us} µs after the start; the last armed lane completes the race. */
    public synchronized void finish(int lane, long us) {
        if (!phase.equals("RACING") || armedLanes.indexOf('0' + lane) < 0 || finishUs.containsKey(lane)) {
            return;
        }
        finishUs.put(lane, us);
        push("lanes", "state", obj().put("lane", lane).put("triggered", true).put("ms", ms()));
        if (finishUs.size() == armedLanes.length()) {
            complete();
        }
    }

    /** The race timeout passes: unfinished lanes are DNF. */
    public synchronized void timeOut() {
        if (phase.equals("RACING")) {
            complete();
        }
    }

    /** Drops the gate and finishes every lane in {@code timesUs} (the rest time out); returns the race id. */
    public synchronized String run(Map<Integer, Long> timesUs) {
        String id = raceId;
        dropGate();
        timesUs.forEach(this::finish);
        timeOut();
        return id;
    }

    /** Every request received so far, over all connections. */
    public synchronized List<ObjectNode> requests() {
        return List.copyOf(received);
    }

    public synchronized List<ObjectNode> requests(String cmd) {
        return received.stream().filter(r -> cmd.equals(r.path("cmd").asText())).toList();
    }

    /** Waits until {@code count} requests {@code cmd} arrived; returns the last of them. */
    public ObjectNode awaitRequest(String cmd, int count) throws InterruptedException {
        return Await.until(count + " '" + cmd + "' requests from the host", () -> requests(cmd),
                r -> r.size() >= count).get(count - 1);
    }

    /** Waits until {@code count} wait_race requests are registered with the engine. */
    public void awaitWaiters(int count) throws InterruptedException {
        Await.until(count + " wait_race waiting", () -> {
            synchronized (this) {
                return waiters.size();
            }
        }, n -> n == count);
    }

    public void awaitPhase(String expected) throws InterruptedException {
        Await.until("the engine " + expected, this::phase, expected::equals);
    }

    public void awaitConnections(int count) throws InterruptedException {
        Await.until(count + " connection attempts", this::connections, n -> n >= count);
    }

    /** Sends {@code line} as it is on the current connection. */
    public synchronized void sendRaw(String line) {
        if (session != null) {
            session.send(line);
        }
    }

    // ---- the device ----

    private void attach(MemoryPipe pipe) {
        if (session != null) {
            session.alive = false;
        }
        Session s = new Session(pipe);
        session = s;
        if (bootUnsent) {
            bootUnsent = false;
            s.send(bootLine()); // queued since the restart: the host reads it first
        }
        LineBuilder lines = new LineBuilder("the host", line -> handle(s, line));
        try {
            pipe.device().open(new Transport.Listener() {
                @Override
                public void received(byte[] chunk) {
                    lines.accept(chunk);
                }

                @Override
                public void disconnected(String reason) {
                    s.alive = false;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(Session s, String line) {
        ObjectNode request;
        try {
            JsonNode node = FrameCodec.MAPPER.readTree(line);
            if (!(node instanceof ObjectNode object)) {
                s.send("{\"err\":\"not a JSON object\",\"code\":\"bad_frame\"}");
                return;
            }
            request = object;
        } catch (JsonProcessingException e) {
            s.send("{\"err\":\"not JSON\",\"code\":\"bad_frame\"}");
            return;
        }
        String cmd = request.path("cmd").asText();
        Function<ObjectNode, String> override = overrides.get(cmd);
        synchronized (this) {
            received.add(request);
            notifyAll();
            if (override != null) {
                String reply = override.apply(request);
                if (reply != null) {
                    s.send(reply);
                }
                return;
            }
            command(s, request.get("id").asLong(), cmd, request);
            notifyAll();
        }
    }

    private void command(Session s, long id, String cmd, ObjectNode request) {
        switch (cmd) {
            case "info" -> s.ok(id, obj().put("protocol", protocol).put("firmware", "rallylab-pico 0.1.0")
                    .put("lane_count", laneCount).<ObjectNode>set("topics", strings(TOPICS))
                    .put("race_timeout_ms", 10000).put("clock", "us").set("boot", boot.deepCopy()));
            case "dbg" -> s.ok(id, obj().<ObjectNode>set("controller", obj().put("uptime_ms", ms())
                            .put("firmware", "rallylab-pico 0.1.0"))
                    .set("engine", obj().put("phase", phase).put("race_id", raceId).put("active_lanes", armedLanes)
                            .put("gate_ready", gateReady)));
            case "reset" -> {
                waiters.removeIf(w -> w.session == s || !w.session.alive);
                s.subs.clear();
                if (phase.equals("ARMED") && waiters.isEmpty()) {
                    disarm();
                }
                s.ok(id, obj());
            }
            case "subscribe" -> subscribe(s, id, request);
            case "unsubscribe" -> {
                s.subs.remove(request.path("sub").asLong());
                s.ok(id, obj());
            }
            case "gate" -> s.ok(id, obj().put("gate_ready", gateReady));
            case "state" -> s.send("{\"id\":" + id + ",\"ok\":" + (lastRace == null ? "null" : lastRace.toString()) + "}");
            case "wait_race" -> waitRace(s, id, request);
            case "cancel" -> cancel(s, id, request.path("target").asLong());
            default -> s.err(id, "not_supported", "unknown command '" + cmd + "'");
        }
    }

    private void subscribe(Session s, long id, ObjectNode request) {
        List<String> topics = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        request.path("topics").forEach(t -> (TOPICS.contains(t.asText()) ? topics : unknown).add(t.asText()));
        long sub = nextSub++;
        s.subs.put(sub, topics);
        ObjectNode ok = obj().put("sub", sub).set("topics", strings(topics));
        if (!unknown.isEmpty()) {
            ok.set("unknown", strings(unknown));
        }
        s.ok(id, ok);
        for (String topic : topics) {
            switch (topic) {
                case "gate" -> s.event(sub, "state", obj().put("gate_ready", gateReady).put("ms", ms()));
                case "lanes" -> IntStream.rangeClosed(1, laneCount).forEach(lane -> s.event(sub, "state",
                        obj().put("lane", lane).put("triggered", false).put("ms", ms())));
                case "race" -> {
                    if (!phase.equals("IDLE")) {
                        s.event(sub, "armed", obj().put("race_id", raceId).put("lanes", armedLanes));
                    }
                    if (phase.equals("RACING")) {
                        s.event(sub, "started", obj().put("race_id", raceId).put("ms", ms()));
                    }
                }
                case "engine" -> s.event(sub, "phase", obj().put("phase", phase).putNull("prev"));
                default -> {
                }
            }
        }
    }

    private void waitRace(Session s, long id, ObjectNode request) {
        String all = IntStream.rangeClosed(1, laneCount).mapToObj(Integer::toString).collect(Collectors.joining());
        String lanes = request.path("lanes").asText(all);
        for (char c : lanes.toCharArray()) {
            if (c < '1' || c > '0' + laneCount || lanes.indexOf(c) != lanes.lastIndexOf(c)) {
                s.err(id, "bad_args", "lanes \"" + lanes + "\": each lane 1.." + laneCount + ", none twice");
                return;
            }
        }
        JsonNode after = request.get("after");
        if (after != null && lastRace != null && !lastRace.get("race_id").asText().equals(after.asText())) {
            s.ok(id, lastRace);
            return;
        }
        if (phase.equals("IDLE")) {
            phase = "ARMED";
            raceId = UUID.randomUUID().toString();
            armedLanes = lanes;
            finishUs.clear();
            push("race", "armed", obj().put("race_id", raceId).put("lanes", lanes));
            push("engine", "phase", obj().put("phase", "ARMED").put("prev", "IDLE"));
        } else if (!lanes.equals(armedLanes)) {
            s.err(id, "busy", "a race is armed on lanes " + armedLanes);
            return;
        }
        waiters.add(new Waiter(s, id));
    }

    private void cancel(Session s, long id, long target) {
        Waiter waiter = waiters.stream().filter(w -> w.session == s && w.id == target).findFirst().orElse(null);
        if (waiter == null) {
            s.err(id, "bad_args", "no outstanding request " + target);
            return;
        }
        waiters.remove(waiter);
        s.err(target, "cancelled", "cancelled by request " + id);
        s.ok(id, obj());
        if (phase.equals("ARMED") && waiters.isEmpty()) {
            disarm();
        }
    }

    private void disarm() {
        raceId = null;
        armedLanes = null;
        setPhase("IDLE");
    }

    private void complete() {
        Map<Integer, Long> times = new LinkedHashMap<>(finishUs);
        lastRace = race(raceId, armedLanes, times);
        raceId = null;
        armedLanes = null;
        for (Waiter w : waiters) {
            w.session.ok(w.id, lastRace);
        }
        waiters.clear();
        push("race", "completed", lastRace.deepCopy());
        setPhase("IDLE");
        gateReady = true;
        push("gate", "state", obj().put("gate_ready", true).put("ms", ms()));
    }

    private void setPhase(String next) {
        String prev = phase;
        phase = next;
        push("engine", "phase", obj().put("phase", next).put("prev", prev));
        notifyAll();
    }

    private static ObjectNode race(String id, String lanes, Map<Integer, Long> timesUs) {
        ObjectNode race = obj().put("race_id", id).put("lanes", lanes);
        ObjectNode ms = race.putObject("times_ms");
        ObjectNode us = race.putObject("times_us");
        timesUs.forEach((lane, t) -> {
            ms.put(Integer.toString(lane), (t + 500) / 1000);
            us.put(Integer.toString(lane), t);
        });
        return race;
    }

    private void push(String topic, String event, ObjectNode fields) {
        if (session != null) {
            session.subs.forEach((sub, topics) -> {
                if (topics.contains(topic)) {
                    session.event(sub, event, fields);
                }
            });
        }
    }

    private String bootLine() {
        return obj().set("boot", boot.deepCopy()).toString();
    }

    private static ObjectNode bootObject(String reason, String detail) {
        ObjectNode boot = obj().put("firmware", "rallylab-pico 0.1.0").put("reason", reason);
        if (detail != null) {
            boot.put("detail", detail);
        }
        return boot;
    }

    private long ms() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static ObjectNode obj() {
        return FrameCodec.MAPPER.createObjectNode();
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = FrameCodec.MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private record Waiter(Session session, long id) {
    }

    private static final class Session {
        final MemoryPipe pipe;
        final Map<Long, List<String>> subs = new LinkedHashMap<>();
        volatile boolean alive = true;

        Session(MemoryPipe pipe) {
            this.pipe = pipe;
        }

        void ok(long id, JsonNode ok) {
            send("{\"id\":" + id + ",\"ok\":" + ok + "}");
        }

        void err(long id, String code, String message) {
            ObjectNode e = obj().put("id", id).put("err", message).put("code", code);
            send(e.toString());
        }

        void event(long sub, String event, ObjectNode fields) {
            ObjectNode e = obj().put("sub", sub).put("event", event);
            e.setAll(fields);
            send(e.toString());
        }

        void send(String line) {
            if (!alive) {
                return;
            }
            try {
                pipe.device().write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                alive = false;
            }
        }
    }

    /** The port of an unplugged Pico. */
    private static final class Missing implements Transport {
        @Override
        public void open(Listener listener) throws IOException {
            throw new IOException("serial port /dev/fake-pico does not exist: is the Pico plugged in?");
        }

        @Override
        public void write(byte[] bytes) throws IOException {
            throw new IOException("not open");
        }

        @Override
        public void close() {
        }

        @Override
        public String description() {
            return "serial port /dev/fake-pico";
        }
    }
}
