package org.rallylab.app.race;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.track.CompletedRace;
import org.rallylab.track.Track;
import org.rallylab.track.TrackStatus;

/**
 * A real track (the simulated one) with a script: records every {@code race} call and changes the
 * next races it reports (a lane that did not finish, a gate fault, an impossible time).
 */
public final class ScriptedTrack implements Track {

    /** One {@code race(heat, after)} call; {@code real} is the simulated track's own future. */
    public record Call(Heat heat, String after, CompletableFuture<CompletedRace> real) {
    }

    private final Track inner;
    private final Queue<UnaryOperator<CompletedRace>> script = new ConcurrentLinkedQueue<>();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

    public ScriptedTrack(Track inner) {
        this.inner = inner;
    }

    /** The next completed race is changed by {@code change}. */
    public ScriptedTrack then(UnaryOperator<CompletedRace> change) {
        script.add(change);
        return this;
    }

    /** The last call, once the track has finished (or dropped) its race. */
    public boolean lastRaceSettled() {
        synchronized (calls) {
            return !calls.isEmpty() && calls.get(calls.size() - 1).real().isDone();
        }
    }

    public Call lastCall() {
        synchronized (calls) {
            return calls.get(calls.size() - 1);
        }
    }

    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public static UnaryOperator<CompletedRace> dnf(int lane) {
        return race -> {
            SortedMap<Integer, Long> ms = new TreeMap<>(race.timesMs());
            SortedMap<Integer, Long> us = race.timesUs() == null ? null : new TreeMap<>(race.timesUs());
            ms.remove(lane);
            if (us != null) {
                us.remove(lane);
            }
            return new CompletedRace(race.raceId(), ms, us, race.raceTimeoutMs());
        };
    }

    public static UnaryOperator<CompletedRace> gateFault() {
        return race -> new CompletedRace(race.raceId(), new TreeMap<>(), new TreeMap<>(), race.raceTimeoutMs());
    }

    public static UnaryOperator<CompletedRace> time(int lane, long ms) {
        return race -> {
            SortedMap<Integer, Long> times = new TreeMap<>(race.timesMs());
            times.put(lane, ms);
            return new CompletedRace(race.raceId(), times, null, race.raceTimeoutMs());
        };
    }

    @Override
    public CompletableFuture<CompletedRace> race(Heat heat, String afterRaceId) {
        CompletableFuture<CompletedRace> real = inner.race(heat, afterRaceId);
        calls.add(new Call(heat, afterRaceId, real));
        CompletableFuture<CompletedRace> scripted = new CompletableFuture<>();
        real.whenComplete((race, failure) -> {
            if (failure != null) {
                scripted.completeExceptionally(failure);
            } else {
                UnaryOperator<CompletedRace> change = script.poll();
                scripted.complete(change == null ? race : change.apply(race));
            }
        });
        scripted.whenComplete((race, failure) -> {
            if (scripted.isCancelled()) {
                real.cancel(false);
            }
        });
        return scripted;
    }

    @Override
    public void start() {
        inner.start();
    }

    @Override
    public TrackStatus status() {
        return inner.status();
    }

    @Override
    public void addStatusListener(Consumer<TrackStatus> listener) {
        inner.addStatusListener(listener);
    }

    @Override
    public void removeStatusListener(Consumer<TrackStatus> listener) {
        inner.removeStatusListener(listener);
    }

    @Override
    public void cancelRace() {
        inner.cancelRace();
    }

    @Override
    public int laneCount() {
        return inner.laneCount();
    }

    @Override
    public void close() {
        inner.close();
    }
}
