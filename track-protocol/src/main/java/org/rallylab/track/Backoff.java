package org.rallylab.track;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Reconnect delays: {@code first}, doubling up to {@code max}; each is drawn uniformly from 80 % to
 * 120 % of that (never above {@code max}), so that retries do not fall in step with anything.
 */
final class Backoff {

    private final Duration first;
    private final Duration max;
    private final RandomGenerator random;
    private Duration next;

    Backoff(Duration first, Duration max, RandomGenerator random) {
        this.first = first;
        this.max = max;
        this.random = random;
        this.next = first;
    }

    Duration next() {
        Duration base = next;
        next = base.multipliedBy(2).compareTo(max) > 0 ? max : base.multipliedBy(2);
        double low = base.toNanos() * 0.8;
        double high = Math.min(base.toNanos() * 1.2, max.toNanos());
        return Duration.ofNanos((long) (low + random.nextDouble() * (high - low)));
    }

    void reset() {
        next = first;
    }
}
