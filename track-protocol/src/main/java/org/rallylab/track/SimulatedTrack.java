package org.rallylab.track;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.rallylab.domain.schedule.Heat;

/**
 * A track with no hardware, for the demo and for tests: a race arms, the gate drops, each car
 * finishes after its time ({@link RaceModel}), and the race completes when every lane finished or
 * the race timeout passed. Every delay is divided by {@code speedFactor} (1 = real time;
 * {@code Double.POSITIVE_INFINITY} = at once). Same seed and same heats in the same order: same race
 * ids and times. Race ids are UUID v4; {@code after} works as on the Pico: the track's last race is
 * delivered when this session has not seen it.
 *
 * <p>The gate ({@link StartGate}): with the automatic gate (unless the builder says otherwise) a
 * simulated crew drops it {@code gateDelay} after the track arms and closes it when the race is over.
 * Without it the track behaves like a real one: an armed race waits for {@link #dropGate()} as long as
 * it takes, and the gate stays open after the race until {@link #resetGate()} (the demo's track,
 * which the operator works from the track card).
 *
 * <p>Threading as {@link Track}: one event thread ("track-simulated").
 */
public final class SimulatedTrack implements Track, StartGate {

    /** Settings for a {@link SimulatedTrack}. */
    public static final class Builder {
        private long seed = 1;
        private int lanes = 4;
        private double speedFactor = 1;
        private Duration gateDelay = Duration.ofSeconds(2);
        private Duration raceTimeout = Duration.ofSeconds(10);
        private boolean automaticGate = true;
        private double dnfProbability;
        private final Map<Integer, Double> laneBiasMs = new TreeMap<>();

        private Builder() {
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** 1 to 8 lanes; 4 unless set. */
        public Builder lanes(int lanes) {
            if (lanes < 1 || lanes > 8) {
                throw new IllegalArgumentException("a track has 1 to 8 lanes, not " + lanes);
            }
            this.lanes = lanes;
            return this;
        }

        /** How many times faster than real time; 1 unless set. */
        public Builder speedFactor(double speedFactor) {
            if (!(speedFactor > 0)) {
                throw new IllegalArgumentException("speed factor " + speedFactor + " must be above 0");
            }
            this.speedFactor = speedFactor;
            return this;
        }

        /** With the automatic gate: simulated time from arming to the crew dropping the gate; 2 s unless set. */
        public Builder gateDelay(Duration gateDelay) {
            if (gateDelay.isNegative()) {
                throw new IllegalArgumentException("gate delay " + gateDelay + " must not be negative");
            }
            this.gateDelay = gateDelay;
            return this;
        }

        /**
         * Whether a simulated crew works the gate ({@link StartGate#setAutomatic}); true unless set.
         * False: the gate waits for {@link StartGate#dropGate()} and {@link StartGate#resetGate()}.
         */
        public Builder automaticGate(boolean automatic) {
            this.automaticGate = automatic;
            return this;
        }

        /** Lanes not finished this long after the start are DNF; 10 s unless set. */
        public Builder raceTimeout(Duration raceTimeout) {
            if (raceTimeout.toMillis() < 1 || raceTimeout.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("race timeout " + raceTimeout + " must be 1 ms or more");
            }
            this.raceTimeout = raceTimeout;
            return this;
        }

        /** The chance that a car does not finish a run; 0 unless set. */
        public Builder dnfProbability(double dnfProbability) {
            if (!(dnfProbability >= 0 && dnfProbability <= 1)) {
                throw new IllegalArgumentException("DNF probability " + dnfProbability + " must be 0 to 1");
            }
            this.dnfProbability = dnfProbability;
            return this;
        }

        /** Milliseconds every car loses (or, negative, gains) in {@code lane}. */
        public Builder laneBias(int lane, double ms) {
            if (lane < 1 || lane > 8) {
                throw new IllegalArgumentException("lane " + lane + " does not exist: lanes are 1 to 8");
            }
            laneBiasMs.put(lane, ms);
            return this;
        }

        public SimulatedTrack build() {
            return new SimulatedTrack(this);
        }
    }

    private static final String DEMO = "Demo mode: the track is simulated and its times are made up.";

