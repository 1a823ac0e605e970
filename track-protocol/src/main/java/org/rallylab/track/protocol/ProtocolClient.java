package org.rallylab.track.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.rallylab.track.transport.Transport;

/**
 * Protocol 2.0 over one {@link Transport} connection: request ids, answers matched to requests,
 * timeouts, subscriptions, cancel and reset (docs/track-protocol.md).
 *
 * <p>Threading: any thread may send. Each client has one dispatch thread; it reads frames in the
 * order they arrived, completes request futures, calls subscription listeners and fires
 * timeouts, so a listener never runs concurrently with another callback of the same client and
 * sees events and answers in wire order. Callbacks must not block: never {@code join()} a
 * request of this client inside one (compose instead), or the dispatch thread waits for itself.
 *
 * <p>Ids are positive and increase for the life of the client, from 1 or from the first id given
 * (a host that connects again continues its ids, so an answer left in the line for an earlier
 * connection matches nothing). Every command but the waits
 * ({@code wait_race}, {@code wait_gate}) fails with a {@link TrackProtocolException#TIMEOUT} when
 * unanswered after the command timeout. An answer for an id that is not outstanding (late,
 * duplicated, or a human-form request's negative id) is logged and ignored. When the connection
 * ends, every outstanding request fails with {@link TrackProtocolException#DISCONNECTED}; a
 * client is not reused: connect again with a new one.
 *
 * <p>A {@code boot} line means the device restarted: every subscription ends and every wait then
 * outstanding fails with {@link TrackProtocolException#RESTARTED}, after the listener given to
 * {@link #onBoot} was told; the connection stays up. A line that is not a whole frame is logged
 * and skipped, except for a whole frame glued to its end behind a broken start, which is read
 * (docs/track-protocol.md, "Lines").
 *
 * <p>Signs of life: {@link #linesReceived()} counts complete lines only, so a device that stops
 * in the middle of a line (or never answers a wait) does not look alive; the track's liveness
 * check builds on it.
 */
public final class ProtocolClient implements AutoCloseable {

