package org.rallylab.track;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.track.protocol.Frame;
import org.rallylab.track.protocol.Request;
import org.rallylab.track.protocol.TrackProtocolException;

/**
 * The races of a {@link PicoTrack}: the outstanding {@code wait_race}, sent again on every new
 * connection, and which race ids must never be delivered. Event thread only.
 *
 * <p>Why each race is delivered exactly once. The device keeps its last completed race;
 * {@code wait_race} with {@code after} returns it at once when it differs from {@code after},
 * else arms (or joins the race under way). So with {@code after} = the last race this session
 * saw, a race that finished while the cable was out comes back on the next wait, and one that is
 * still running is joined after {@code reset} (which leaves a running race alone). The pieces:
 * <ul>
 * <li>No {@code after} yet (the caller recorded no race, none seen): ask {@code state} first. A
 * last race already there belongs to before this session and becomes the baseline; if the device
 * had none, a race found on a later connection finished since, so it is ours.
 * <li>A race id already seen (delivered, or abandoned) is dropped and the wait sent again with
 * {@code after} = that id, which then arms. So is a race on other lanes than the heat's.
 * <li>A cancelled wait whose race was already running: that race runs on and would become the
 * next wait's answer, so its id (from the {@code race} topic's {@code armed} event, or, when the
 * cancel could not reach the device, from {@code state} on the next connection) is abandoned.
 * </ul>
 *
 * <p>Restarts. A device that restarts forgets every request, subscription and race; the times of
 * a race under way are lost with it, and must never be lost silently. So the heat's race on the
 * device ({@link RaceOnDevice}: its id, and whether its gate opened) is kept when a connection ends:
 * <ul>
 * <li>A {@code boot} line on the live connection: the events up to it are complete. A race that had
 * started fails with {@link TrackRestartedException} ("run heat N again"); one only armed is armed
 * again by the wait sent once the device is set up again, silently.
 * <li>A new connection after a lost one: before its {@code reset} (which would disarm it),
 * {@code state} and {@code dbg} tell what became of that race ({@link RaceOnDevice#fate}); one
 * lost with a restart fails the heat the same way.
 * </ul>
 */
final class PicoRaces {

    private static final System.Logger LOG = System.getLogger(PicoRaces.class.getName());
    private static final Duration BUSY_RETRY = Duration.ofMillis(500);

    /** A {@link Track#race} call. */
    static final class Race {
        final int heat;
        final String lanes;
        final CompletableFuture<CompletedRace> result = new CompletableFuture<>();
        Request wait;
        PicoLink waitLink;
        int attempt;
        /** The heat's race on the device when the connection of its wait ended; checked on the next. */
        RaceOnDevice.Seen onDevice;

        Race(Heat heat) {
            this.heat = heat.number();
            this.lanes = RaceJson.lanes(heat);
        }
    }

    private final Executor onThread;
    private final ScheduledExecutorService thread;
    private final Delays delays;
    private final BiConsumer<PicoLink, String> drop;
    private final SeenRaces seen = new SeenRaces();
    private final RaceOnDevice device = new RaceOnDevice();

    private PicoLink link;
    private Race outstanding;
    private boolean abandonOnConnect;
    private boolean emptyBaseline;

    /** @param drop closes a connection that stopped answering, and reconnects */
    PicoRaces(Executor onThread, ScheduledExecutorService thread, Delays delays, BiConsumer<PicoLink, String> drop) {
        this.onThread = onThread;
        this.thread = thread;
        this.delays = delays;
        this.drop = drop;
    }

    void begin(Race race, String afterRaceId) {
        seen.callerRecorded(afterRaceId);
        if (outstanding != null) {
            cancel(outstanding, new CancellationException("replaced by the race for heat " + race.heat));
        }
        if (race.result.isDone()) {
            return;
        }
        outstanding = race;
        if (link != null) {
            issue(race);
        }
    }

