package org.rallylab.sync.standin;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault switches of a {@link StandIn}, safe to flip from any thread while requests run. They apply to every
 * request (REST and auth) in the order: delay, HTML page, 500, then the request itself; "drop after commit"
 * applies to the next successful REST inserts only.
 */
public final class Faults {

    private volatile Duration delay = Duration.ZERO;
    private final AtomicInteger failing = new AtomicInteger();
    private final AtomicInteger dropping = new AtomicInteger();
    private final AtomicInteger html = new AtomicInteger();
    private volatile int htmlStatus = 502;

    Faults() {
    }

    /** Every request waits this long before it is handled (zero to stop). */
    public Faults delay(Duration perRequest) {
        if (perRequest.isNegative()) {
            throw new IllegalArgumentException("a delay cannot be negative: " + perRequest);
        }
        this.delay = perRequest;
        return this;
    }

    /** The next {@code n} requests answer 500 without touching the database. */
    public Faults failNext(int n) {
        failing.set(requireCount(n));
        return this;
    }

    /**
     * The next {@code n} REST inserts commit, then the connection is closed without a response: the row is
     * on the server but the client sees an I/O error and must retry.
     */
    public Faults dropAfterCommitNext(int n) {
        dropping.set(requireCount(n));
        return this;
    }

    /** The next {@code n} requests get a proxy's HTML error page with status 502 (nothing is handled). */
    public Faults answerHtmlNext(int n) {
        return answerHtmlNext(n, 502);
    }

    /** The next {@code n} requests get a proxy's (or captive portal's) HTML page with this status. */
    public Faults answerHtmlNext(int n, int status) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        htmlStatus = status;
        html.set(requireCount(n));
        return this;
    }

    /** Turns every switch off. */
    public Faults clear() {
        delay = Duration.ZERO;
        failing.set(0);
        dropping.set(0);
        html.set(0);
        return this;
    }

    Duration delay() {
        return delay;
    }

    boolean takeFailure() {
        return take(failing);
    }

    boolean takeDrop() {
        return take(dropping);
    }

    /** The status of the HTML page to answer, or 0 when this request is not to get one. */
    int takeHtml() {
        return take(html) ? htmlStatus : 0;
    }

    private static boolean take(AtomicInteger counter) {
        return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    private static int requireCount(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("a count cannot be negative: " + n);
        }
        return n;
    }
}
