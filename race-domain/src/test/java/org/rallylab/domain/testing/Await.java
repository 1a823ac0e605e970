package org.rallylab.domain.testing;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * The one way a test waits: poll a condition until it holds, failing with what was awaited after
 * one generous timeout. A test never sleeps and then checks, and never waits on the machine's
 * speed: it waits for a positive signal (the state it expects, a line in a log, a file on disk).
 * A test that checks that something did <em>not</em> happen first awaits a signal that the moment
 * it could have happened has passed (the next heat staged, a later event applied), then checks.
 *
 * <p>The timeout is long on purpose ({@value #TIMEOUT_SECONDS} s by default, or the
 * {@code rallylab.await.seconds} system property): a loaded machine only makes a passing test
 * slower, never failing. A condition that throws is treated as "not yet" and its last failure is
 * reported when time runs out, so an AssertJ assertion can be awaited as it is.
 */
public final class Await {

    /**
     * The default timeout in seconds: far beyond anything a healthy test waits for, even an app in
     * a child JVM racing heats on a machine running the whole build twice over.
     */
    public static final int TIMEOUT_SECONDS = 120;

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /** A condition that may throw (an assertion, a file read) while it does not hold yet. */
    @FunctionalInterface
    public interface Check {
        void run() throws Exception;
    }

    private Await() {
    }

    /** The timeout every wait uses. */
    public static Duration timeout() {
        return Duration.ofSeconds(Long.getLong("rallylab.await.seconds", TIMEOUT_SECONDS));
    }

    /** Waits until {@code condition} returns true; fails naming {@code what} after the timeout. */
    public static void until(String what, Callable<Boolean> condition) {
        Objects.requireNonNull(condition, "condition");
        value(what, () -> Boolean.TRUE.equals(condition.call()) ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    /** Waits until {@code check} runs without throwing (an assertion that comes true). */
    public static void untilAsserted(String what, Check check) {
        Objects.requireNonNull(check, "check");
        value(what, () -> {
            check.run();
            return Optional.of(Boolean.TRUE);
        });
    }

    /** Waits until {@code supplier} gives a value {@code wanted} accepts, and returns that value. */
    public static <T> T until(String what, Callable<T> supplier, Predicate<? super T> wanted) {
        Objects.requireNonNull(supplier, "supplier");
        Objects.requireNonNull(wanted, "wanted");
        return value(what, () -> {
            T value = supplier.call();
            if (!wanted.test(value)) {
                throw new NotYet(value);
            }
            return Optional.of(value);
        });
    }

    /** A value the wait did not want yet; the last one is named when time runs out. */
    private static final class NotYet extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotYet(Object value) {
            super("last value: " + value, null, false, false);
        }
    }

    /** Waits until {@code supplier} gives a present value, and returns it. */
    public static <T> T value(String what, Callable<Optional<T>> supplier) {
        Objects.requireNonNull(what, "what");
        long deadline = System.nanoTime() + timeout().toNanos();
        Throwable last = null;
        while (true) {
            try {
                Optional<T> value = supplier.call();
                if (value != null && value.isPresent()) {
                    return value.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            } catch (Exception | AssertionError e) {
                last = e;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waited " + timeout().toSeconds() + " s for " + what
                        + (last == null ? "" : "; last: " + last), last);
            }
            LockSupport.parkNanos(POLL_NANOS);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
    }

    /**
     * Why {@code future} failed: its cause, or the {@link CancellationException} of a cancelled
     * one. Fails the test when it completes normally, or is not done within the timeout.
     */
    public static Throwable failure(String what, Future<?> future) {
        try {
            Object value = future.get(timeout().toNanos(), TimeUnit.NANOSECONDS);
            throw new AssertionError(what + " did not fail: it gave " + value);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (CancellationException e) {
            return e;
        } catch (TimeoutException e) {
            throw new AssertionError(what + " was not done within " + timeout().toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        }
    }
}