    void cancelOutstanding() {
        if (outstanding != null) {
            cancel(outstanding, new CancellationException("the race for heat " + outstanding.heat + " was cancelled"));
        }
    }

    /** Ends {@code race}; {@code failure} is null when the caller cancelled its future. */
    void cancel(Race race, CancellationException failure) {
        if (outstanding != race) {
            return;
        }
        outstanding = null;
        PicoLink l = link;
        if (race.wait != null && race.waitLink == l && l != null) {
            l.client.cancel(race.wait.id()).whenCompleteAsync((ok, cancelFailure) -> {
                if (cancelFailure == null || hasCode(cancelFailure, TrackProtocolException.BAD_ARGS)) {
                    if (link == l && device.raceId() != null) {
                        seen.abandoned(device.raceId()); // already racing: it runs on, for nobody
                    }
                } else {
                    abandonOnConnect = true;
                    if (link == l) {
                        drop.accept(l, "the track did not confirm 'cancel': " + messageOf(cancelFailure));
                    }
                }
            }, onThread);
        } else if (race.waitLink != null) {
            abandonOnConnect = true; // its wait went out on a connection that is gone
            if (l != null) {
                settle(l, () -> { });
            }
        }
        race.wait = null;
        if (failure != null) {
            race.result.completeExceptionally(failure);
        }
    }

    /** A connection is ready: settle abandoned races, then send the outstanding wait again. */
    void connected(PicoLink l) {
        link = l;
        if (outstanding != null) {
            outstanding.onDevice = null; // checked on this connection; a restart before now is checked again
        }
        Runnable go = () -> {
            if (outstanding != null && outstanding.wait == null) {
                issue(outstanding);
            }
        };
        if (abandonOnConnect) {
            settle(l, go);
        } else {
            go.run();
        }
    }

    /** Connection {@code l} ended: the outstanding wait goes out again on the next, after {@link #check}. */
    void lost(PicoLink l) {
        if (link == l) {
            link = null;
        }
        if (outstanding != null && outstanding.waitLink == l) {
            RaceOnDevice.Seen onDevice = heatsRace(l);
            if (onDevice != null) {
                outstanding.onDevice = onDevice;
            }
            outstanding.wait = null;
        }
        device.forget();
    }

    /**
     * The device on the live connection {@code l} restarted ({@code boot}): a race of the
     * outstanding heat that had started is lost and the heat fails; otherwise its wait goes out
     * again once the device is set up.
     */
    void restarted(PicoLink l, Frame.Boot boot) {
        Race race = outstanding;
        RaceOnDevice.Seen onDevice = heatsRace(l);
        lost(l);
        if (race == null) {
            return;
        }
        race.onDevice = null; // decided here, from the whole story
        if (onDevice != null && onDevice.started()) {
            restartedDuring(race, onDevice, boot.why());
        } else if (onDevice != null) {
            LOG.log(System.Logger.Level.INFO, "the track restarted while heat " + race.heat + " was armed (race "
                    + onDevice.raceId() + "); arming it again");
        }
    }

    /**
     * On a new connection {@code l}, before its {@code reset}: whether the outstanding heat's race,
     * as the last connection left it, survived (see the class comment); a lost one fails the heat.
     * The race is kept until the connection is ready, so a restart before then checks it again.
     * {@code boot} is {@code info}'s (null when the device gave none). Then {@code then} runs on the
     * event thread, with null, or the failure of the check's requests.
     */
    void check(PicoLink l, Frame.Boot boot, Consumer<Throwable> then) {
        Race race = outstanding;
        RaceOnDevice.Seen before = race == null ? null : race.onDevice;
        if (before == null) {
            then.accept(null);
            return;
        }
        CompletableFuture<JsonNode> last = l.client.request("state").result();
        CompletableFuture<JsonNode> debug = l.client.request("dbg").result();
        CompletableFuture.allOf(last, debug).handle((ok, failure) -> null).thenAcceptAsync(done -> {
            Throwable failure = checkFailure(last, debug);
            if (failure == null && outstanding == race && race.onDevice == before) {
                JsonNode engine = debug.isCompletedExceptionally() ? null : debug.join().path("engine");
                afterwards(race, before, RaceOnDevice.fate(before, raceIdOf(last.join()), engine, boot), boot);
            }
            then.accept(failure);
        }, onThread);
    }

