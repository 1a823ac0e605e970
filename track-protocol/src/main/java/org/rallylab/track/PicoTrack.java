package org.rallylab.track;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.schedule.LaneAssignment;
import org.rallylab.track.protocol.Frame;
import org.rallylab.track.protocol.ProtocolClient;
import org.rallylab.track.protocol.Subscription;
import org.rallylab.track.protocol.TrackProtocolException;
import org.rallylab.track.transport.ProcessTransport;
import org.rallylab.track.transport.SerialTransport;
import org.rallylab.track.transport.Transport;

/**
 * The Pico track controller over protocol 2.0 (docs/track-protocol.md).
 *
 * <p>Each connection attempt takes a new transport from the supplier and goes: {@code info}
 * (a protocol other than 2.x is refused, and tried again only after {@link Settings#refusedRetry}),
 * whether the outstanding heat's race survived the last connection ({@link PicoRaces#check}),
 * {@code reset}, subscriptions to gate, lanes, race and engine, then the outstanding race's
 * {@code wait_race} again. A failed attempt or a lost connection is retried after
 * {@link Settings#firstRetry}, doubling to {@link Settings#maxRetry}, with jitter. A connection on
 * which nothing complete arrived for {@link Settings#silence} is probed, and dropped when the probe
 * goes unanswered for {@link Settings#probeTimeout}: "the track stopped answering" ({@link SilenceWatch}).
 *
 * <p>A {@code boot} line (the device restarted and forgot every request and subscription) makes
 * the connection a new one on the same port: {@code info}, {@code reset}, subscriptions, the wait
 * again; a heat whose gate had opened fails with {@link TrackRestartedException} ({@link PicoRaces}
 * says when). Request ids continue from one connection to the next, from a random start, so an
 * answer left in the line for an earlier connection (or an earlier run of RallyLab) is never taken
 * for one of this connection's.
 *
 * <p>Races: {@code wait_race} with the heat's lanes and {@code after} = the last race this
 * session has seen, so a race that finished while the cable was out arrives once after the
 * reconnect and a race already seen is never delivered again ({@link PicoRaces} says why).
 *
 * <p>Threading: all state lives on one event thread ("track-pico"); public methods only hand it
 * work and never wait for it (but {@link #close()} from another thread waits briefly for the
 * connection to close). Status listeners and race futures are called on that thread, so they may
 * call back into the track; they must not block it.
 */
public final class PicoTrack implements Track {