    private final int laneCount;
    private final long seed;
    private final double speedFactor;
    private final Duration gateDelay;
    private final int raceTimeoutMs;
    private final RaceModel model;
    private final ScheduledThreadPoolExecutor thread;
    private final Executor onThread;
    private final StatusBoard board;
    private final SeenRaces seen = new SeenRaces();
    private volatile boolean automatic;

    // Event thread only.
    private boolean started;
    private Waiter outstanding;
    private Run run;
    private CompletedRace lastRace;
    private boolean gateClosed = true;
    private final SortedMap<Integer, Boolean> triggered = new TreeMap<>();

    public static Builder builder() {
        return new Builder();
    }

    private SimulatedTrack(Builder b) {
        laneCount = b.lanes;
        seed = b.seed;
        speedFactor = b.speedFactor;
        gateDelay = b.gateDelay;
        raceTimeoutMs = (int) b.raceTimeout.toMillis();
        automatic = b.automaticGate;
        model = new RaceModel(b.seed, b.laneBiasMs, b.dnfProbability);
        thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "track-simulated");
            t.setDaemon(true);
            return t;
        });
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        onThread = task -> {
            try {
                thread.execute(task);
            } catch (RejectedExecutionException e) {
                // closed
            }
        };
        board = new StatusBoard(TrackStatus.disconnected("Not started."), onThread);
        for (int lane = 1; lane <= laneCount; lane++) {
            triggered.put(lane, false);
        }
    }

    @Override
    public void start() {
        onThread.execute(() -> {
            if (started) {
                return;
            }
            started = true;
            publish();
            if (outstanding != null) {
                serve(outstanding);
            }
        });
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
        int highest = RaceJson.highestLane(RaceJson.lanes(heat));
        if (highest > laneCount) {
            throw new IllegalArgumentException("heat " + heat.number() + " uses lane " + highest
                    + ", which is not on this " + laneCount + "-lane track");
        }
        Waiter waiter = new Waiter(heat);
        waiter.result.whenComplete((done, failure) -> {
            if (waiter.result.isCancelled()) {
                onThread.execute(() -> cancel(waiter, null));
            }
        });
        if (thread.isShutdown()) {
            waiter.result.completeExceptionally(new IllegalStateException("the track is closed"));
        } else {
            onThread.execute(() -> begin(waiter, afterRaceId));
        }
        return waiter.result;
    }

    @Override
    public void cancelRace() {
        onThread.execute(() -> {
            if (outstanding != null) {
                cancel(outstanding, new CancellationException("the race for heat " + outstanding.heat.number()
                        + " was cancelled"));
            }
        });
    }

    @Override
    public void dropGate() {
        onThread.execute(() -> {
            if (!started || !gateClosed) {
                return;
            }
            gateClosed = false;
            if (run != null && !run.racing) {
                startRace(run);
            }
            publish();
        });
    }

    @Override
    public void resetGate() {
        onThread.execute(() -> {
            if (!started || gateClosed || run != null && run.racing) {
                return;
            }
            closeGate();
        });
    }

    @Override
    public void setAutomatic(boolean on) {
        automatic = on;
        onThread.execute(() -> {
            if (!started) {
                return;
            }
            if (!automatic) {
                if (run != null && run.crewDrop != null) {
                    run.crewDrop.cancel(false);
                    run.crewDrop = null;
                }
            } else if (!gateClosed && (run == null || !run.racing)) {
                closeGate();
            } else if (run != null && !run.racing && gateClosed) {
                crewDrops(run);
            }
        });
    }

    @Override
    public boolean isAutomatic() {
        return automatic;
    }

    @Override
    public void close() {
        if (thread.isShutdown()) {
            return;
        }
        onThread.execute(() -> {
            if (outstanding != null) {
                outstanding.result.completeExceptionally(new CancellationException("the track was closed"));
                outstanding = null;
            }
            started = false;
            board.publish(TrackStatus.disconnected("Closed."));
        });
        thread.shutdown();
    }

    private void begin(Waiter waiter, String afterRaceId) {
        seen.callerRecorded(afterRaceId);
        if (outstanding != null) {
            cancel(outstanding, new CancellationException("replaced by the race for heat " + waiter.heat.number()));
        }
        if (waiter.result.isDone()) {
            return;
        }
        outstanding = waiter;
        if (started) {
            serve(waiter);
        }
    }

    /** As the Pico: the last race if this session has not seen it, else arm (once the track is idle). */
    private void serve(Waiter waiter) {
        if (lastRace != null && !seen.contains(lastRace.raceId())) {
            deliver(waiter, lastRace);
        } else if (run == null) {
            arm(waiter);
        }
    }

    private void arm(Waiter waiter) {
        Run r = new Run(model.next(waiter.heat, raceTimeoutMs), waiter);
        run = r;
        publish();
        if (automatic && gateClosed) {
            crewDrops(r);
        }
    }

    /** The simulated crew loads the cars and drops the gate, {@code gateDelay} from now. */
    private void crewDrops(Run r) {
        if (r.crewDrop != null) {
            return;
        }
        r.crewDrop = later(gateDelay.toNanos(), () -> {
            r.crewDrop = null;
            if (run == r && !r.racing && gateClosed && automatic) {
                gateClosed = false;
                startRace(r);
                publish();
            }
        });
        r.tasks.add(r.crewDrop);
    }

    /** The gate closed again: ready for the next race; with the crew, the armed race goes. */
    private void closeGate() {
        gateClosed = true;
        publish();
        if (automatic && run != null && !run.racing) {
            crewDrops(run);
        }
    }

    /** The gate has just dropped: the cars run. The caller publishes. */
    private void startRace(Run r) {
        r.racing = true;
        long end = 0;
        for (Map.Entry<Integer, Long> time : r.result.timesUs().entrySet()) {
            int lane = time.getKey();
            end = Math.max(end, time.getValue() * 1000);
            r.tasks.add(later(time.getValue() * 1000, () -> {
                triggered.put(lane, true);
                publish();
            }));
        }
        if (r.result.timesUs().size() < r.waiter.heat.lanes().size()) {
            end = raceTimeoutMs * 1_000_000L;
        }
        r.tasks.add(later(end, () -> completes(r)));
    }

    private void completes(Run r) {
        run = null;
        lastRace = r.result;
        if (automatic) {
            gateClosed = true; // the crew closes it at once
        }
        triggered.replaceAll((lane, on) -> false);
        seen.saw(r.result.raceId());
        if (r.waiter != null && outstanding == r.waiter) {
            outstanding = null;
            r.waiter.result.complete(r.result);
        }
        publish();
        if (outstanding != null) {
            serve(outstanding);
        }
    }

    private void deliver(Waiter waiter, CompletedRace race) {
        seen.saw(race.raceId());
        outstanding = null;
        waiter.result.complete(race);
    }

    private void cancel(Waiter waiter, CancellationException failure) {
        if (outstanding != waiter) {
            return;
        }
        outstanding = null;
        if (run != null && run.waiter == waiter) {
            if (run.racing) {
                run.waiter = null; // the cars are running: the race runs on, for nobody
            } else {
                run.tasks.forEach(task -> task.cancel(false));
                run = null;
                publish();
            }
        }
        if (failure != null) {
            waiter.result.completeExceptionally(failure);
        }
    }

    private ScheduledFuture<?> later(long simulatedNanos, Runnable task) {
        long nanos = Double.isInfinite(speedFactor) ? 0 : (long) (simulatedNanos / speedFactor);
        return thread.schedule(task, nanos, TimeUnit.NANOSECONDS);
    }

    private void publish() {
        if (!started) {
            return;
        }
        String phase = run == null ? "IDLE" : run.racing ? "RACING" : "ARMED";
        board.publish(new TrackStatus(true, gateClosed, triggered, phase, DEMO,
                "Simulated track, " + laneCount + " lanes (seed " + seed + ")"));
    }

    private static final class Waiter {
        final Heat heat;
        final CompletableFuture<CompletedRace> result = new CompletableFuture<>();

        Waiter(Heat heat) {
            this.heat = Objects.requireNonNull(heat, "heat");
        }
    }

    private static final class Run {
        final CompletedRace result;
        final List<ScheduledFuture<?>> tasks = new ArrayList<>();
        Waiter waiter;
        boolean racing;
        ScheduledFuture<?> crewDrop;

        Run(CompletedRace result, Waiter waiter) {
            this.result = result;
            this.waiter = waiter;
        }
    }
}
