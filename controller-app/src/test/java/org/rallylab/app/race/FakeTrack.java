package org.rallylab.app.race;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.track.CompletedRace;
import org.rallylab.track.Track;
import org.rallylab.track.TrackStatus;

/** A track the test drives by hand, on the test's thread: statuses and races happen when it says so. */
public final class FakeTrack implements Track {

    /** One {@code race(heat, after)} call and its future. */
    public record Call(Heat heat, String after, CompletableFuture<CompletedRace> future) {
    }

    private final int lanes;
    private final List<Consumer<TrackStatus>> listeners = new ArrayList<>();
    private final List<Call> calls = new ArrayList<>();
    private TrackStatus status;
    private boolean started;
    private boolean closed;
    private int races;

    public FakeTrack(int lanes) {
        this.lanes = lanes;
        this.status = disconnected("Not started.");
    }

    public TrackStatus disconnected(String message) {
        return new TrackStatus(false, null, null, null, message, null);
    }

    /** Connected, idle, the gate as given, no lane triggered. */
    public TrackStatus ready(Boolean gateReady, String phase) {
        SortedMap<Integer, Boolean> sensors = new TreeMap<>();
        for (int lane = 1; lane <= lanes; lane++) {
            sensors.put(lane, false);
        }
        return new TrackStatus(true, gateReady, sensors, phase, "Connected.", "Fake track, " + lanes + " lanes");
    }

    public TrackStatus laneTriggered(int lane) {
        TrackStatus base = ready(true, "IDLE");
        SortedMap<Integer, Boolean> sensors = new TreeMap<>(base.lanesTriggered());
        sensors.put(lane, true);
        return new TrackStatus(true, true, sensors, "IDLE", base.message(), base.device());
    }

    /** Tells the listeners (they hop to the UI executor). */
    public void status(TrackStatus next) {
        status = next;
        List.copyOf(listeners).forEach(l -> l.accept(next));
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public Call lastCall() {
        return calls.get(calls.size() - 1);
    }

    /** Completes the outstanding race with these times (lane to ms) and a new race id. */
    public CompletedRace finish(Map<Integer, Long> timesMs) {
        CompletedRace race = new CompletedRace("fake-race-" + (++races) + "-" + java.util.UUID.randomUUID(), new TreeMap<>(timesMs), null, 10_000);
        lastCall().future().complete(race);
        return race;
    }

    /** Completes the outstanding race with {@code race} (a race id of the test's choosing). */
    public void finish(CompletedRace race) {
        lastCall().future().complete(race);
    }

    /** Fails the outstanding race. */
    public void fail(Throwable why) {
        lastCall().future().completeExceptionally(why);
    }

    public boolean started() {
        return started;
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public void start() {
        started = true;
    }

    @Override
    public TrackStatus status() {
        return status;
    }

    @Override
    public void addStatusListener(Consumer<TrackStatus> listener) {
        listeners.add(listener);
        listener.accept(status);
    }

    @Override
    public void removeStatusListener(Consumer<TrackStatus> listener) {
        listeners.remove(listener);
    }

    @Override
    public CompletableFuture<CompletedRace> race(Heat heat, String afterRaceId) {
        if (!calls.isEmpty()) {
            lastCall().future().cancel(false);
        }
        Call call = new Call(heat, afterRaceId, new CompletableFuture<>());
        calls.add(call);
        return call.future();
    }

    @Override
    public void cancelRace() {
        if (!calls.isEmpty()) {
            lastCall().future().cancel(false);
        }
    }

    @Override
    public int laneCount() {
        return lanes;
    }

    @Override
    public void close() {
        closed = true;
        cancelRace();
    }
}