    /**
     * Timings. {@code commandTimeout}: how long a command other than a wait may go unanswered;
     * reconnects wait {@code firstRetry} doubling to {@code maxRetry}; after refusing a device with
     * the wrong protocol, wait {@code refusedRetry}. A connected track silent for {@code silence}
     * (no complete line) is probed, and dropped when the probe is unanswered for
     * {@code probeTimeout}; the defaults, 1 s and 2 s, notice a silent track within 4 s.
     */
    public record Settings(Duration commandTimeout, Duration firstRetry, Duration maxRetry, Duration refusedRetry,
                           Duration silence, Duration probeTimeout) {
        public static final Duration DEFAULT_SILENCE = Duration.ofSeconds(1);
        public static final Duration DEFAULT_PROBE_TIMEOUT = Duration.ofSeconds(2);
        public static final Settings DEFAULT = new Settings(ProtocolClient.COMMAND_TIMEOUT, Duration.ofMillis(200),
                Duration.ofSeconds(5), Duration.ofSeconds(30));

        /** With the default liveness check ({@link #DEFAULT_SILENCE}, {@link #DEFAULT_PROBE_TIMEOUT}). */
        public Settings(Duration commandTimeout, Duration firstRetry, Duration maxRetry, Duration refusedRetry) {
            this(commandTimeout, firstRetry, maxRetry, refusedRetry, DEFAULT_SILENCE, DEFAULT_PROBE_TIMEOUT);
        }

        public Settings {
            for (Duration d : List.of(commandTimeout, firstRetry, maxRetry, refusedRetry, silence, probeTimeout)) {
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("track timings must be positive, not " + d);
                }
            }
            if (firstRetry.compareTo(maxRetry) > 0) {
                throw new IllegalArgumentException("the first retry delay " + firstRetry
                        + " is longer than the longest, " + maxRetry);
            }
        }
    }

    static final List<String> TOPICS = List.of("gate", "lanes", "race", "engine");
    /** The first request id of a track is drawn from 1 to this (ids may go to 2^53). */
    private static final long FIRST_IDS = 1L << 31;
    private static final System.Logger LOG = System.getLogger(PicoTrack.class.getName());

    private final Supplier<Transport> transports;
    private final Settings settings;
    private final Delays delays;
    private final ScheduledThreadPoolExecutor thread;
    private final Executor onThread;
    private final StatusBoard board;
    private final Backoff backoff;
    private final PicoRaces races;
    private final SilenceWatch silenceWatch;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile Thread eventThread;
    private volatile int laneCount;

    // Event thread only.
    private long firstRequestId;
    private ProtocolClient lastClient;
    private PicoLink link;
    private ScheduledFuture<?> retry;
    private boolean closed;
    private boolean connected;
    private Boolean gateReady;
    private final SortedMap<Integer, Boolean> lanes = new TreeMap<>();
    private String phase;
    private String message = "Not connected yet.";
    private String device;

    /** The Pico on a serial port, e.g. {@code /dev/ttyACM0}, {@code COM3} or a pty's link. */
    public static PicoTrack overSerial(String portPath) {
        Objects.requireNonNull(portPath, "portPath");
        return new PicoTrack(() -> new SerialTransport(portPath));
    }

    /** A program speaking protocol 2.0 on stdin/stdout, e.g. {@code node pico-firmware/sim/run.mjs}. */
    public static PicoTrack overProcess(List<String> command) {
        return overProcess(command, null);
    }

    /** As {@link #overProcess(List)}, started in {@code workingDirectory}. */
    public static PicoTrack overProcess(List<String> command, Path workingDirectory) {
        List<String> copy = List.copyOf(command);
        return new PicoTrack(() -> new ProcessTransport(copy, workingDirectory));
    }

    /** @param transports a new, unopened transport for each connection attempt */
    public PicoTrack(Supplier<Transport> transports) {
        this(transports, Settings.DEFAULT);
    }

    public PicoTrack(Supplier<Transport> transports, Settings settings) {
        this(transports, settings, Delays.REAL, new Random());
    }

    PicoTrack(Supplier<Transport> transports, Settings settings, Delays delays, RandomGenerator jitter) {
        this.transports = Objects.requireNonNull(transports, "transports");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.delays = delays;
        this.thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "track-pico");
            t.setDaemon(true);
            eventThread = t;
            return t;
        });
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        thread.setRemoveOnCancelPolicy(true);
        this.onThread = task -> {
            try {
                thread.execute(task);
            } catch (RejectedExecutionException e) {
                // closed: nothing waits for this any more
            }
        };
        this.board = new StatusBoard(TrackStatus.disconnected(message), onThread);
        this.backoff = new Backoff(settings.firstRetry(), settings.maxRetry(), jitter);
        this.firstRequestId = 1 + jitter.nextLong(FIRST_IDS);
        this.races = new PicoRaces(onThread, thread, delays, this::lost);
        this.silenceWatch = new SilenceWatch(onThread, thread, delays, settings.silence(), settings.probeTimeout(),
                this::lost);
    }

    @Override
    public void start() {
        if (started.compareAndSet(false, true)) {
            onThread.execute(this::connect);
        }
    }

    @Override
    public TrackStatus status() {
        return board.current();
    }

    @Override
    public void addStatusListener(Consumer<TrackStatus> listener) {
        board.add(listener);
    }

    @Override
    public void removeStatusListener(Consumer<TrackStatus> listener) {
        board.remove(listener);
    }

    @Override
    public int laneCount() {
        return laneCount;
    }

    @Override
    public CompletableFuture<CompletedRace> race(Heat heat, String afterRaceId) {
        PicoRaces.Race race = new PicoRaces.Race(heat);
        race.result.whenComplete((done, failure) -> {
            if (race.result.isCancelled()) {
                onThread.execute(() -> races.cancel(race, null));
            }
        });
        if (thread.isShutdown()) {
            race.result.completeExceptionally(new IllegalStateException("the track is closed"));
        } else {
            onThread.execute(() -> {
                if (closed) {
                    race.result.completeExceptionally(new IllegalStateException("the track is closed"));
                } else {
                    races.begin(race, afterRaceId);
                }
            });
        }
        return race.result;
    }

    @Override
    public void cancelRace() {
        onThread.execute(races::cancelOutstanding);
    }

    @Override
    public void close() {
        if (thread.isShutdown()) {
            return;
        }
        onThread.execute(this::shutDown);
        thread.shutdown();
        if (Thread.currentThread() != eventThread) {
            try {
                thread.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---- connecting (event thread) ----

    private void connect() {
        retry = null;
        if (closed) {
            return;
        }
        Transport transport;
        try {
            transport = Objects.requireNonNull(transports.get(), "the transport supplier gave null");
        } catch (RuntimeException e) {
            retryLater("Cannot reach the track: " + e.getMessage(), backoff.next());
            return;
        }
        ProtocolClient client = new ProtocolClient(transport, settings.commandTimeout(),
                lastClient == null ? firstRequestId : lastClient.nextId());
        lastClient = client;
        PicoLink l = new PicoLink(client, transport.description());
        link = l;
        message = "Connecting to the track on " + l.where + "…";
        publish();
        client.onBoot(boot -> onThread.execute(() -> booted(client, boot)));
        try {
            client.open();
        } catch (IOException | RuntimeException e) {
            attemptFailed(l, e.getMessage());
            return;
        }
        setUp(l);
    }

    /** Sets up the device on {@code l}, a new connection or one whose device restarted: info first. */
    private void setUp(PicoLink l) {
        l.client.disconnected().thenAcceptAsync(reason -> lost(l, reason), onThread);
        l.client.request("info").result().whenCompleteAsync((info, failure) -> infoAnswered(l, info, failure), onThread);
    }

    /**
     * A {@code boot} line: the device on the connection of {@code client} restarted. Its requests
     * have failed and its subscriptions ended; the connection is set up again on the same port as a
     * new one ({@link PicoRaces#restarted} decides about the heat under way).
     */
    private void booted(ProtocolClient client, Frame.Boot boot) {
        PicoLink l = link;
        if (l == null || l.client != client) {
            return;
        }
        silenceWatch.forget(l);
        if (l.ready) {
            LOG.log(System.Logger.Level.WARNING, "the track controller on " + l.where + " restarted ("
                    + boot.whyAndFirmware() + "); setting it up again");
            races.restarted(l, boot);
            message = "The track controller on " + l.where + " restarted (reason: " + boot.why() + "). Setting it up again…";
        } else {
            LOG.log(System.Logger.Level.INFO, "the track controller on " + l.where + " started (" + boot.why()
                    + ") while it was being set up; setting it up again");
            races.lost(l);
        }
        PicoLink fresh = new PicoLink(client, l.where);
        link = fresh;
        connected = false;
        gateReady = null;
        lanes.clear();
        phase = null;
        publish();
        setUp(fresh);
    }

    private void infoAnswered(PicoLink l, JsonNode info, Throwable failure) {
        if (link != l) {
            return;
        }
        if (failure != null) {
            attemptFailed(l, messageOf(failure));
            return;
        }
        JsonNode protocol = info.get("protocol");
        if (protocol == null || !protocol.isTextual()) {
            refuse(l, "The device on " + l.where + " does not say which protocol it speaks; RallyLab needs a track "
                    + "controller speaking protocol 2.x: flash the RallyLab firmware (see pico-firmware/README.md).");
            return;
        }
        if (!protocol.asText().startsWith("2.")) {
            refuse(l, "This track controller speaks protocol " + protocol.asText() + "; RallyLab needs 2.x: update "
                    + "the Pico's firmware (see pico-firmware/README.md).");
            return;
        }
        JsonNode lanes = info.get("lane_count");
        int count = lanes != null && lanes.isIntegralNumber() && lanes.canConvertToInt() ? lanes.intValue() : 0;
        if (count < 1 || count > LaneAssignment.LAST_LANE) {
            refuse(l, "The track controller on " + l.where + " reports " + info.get("lane_count")
                    + " lanes; RallyLab needs 1 to 8: check its configuration (config_set lane_count).");
            return;
        }
        try {
            l.raceTimeoutMs = RaceJson.raceTimeout(info.get("race_timeout_ms"), l.where);
        } catch (IllegalArgumentException e) {
            refuse(l, e.getMessage());
            return;
        }
        l.laneCount = count;
        l.firmware = info.path("firmware").asText(null);
        l.boot = Frame.Boot.of(info.get("boot"));
        races.check(l, l.boot, checkFailure -> {
            if (link != l) {
                return;
            }
            if (checkFailure != null) {
                attemptFailed(l, messageOf(checkFailure));
                return;
            }
            l.client.reset().whenCompleteAsync((ok, resetFailure) -> resetAnswered(l, resetFailure), onThread);
        });
    }

    private void resetAnswered(PicoLink l, Throwable failure) {
        if (link != l) {
            return;
        }
        if (failure != null && !hasCode(failure, TrackProtocolException.NOT_SUPPORTED)) {
            attemptFailed(l, messageOf(failure));
            return;
        }
        List<CompletableFuture<Subscription>> subscriptions = TOPICS.stream()
                .map(topic -> l.client.subscribe(List.of(topic), event -> onThread.execute(() -> event(l, topic, event))))
                .toList();
        CompletableFuture.allOf(subscriptions.toArray(CompletableFuture[]::new))
                .whenCompleteAsync((ok, subscribeFailure) -> subscribed(l, subscribeFailure), onThread);
    }

    private void subscribed(PicoLink l, Throwable failure) {
        if (link != l) {
            return;
        }
        if (failure != null) {
            attemptFailed(l, messageOf(failure));
            return;
        }
        ready(l);
    }

    private void ready(PicoLink l) {
        l.ready = true;
        laneCount = l.laneCount;
        backoff.reset();
        connected = true;
        device = "RallyLab Pico, firmware " + (l.firmware == null ? "unknown" : l.firmware) + ", " + l.laneCount + " lanes";
        message = "Connected to the track on " + l.where + ".";
        for (int lane = 1; lane <= l.laneCount; lane++) {
            lanes.putIfAbsent(lane, false);
        }
        publish();
        silenceWatch.watch(l);
        races.connected(l);
    }

    private void event(PicoLink l, String topic, Frame.Event event) {
        if (link != l) {
            return;
        }
        switch (event.name()) {
            case "overflow" -> {
                if (topic.equals("gate")) {
                    l.client.request("gate").result().thenAcceptAsync(ok -> {
                        if (link == l && ok.path("gate_ready").isBoolean()) {
                            gateReady = ok.get("gate_ready").booleanValue();
                            publish();
                        }
                    }, onThread);
                }
            }
            case "state" -> {
                if (topic.equals("gate") && event.bool("gate_ready") != null) {
                    gateReady = event.bool("gate_ready");
                } else if (topic.equals("lanes") && event.integer("lane") != null && event.bool("triggered") != null) {
                    long lane = event.integer("lane");
                    if (lane < 1 || lane > l.laneCount) {
                        LOG.log(System.Logger.Level.WARNING, "ignoring a sensor event for lane " + lane + " from "
                                + l.where + ", which has lanes 1 to " + l.laneCount);
                        return;
                    }
                    lanes.put((int) lane, event.bool("triggered"));
                }
            }
            case "phase" -> {
                phase = event.text("phase");
                races.event(event);
            }
            case "armed" -> {
                phase = "ARMED";
                races.event(event);
            }
            case "started" -> {
                phase = "RACING";
                races.event(event);
            }
            case "completed" -> {
                phase = "IDLE";
                races.event(event);
            }
            default -> {
                return;
            }
        }
        publish();
    }

    private void attemptFailed(PicoLink l, String why) {
        if (link != l) {
            return;
        }
        drop(l);
        Duration delay = backoff.next();
        String reason = why == null ? "no reason given" : why;
        retryLater("Cannot connect to the track on " + l.where + ": " + reason + (reason.matches(".*[.?!]$") ? "" : ".")
                + " Trying again in " + seconds(delay) + ".", delay);
    }

    /** Forgets the connection: its client is closed and its outstanding race waits for the next one. */
    private void drop(PicoLink l) {
        link = null;
        silenceWatch.forget(l);
        l.client.close();
        races.lost(l);
    }

    private void refuse(PicoLink l, String why) {
        drop(l);
        LOG.log(System.Logger.Level.WARNING, why);
        retryLater(why, settings.refusedRetry());
    }

    private void lost(PicoLink l, String reason) {
        if (link != l) {
            return;
        }
        drop(l);
        Duration delay = backoff.next();
        retryLater("Lost the connection to the track on " + l.where + " (" + reason + "). Reconnecting…", delay);
    }

    private void retryLater(String why, Duration delay) {
        connected = false;
        gateReady = null;
        lanes.clear();
        phase = null;
        message = why;
        if (!closed) {
            retry = delays.schedule(thread, delay, this::connect);
        }
        publish(); // after scheduling, so a listener that sees the message sees the retry planned
    }

    private void shutDown() {
        closed = true;
        if (retry != null) {
            retry.cancel(false);
        }
        races.close();
        if (link != null) {
            drop(link);
        }
        connected = false;
        gateReady = null;
        lanes.clear();
        phase = null;
        message = "Closed.";
        publish();
    }

    private void publish() {
        board.publish(new TrackStatus(connected, gateReady, lanes, phase, message, device));
    }

    private static boolean hasCode(Throwable failure, String code) {
        return PicoRaces.hasCode(failure, code);
    }

    private static String messageOf(Throwable failure) {
        return PicoRaces.messageOf(failure);
    }

    private static String seconds(Duration delay) {
        return String.format(java.util.Locale.ROOT, "%.1f s", delay.toMillis() / 1000.0);
    }
}