    /** What failed the check: {@code state} in any way, {@code dbg} other than by the device's refusal. */
    private static Throwable checkFailure(CompletableFuture<JsonNode> last, CompletableFuture<JsonNode> debug) {
        for (CompletableFuture<JsonNode> request : List.of(last, debug)) {
            if (request.isCompletedExceptionally()) {
                Throwable failure = unwrap(request.handle((ok, e) -> e).join());
                if (request == last || !(failure instanceof TrackProtocolException e && e.fromDevice())) {
                    return failure;
                }
            }
        }
        return null;
    }

    private void afterwards(Race race, RaceOnDevice.Seen before, RaceOnDevice.Fate fate, Frame.Boot boot) {
        switch (fate) {
            case UNKNOWN -> LOG.log(System.Logger.Level.WARNING, "the track does not say (dbg) whether race "
                    + before.raceId() + " of heat " + race.heat + " is still under way; waiting for it as for any race");
            case ARM_AGAIN -> LOG.log(System.Logger.Level.INFO, "the track restarted (" + boot.why() + ") while heat "
                    + race.heat + " was armed (race " + before.raceId() + "); arming it again");
            case LOST -> restartedDuring(race, before, boot == null ? "unknown" : boot.why());
            default -> {
                // FINISHED or UNDER_WAY: the wait gets it
            }
        }
    }

    private void restartedDuring(Race race, RaceOnDevice.Seen lost, String why) {
        outstanding = null;
        race.wait = null;
        seen.abandoned(lost.raceId());
        TrackRestartedException failure = new TrackRestartedException(race.heat, why);
        LOG.log(System.Logger.Level.WARNING, failure.getMessage() + " (race " + lost.raceId() + (lost.started()
                ? ": its gate had opened)" : ": armed when the track was last seen)"));
        race.result.completeExceptionally(failure);
    }

    /** An event of the {@code race} or {@code engine} topic. */
    void event(Frame.Event event) {
        device.event(event);
    }

    /** The race the device has under way for the outstanding wait on {@code l}, or null. */
    private RaceOnDevice.Seen heatsRace(PicoLink l) {
        Race race = outstanding;
        RaceOnDevice.Seen onDevice = race == null || race.waitLink != l ? null : device.of(race.lanes);
        return onDevice == null || seen.contains(onDevice.raceId()) ? null : onDevice;
    }

    void close() {
        if (outstanding != null) {
            Race race = outstanding;
            outstanding = null;
            race.result.completeExceptionally(new CancellationException("the track was closed"));
        }
    }

    private void settle(PicoLink l, Runnable then) {
        if (device.raceId() != null) {
            seen.abandoned(device.raceId());
        }
        l.client.request("state").result().whenCompleteAsync((last, failure) -> {
            if (link != l) {
                return;
            }
            if (failure != null) {
                drop.accept(l, messageOf(failure));
                return;
            }
            String id = raceIdOf(last);
            if (id != null) {
                seen.abandoned(id);
            }
            abandonOnConnect = false;
            then.run();
        }, onThread);
    }

