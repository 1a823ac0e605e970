package org.rallylab.sync.worker;

import java.time.Duration;
import java.util.Random;

/**
 * How long to wait before retry number {@code failures}: 1 s, 2 s, 4 s … doubling up to a cap
 * of 60 s, with "equal jitter" (a random point in the upper half: [d/2, d]) so that many
 * laptops that lost the network together do not all come back in the same second. A
 * server's Retry-After is respected (waited at least), up to {@link #MAX_RETRY_AFTER}.
 */
final class Backoff {

    static final Duration BASE = Duration.ofSeconds(1);
    static final Duration CAP = Duration.ofSeconds(60);
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(10);

    private final Random random;

    Backoff(Random random) {
        this.random = random;
    }

    /** The ceiling before jitter for the {@code failures}-th failure in a row (1 or more). */
    static Duration ceiling(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures " + failures + ": the first failure is 1");
        }
        int doublings = Math.min(failures - 1, 30);
        long millis = Math.min(CAP.toMillis(), BASE.toMillis() << doublings);
        return Duration.ofMillis(millis);
    }

    /** The wait after the {@code failures}-th failure in a row; {@code retryAfter} may be null. */
    Duration delay(int failures, Duration retryAfter) {
        long ceiling = ceiling(failures).toMillis();
        long half = ceiling / 2;
        long jittered = half + (long) (random.nextDouble() * (ceiling - half + 1));
        Duration wait = Duration.ofMillis(Math.min(jittered, ceiling));
        if (retryAfter != null) {
            Duration asked = retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
            if (asked.compareTo(wait) > 0) {
                wait = asked;
            }
        }
        return wait;
    }
}