    /** How long a command other than a wait may go unanswered (docs/track-protocol.md, Host side). */
    public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);

    private static final Set<String> WAITS = Set.of("wait_race", "wait_gate");
    private static final int MAX_EARLY_EVENTS = 256;

    private final Transport transport;
    private final Duration commandTimeout;
    private final System.Logger log;
    private final ScheduledThreadPoolExecutor dispatcher;
    private final LineBuilder lines;
    private final AtomicLong nextId;
    private final AtomicLong linesReceived = new AtomicLong();
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final Map<Long, Subscription> subscriptions = new ConcurrentHashMap<>();
    /** Events for a sub whose subscribe answer has not arrived yet; dispatch thread only. */
    private final Map<Long, List<Frame.Event>> earlyEvents = new HashMap<>();
    private final CompletableFuture<String> disconnected = new CompletableFuture<>();
    private final AtomicBoolean opened = new AtomicBoolean();
    private final AtomicBoolean down = new AtomicBoolean();
    private volatile boolean closed;
    private volatile Consumer<Frame.Boot> bootListener = boot -> { };

    public ProtocolClient(Transport transport) {
        this(transport, COMMAND_TIMEOUT);
    }

    public ProtocolClient(Transport transport, Duration commandTimeout) {
        this(transport, commandTimeout, System.getLogger(ProtocolClient.class.getName()));
    }

    /**
     * As {@link #ProtocolClient(Transport, Duration)}, numbering requests from {@code firstId} (1 to
     * 2^53): a host that connects again continues where the last connection stopped, so an answer
     * left in the line for an earlier connection is never taken for one of this connection's.
     */
    public ProtocolClient(Transport transport, Duration commandTimeout, long firstId) {
        this(transport, commandTimeout, firstId, System.getLogger(ProtocolClient.class.getName()));
    }

    ProtocolClient(Transport transport, Duration commandTimeout, System.Logger log) {
        this(transport, commandTimeout, 1, log);
    }

    private ProtocolClient(Transport transport, Duration commandTimeout, long firstId, System.Logger log) {
        this.transport = Objects.requireNonNull(transport, "transport");
        if (commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("command timeout " + commandTimeout + " must be positive");
        }
        if (firstId < 1 || firstId > FrameCodec.MAX_ID) {
            throw new IllegalArgumentException("the first request id " + firstId + " must be 1 to 2^53");
        }
        this.nextId = new AtomicLong(firstId);
        this.commandTimeout = commandTimeout;
        this.log = log;
        this.dispatcher = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "track-protocol " + transport.description());
            t.setDaemon(true);
            return t;
        });
        dispatcher.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        dispatcher.setRemoveOnCancelPolicy(true);
        this.lines = new LineBuilder(LineBuilder.MAX_LINE_BYTES, transport.description(), this::lineArrived,
                System.getLogger(LineBuilder.class.getName()));
    }

    /** Opens the transport. */
    public void open() throws IOException {
        if (!opened.compareAndSet(false, true)) {
            throw new IllegalStateException("the client for " + transport.description() + " is already open");
        }
        try {
            transport.open(new Transport.Listener() {
                @Override
                public void received(byte[] chunk) {
                    lines.accept(chunk);
                }

                @Override
                public void disconnected(String reason) {
                    dispatch(() -> goDown(reason));
                }
            });
        } catch (IOException | RuntimeException e) {
            goDown("could not open " + transport.description() + ": " + e.getMessage());
            throw e;
        }
    }

    /** Sends {@code {"id":N,"cmd":command}}. */
    public Request request(String command) {
        return request(command, null);
    }

    /** Sends {@code {"id":N,"cmd":command,…args}}; {@code args} may be null. */
    public Request request(String command, ObjectNode args) {
        return send(command, args, null, null);
    }

    /**
     * As {@link #request(String, ObjectNode)}, failing with {@link TrackProtocolException#TIMEOUT}
     * when unanswered after {@code timeout} instead of the command timeout (also for a wait).
     */
    public Request request(String command, ObjectNode args, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout " + timeout + " must be positive");
        }
        return send(command, args, null, timeout);
    }

    /**
     * Tells {@code listener} (on the dispatch thread) of each {@code boot} line: the device
     * restarted. Every subscription has ended; the outstanding waits fail with
     * {@link TrackProtocolException#RESTARTED} (the device will never answer them) after the
     * listener was told. Commands are answered by the restarted device if it got them, else they
     * time out. Set it before {@link #open()}.
     */
    public void onBoot(Consumer<Frame.Boot> listener) {
        bootListener = Objects.requireNonNull(listener, "listener");
    }

    /** The id the next request gets. */
    public long nextId() {
        return nextId.get();
    }

    /** How many complete lines arrived so far, whatever they held (a partial line is not counted). */
    public long linesReceived() {
        return linesReceived.get();
    }

    /**
     * Subscribes to {@code topics}. The listener gets every event of the subscription (also
     * {@code overflow}), starting with the state the device pushes at once, on the dispatch thread.
     */
    public CompletableFuture<Subscription> subscribe(List<String> topics, Consumer<Frame.Event> listener) {
        Objects.requireNonNull(listener, "listener");
        ObjectNode args = FrameCodec.MAPPER.createObjectNode();
        ArrayNode list = args.putArray("topics");
        topics.forEach(list::add);
        CompletableFuture<Subscription> result = new CompletableFuture<>();
        Request request = send("subscribe", args, new OnOk() {
            @Override
            public void accept(long requestId, JsonNode ok) {
                result.complete(subscribed(requestId, ok, listener));
            }
        }, null);
        request.result().whenComplete((ok, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
            }
        });
        return result;
    }

    /** Sends {@code cancel} for request {@code requestId}; that request then fails with code {@code cancelled}. */
    public CompletableFuture<JsonNode> cancel(long requestId) {
        ObjectNode args = FrameCodec.MAPPER.createObjectNode();
        args.put("target", requestId);
        return request("cancel", args).result();
    }

    /**
     * Sends {@code reset}. When it succeeds, every request sent before it fails with
     * {@link TrackProtocolException#RESET} (the device will not answer them) and every subscription
     * made before it ends.
     */
    public CompletableFuture<JsonNode> reset() {
        return send("reset", null, (resetId, ok) -> {
            for (Pending p : List.copyOf(pending.values())) {
                if (p.id < resetId) {
                    fail(p, TrackProtocolException.reset(p.command));
                }
            }
            subscriptions.values().removeIf(s -> s.requestId() < resetId);
            earlyEvents.clear();
        }, null).result();
    }

    /** Completes with the reason when the connection ends (on the dispatch thread). */
    public CompletableFuture<String> disconnected() {
        return disconnected;
    }

    /** The link's description, for messages. */
    public String description() {
        return transport.description();
    }

    /** Closes the transport; outstanding requests fail with {@link TrackProtocolException#DISCONNECTED}. */
    @Override
    public void close() {
        closed = true;
        transport.close();
        dispatch(() -> goDown("closed by RallyLab"));
    }

    CompletableFuture<Void> unsubscribe(Subscription subscription) {
        subscriptions.remove(subscription.id(), subscription);
        ObjectNode args = FrameCodec.MAPPER.createObjectNode();
        args.put("sub", subscription.id());
        return request("unsubscribe", args).result().thenApply(ok -> null);
    }

    /** {@code timeout}: null for the command timeout (none for a wait). */
    private Request send(String command, ObjectNode args, OnOk onOk, Duration timeout) {
        Objects.requireNonNull(command, "command");
        long id = nextId.getAndIncrement();
        byte[] frame = FrameCodec.encode(id, command, args);
        CompletableFuture<JsonNode> future = new CompletableFuture<>();
        Pending p = new Pending(id, command, future, onOk);
        Request request = new Request(id, command, future);
        if (!opened.get() || closed || down.get()) {
            future.completeExceptionally(TrackProtocolException.disconnected(command,
                    opened.get() ? disconnectedReason() : "the client is not open"));
            return request;
        }
        pending.put(id, p);
        Duration limit = timeout != null ? timeout : WAITS.contains(command) ? null : commandTimeout;
        if (limit != null) {
            try {
                p.timeout = dispatcher.schedule(() -> fail(p, TrackProtocolException.timeout(command, limit)),
                        limit.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                // going down: the check below fails the request
            }
        }
        if (down.get()) {
            fail(p, TrackProtocolException.disconnected(command, disconnectedReason()));
            return request;
        }
        try {
            transport.write(frame);
        } catch (IOException e) {
            fail(p, TrackProtocolException.disconnected(command, "could not send: " + e.getMessage()));
            return request;
        }
        future.whenComplete((ok, failure) -> {
            if (future.isCancelled() && pending.remove(id, p)) {
                p.cancelTimeout();
                cancel(id);
            }
        });
        return request;
    }

    private String disconnectedReason() {
        return disconnected.getNow("the connection is closing");
    }

    private void lineArrived(String line) {
        linesReceived.incrementAndGet();
        Frame frame = FrameCodec.parse(line);
        if (frame instanceof Frame.Unknown unknown && unknown.reason().startsWith("not JSON")) {
            FrameCodec.Glued glued = FrameCodec.frameAtEnd(line);
            if (glued != null) {
                log.log(System.Logger.Level.WARNING, "skipped the broken start of a line from " + transport.description()
                        + " (" + glued.brokenStart().length() + " characters, a frame cut short: "
                        + abbreviate(glued.brokenStart()) + ") and read the frame after it");
                frame = glued.frame();
            }
        }
        Frame read = frame;
        dispatch(() -> handle(read));
    }

    private void handle(Frame frame) {
        if (frame instanceof Frame.Response response) {
            Pending p = pending.remove(response.id());
            if (p == null) {
                notOutstanding(response.id());
                return;
            }
            p.cancelTimeout();
            if (p.onOk != null) {
                try {
                    p.onOk.accept(p.id, response.ok());
                } catch (RuntimeException e) {
                    p.future.completeExceptionally(e);
                    return;
                }
            }
            p.future.complete(response.ok());
        } else if (frame instanceof Frame.ErrorResponse error) {
            if (error.id() == null) {
                log.log(System.Logger.Level.WARNING, transport.description() + " could not read a line we sent: "
                        + error.message() + " (" + error.code() + ")");
                return;
            }
            Pending p = pending.remove(error.id());
            if (p == null) {
                notOutstanding(error.id());
                return;
            }
            p.cancelTimeout();
            p.future.completeExceptionally(TrackProtocolException.refused(p.command, error.code(), error.message()));
        } else if (frame instanceof Frame.Event event) {
            eventArrived(event);
        } else if (frame instanceof Frame.Boot boot) {
            restarted(boot);
        } else if (frame instanceof Frame.Unknown unknown) {
            System.Logger.Level level = unknown.reason().startsWith("not JSON")
                    ? System.Logger.Level.INFO : System.Logger.Level.DEBUG;
            log.log(level, "ignoring a line from " + transport.description() + " (" + unknown.reason() + "): "
                    + abbreviate(unknown.line()));
        }
    }

    /**
     * The device restarted: its subscriptions are gone, and so are the waits it held, which would
     * otherwise never end: they fail, after the listener was told (see {@link #onBoot}). A command
     * is left alone: sent just before this line was read, it may have reached the restarted device,
     * which answers it; else it times out as any unanswered command. Requests the listener's
     * reaction sends meanwhile, from another thread, are the restarted device's and stay.
     */
    private void restarted(Frame.Boot boot) {
        List<Pending> gone = pending.values().stream().filter(p -> WAITS.contains(p.command)).toList();
        log.log(System.Logger.Level.INFO, transport.description() + " restarted (" + boot.whyAndFirmware() + "); "
                + gone.size() + " waits and " + subscriptions.size()
                + " subscriptions it held are gone");
        subscriptions.clear();
        earlyEvents.clear();
        try {
            bootListener.accept(boot);
        } catch (RuntimeException e) {
            log.log(System.Logger.Level.WARNING, "the boot listener of " + transport.description() + " failed", e);
        }
        for (Pending p : gone) {
            fail(p, TrackProtocolException.restarted(p.command, boot.why()));
        }
    }

    private void eventArrived(Frame.Event event) {
        Subscription subscription = subscriptions.get(event.sub());
        if (subscription != null) {
            deliver(subscription, event);
            return;
        }
        boolean subscribing = pending.values().stream().anyMatch(p -> p.command.equals("subscribe"));
        int held = earlyEvents.values().stream().mapToInt(List::size).sum();
        if (subscribing && held < MAX_EARLY_EVENTS) {
            earlyEvents.computeIfAbsent(event.sub(), sub -> new ArrayList<>()).add(event);
        } else {
            log.log(System.Logger.Level.DEBUG, "ignoring a " + event.name() + " event of subscription " + event.sub()
                    + ", which is not ours");
        }
    }

    private Subscription subscribed(long requestId, JsonNode ok, Consumer<Frame.Event> listener) {
        JsonNode sub = ok == null ? null : ok.get("sub");
        if (!FrameCodec.isId(sub)) {
            throw new TrackProtocolException(TrackProtocolException.INTERNAL, "subscribe",
                    "the track's answer to 'subscribe' has no sub number: " + ok);
        }
        Subscription subscription = new Subscription(this, sub.longValue(), strings(ok.get("topics")),
                strings(ok.get("unknown")), requestId, listener);
        subscriptions.put(subscription.id(), subscription);
        List<Frame.Event> held = earlyEvents.remove(subscription.id());
        if (held != null) {
            held.forEach(event -> deliver(subscription, event));
        }
        if (pending.values().stream().noneMatch(p -> p.command.equals("subscribe"))) {
            earlyEvents.clear();
        }
        return subscription;
    }

    private void deliver(Subscription subscription, Frame.Event event) {
        if (event.name().equals("overflow")) {
            log.log(System.Logger.Level.INFO, transport.description() + " dropped " + event.integer("dropped")
                    + " events of " + subscription);
        }
        try {
            subscription.listener().accept(event);
        } catch (RuntimeException e) {
            log.log(System.Logger.Level.WARNING, "a listener of " + subscription + " failed", e);
        }
    }

    private void notOutstanding(long id) {
        log.log(System.Logger.Level.WARNING, "ignoring an answer from " + transport.description() + " for request "
                + id + ", which is not outstanding (already answered, timed out or cancelled)");
    }

    private void goDown(String reason) {
        if (!down.compareAndSet(false, true)) {
            return;
        }
        disconnected.complete(reason);
        for (Pending p : List.copyOf(pending.values())) {
            fail(p, TrackProtocolException.disconnected(p.command, reason));
        }
        subscriptions.clear();
        earlyEvents.clear();
        dispatcher.shutdown();
    }

    private void fail(Pending p, TrackProtocolException failure) {
        if (pending.remove(p.id, p)) {
            p.cancelTimeout();
            p.future.completeExceptionally(failure);
        }
    }

    private void dispatch(Runnable task) {
        try {
            dispatcher.execute(task);
        } catch (RejectedExecutionException e) {
            // the client is down; nothing is waiting for this any more
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> result = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(item -> result.add(item.asText()));
        }
        return result;
    }

    private static String abbreviate(String line) {
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }

    /** Runs on the dispatch thread when the answer is ok, before the request's future completes. */
    @FunctionalInterface
    private interface OnOk {
        void accept(long requestId, JsonNode ok);
    }

    private static final class Pending {
        final long id;
        final String command;
        final CompletableFuture<JsonNode> future;
        final OnOk onOk;
        volatile ScheduledFuture<?> timeout;

        Pending(long id, String command, CompletableFuture<JsonNode> future, OnOk onOk) {
            this.id = id;
            this.command = command;
            this.future = future;
            this.onOk = onOk;
        }

        void cancelTimeout() {
            ScheduledFuture<?> t = timeout;
            if (t != null) {
                t.cancel(false);
            }
        }
    }
}
