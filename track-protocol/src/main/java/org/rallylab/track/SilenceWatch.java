package org.rallylab.track;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.function.BiConsumer;
import org.rallylab.track.protocol.TrackProtocolException;

/**
 * Notices a track that stopped answering (issue 11). When no complete line arrived on the live
 * connection for {@code silence}, it sends {@code gate}; when that goes unanswered for
 * {@code probeTimeout}, the connection is declared dead and {@code dead} drops it (the track then
 * reconnects with backoff). Only complete lines are signs of life: half a frame followed by
 * nothing is none, and neither is an outstanding {@code wait_race}, which has no timeout. The probe
 * goes out even while other commands are outstanding, because not every command's timeout ends a
 * connection. A silent track is noticed within {@code 2 × silence + probeTimeout}.
 *
 * <p>Event thread only; its delays go through {@link Delays}, the probe's timeout is the
 * protocol client's.
 */
final class SilenceWatch {

    /** Why a silent connection was dropped, in the operator's words. */
    static final String STOPPED_ANSWERING = "the track stopped answering: check the USB cable";

    private final Executor onThread;
    private final ScheduledExecutorService thread;
    private final Delays delays;
    private final Duration silence;
    private final Duration probeTimeout;
    private final BiConsumer<PicoLink, String> dead;

    private PicoLink watched;
    private long lines;
    private ScheduledFuture<?> next;

    /** @param dead drops a connection that stopped answering, with the reason */
    SilenceWatch(Executor onThread, ScheduledExecutorService thread, Delays delays, Duration silence,
                 Duration probeTimeout, BiConsumer<PicoLink, String> dead) {
        this.onThread = onThread;
        this.thread = thread;
        this.delays = delays;
        this.silence = silence;
        this.probeTimeout = probeTimeout;
        this.dead = dead;
    }

    /** Watches the live connection {@code l} (instead of any other). */
    void watch(PicoLink l) {
        stop();
        watched = l;
        lines = l.client.linesReceived();
        checkLater(l);
    }

    /** Stops watching {@code l}, when it is the one watched: it was dropped. */
    void forget(PicoLink l) {
        if (watched == l) {
            stop();
        }
    }

    private void stop() {
        watched = null;
        if (next != null) {
            next.cancel(false);
            next = null;
        }
    }

    private void checkLater(PicoLink l) {
        try {
            next = delays.schedule(thread, silence, () -> check(l));
        } catch (RejectedExecutionException e) {
            next = null; // the track is closing
        }
    }

    private void check(PicoLink l) {
        if (watched != l) {
            return;
        }
        next = null;
        long now = l.client.linesReceived();
        if (now != lines) {
            lines = now;
            checkLater(l);
            return;
        }
        l.client.request("gate", null, probeTimeout).result()
                .whenCompleteAsync((ok, failure) -> probed(l, failure), onThread);
    }

    private void probed(PicoLink l, Throwable failure) {
        if (watched != l) {
            return;
        }
        if (failure != null && PicoRaces.hasCode(failure, TrackProtocolException.TIMEOUT)) {
            stop();
            dead.accept(l, STOPPED_ANSWERING);
            return;
        }
        if (PicoRaces.unwrap(failure) instanceof TrackProtocolException e && !e.fromDevice()) {
            return; // disconnected: the track is already dropping this connection
        }
        lines = l.client.linesReceived(); // an answer, even a refusal, is a sign of life
        checkLater(l);
    }
}
