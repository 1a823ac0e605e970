package org.rallylab.app.race;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * In-process publish/subscribe of immutable messages (the audience screen, the race loop's
 * status): a screen renders the last message it got and may come and go at any time.
 *
 * <ul>
 *   <li>{@link #publish} may be called from any thread; it never waits for a subscriber.</li>
 *   <li>Each subscriber is called on the executor it gave, with every message in publish order,
 *       one at a time (also with a direct executor, also when a subscriber publishes itself).</li>
 *   <li>A new subscriber gets the last message at once (on its executor), then every later one.</li>
 *   <li>After {@link Subscription#close()} a subscriber is not called again, even for messages
 *       already handed to its executor.</li>
 *   <li>A subscriber that throws does not stop the others: its exception goes to the uncaught
 *       exception handler of the thread it ran on (the app shows it in a dialog).</li>
 * </ul>
 *
 * @param <M> the message type; messages must be immutable (records of immutable values)
 */
public final class StateBus<M> {

    private final Object lock = new Object();
    private final List<Subscriber<M>> subscribers = new CopyOnWriteArrayList<>();
    private volatile M last;

    /** Sends {@code message} to every subscriber and keeps it as the last message. */
    public void publish(M message) {
        Objects.requireNonNull(message, "message");
        synchronized (lock) {
            last = message;
            for (Subscriber<M> s : subscribers) {
                s.queue.add(message);
            }
        }
        // Queued for everyone first, then delivered: a subscriber publishing from inside its
        // callback cannot overtake this message at the others.
        for (Subscriber<M> s : subscribers) {
            s.schedule();
        }
    }

    /** The last message published, if any. */
    public Optional<M> last() {
        return Optional.ofNullable(last);
    }

    /**
     * Calls {@code subscriber} on {@code executor} with the last message (if any), then with every
     * message published after it, until the returned subscription is closed.
     */
    public Subscription subscribe(Executor executor, Consumer<? super M> subscriber) {
        Subscriber<M> s = new Subscriber<>(Objects.requireNonNull(executor, "executor"),
                Objects.requireNonNull(subscriber, "subscriber"));
        synchronized (lock) {
            subscribers.add(s);
            if (last != null) {
                s.queue.add(last);
            }
        }
        s.schedule();
        return () -> {
            s.closed = true;
            subscribers.remove(s);
        };
    }

    /** Messages waiting for one subscriber, delivered by at most one task on its executor at a time. */
    private static final class Subscriber<M> {
        final Executor executor;
        final Consumer<? super M> consumer;
        final Queue<M> queue = new ConcurrentLinkedQueue<>();
        final AtomicBoolean draining = new AtomicBoolean();
        volatile boolean closed;

        Subscriber(Executor executor, Consumer<? super M> consumer) {
            this.executor = executor;
            this.consumer = consumer;
        }

        void schedule() {
            if (!queue.isEmpty() && draining.compareAndSet(false, true)) {
                try {
                    executor.execute(this::drain);
                } catch (RejectedExecutionException e) {
                    draining.set(false); // the executor is shut down: nobody is listening any more
                }
            }
        }

        private void drain() {
            M message;
            while ((message = queue.poll()) != null) {
                if (closed) {
                    queue.clear();
                    break;
                }
                try {
                    consumer.accept(message);
                } catch (RuntimeException e) {
                    Thread t = Thread.currentThread();
                    t.getUncaughtExceptionHandler().uncaughtException(t, e);
                }
            }
            draining.set(false);
            schedule(); // a message that arrived after the last poll
        }
    }
}