    private void issue(Race race) {
        PicoLink l = link;
        int highest = RaceJson.highestLane(race.lanes);
        if (highest > l.laneCount) {
            outstanding = null;
            race.result.completeExceptionally(new IllegalArgumentException("heat " + race.heat + " uses lane " + highest
                    + ", which is not on this " + l.laneCount + "-lane track"));
            return;
        }
        int attempt = ++race.attempt;
        if (seen.after() != null) {
            send(l, race, seen.after());
            return;
        }
        l.client.request("state").result().whenCompleteAsync((last, failure) -> {
            if (outstanding != race || race.attempt != attempt || link != l) {
                return;
            }
            if (failure != null) {
                if (hasCode(failure, TrackProtocolException.TIMEOUT)) {
                    drop.accept(l, messageOf(failure));
                } else if (unwrap(failure) instanceof TrackProtocolException e && e.fromDevice()) {
                    send(l, race, null); // no 'state' on this device: wait without after
                }
                return;
            }
            String lastId = raceIdOf(last);
            if (lastId == null) {
                emptyBaseline = true;
                send(l, race, null);
            } else if (emptyBaseline && !seen.contains(lastId)) {
                answered(race, last); // finished since the track was seen empty
            } else {
                seen.saw(lastId);
                send(l, race, lastId);
            }
        }, onThread);
    }

    private void send(PicoLink l, Race race, String after) {
        ObjectNode args = JsonNodeFactory.instance.objectNode();
        args.put("lanes", race.lanes);
        if (after != null) {
            args.put("after", after);
        }
        Request wait = l.client.request("wait_race", args);
        race.wait = wait;
        race.waitLink = l;
        wait.result().whenCompleteAsync((ok, failure) -> waitAnswered(race, wait.id(), ok, failure), onThread);
    }

    private void waitAnswered(Race race, long waitId, JsonNode ok, Throwable failure) {
        boolean current = outstanding == race && race.wait != null && race.wait.id() == waitId;
        if (failure != null) {
            if (!current) {
                return;
            }
            race.wait = null;
            Throwable cause = unwrap(failure);
            if (cause instanceof TrackProtocolException e && !e.fromDevice()) {
                return; // disconnected or reset: sent again on the next connection
            }
            if (hasCode(cause, TrackProtocolException.BUSY)) {
                delays.schedule(thread, BUSY_RETRY, () -> {
                    if (outstanding == race && race.wait == null && link != null) {
                        issue(race);
                    }
                });
                return;
            }
            outstanding = null;
            race.result.completeExceptionally(cause);
        } else if (current) {
            answered(race, ok);
        } else {
            String id = raceIdOf(ok);
            if (id != null && !seen.contains(id)) {
                LOG.log(System.Logger.Level.INFO, "race " + id + " finished after its wait was cancelled; not reported");
            }
            if (id != null) {
                seen.saw(id);
            }
        }
    }

    /**
     * A race the track gave for {@code race}: dropped when stale, else delivered, or refused when
     * no race can hold its values (issue 11). A refused race counts as seen, so the next wait
     * arms a new race instead of getting it back: the operator re-runs the heat.
     */
    private void answered(Race race, JsonNode ok) {
        String id = raceIdOf(ok);
        String lanes = ok == null ? null : RaceJson.lanesOf(ok);
        boolean stale = (id != null && seen.contains(id)) || (lanes != null && !lanes.equals(race.lanes));
        if (id != null) {
            seen.saw(id);
        }
        race.wait = null;
        if (stale) {
            LOG.log(System.Logger.Level.DEBUG, "race " + id + " is not heat " + race.heat + "'s; waiting for the next");
            if (link != null) {
                issue(race);
            }
            return;
        }
        outstanding = null;
        try {
            race.result.complete(RaceJson.completedRace(ok, race.lanes, link == null ? null : link.raceTimeoutMs));
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "refused a race for heat " + race.heat + ": " + e.getMessage()
                    + " (the track sent " + abbreviate(String.valueOf(ok)) + ")");
            race.result.completeExceptionally(new TrackProtocolException(TrackProtocolException.BAD_VALUE, "wait_race",
                    e.getMessage()));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }

    private static String raceIdOf(JsonNode race) {
        return race != null && race.path("race_id").isTextual() ? race.get("race_id").asText() : null;
    }

    static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    static boolean hasCode(Throwable failure, String code) {
        return unwrap(failure) instanceof TrackProtocolException e && code.equals(e.code());
    }

    static String messageOf(Throwable failure) {
        return unwrap(failure).getMessage();
    }
}
