package org.rallylab.sync.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    /** A Random that always gives the same fraction. */
    private static Random fixed(double fraction) {
        return new Random() {
            @Override
            public double nextDouble() {
                return fraction;
            }
        };
    }

    @Test
    void ceiling_doublesFromOneSecond_andStopsAt60() {
        long[] seconds = {1, 2, 4, 8, 16, 32, 60, 60, 60};
        for (int failure = 1; failure <= seconds.length; failure++) {
            assertThat(Backoff.ceiling(failure)).as("failure " + failure).isEqualTo(Duration.ofSeconds(seconds[failure - 1]));
        }
        assertThat(Backoff.ceiling(1_000)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void delay_isInTheUpperHalfOfTheCeiling_atBothEndsOfTheJitter() {
        Backoff low = new Backoff(fixed(0.0));
        Backoff high = new Backoff(fixed(0.999_999_999));
        for (int failure = 1; failure <= 12; failure++) {
            Duration ceiling = Backoff.ceiling(failure);
            assertThat(low.delay(failure, null)).isEqualTo(ceiling.dividedBy(2));
            assertThat(high.delay(failure, null)).isEqualTo(ceiling);
        }
    }

    @Test
    void delay_withARandomSource_staysWithinBounds_andVaries() {
        Backoff backoff = new Backoff(new Random(7));
        java.util.Set<Duration> seen = new java.util.HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            int failure = 1 + i % 10;
            Duration delay = backoff.delay(failure, null);
            assertThat(delay).isBetween(Backoff.ceiling(failure).dividedBy(2), Backoff.ceiling(failure));
            seen.add(delay);
        }
        assertThat(seen.size()).isGreaterThan(100);
    }

    @Test
    void delay_respectsALongerRetryAfter_upToTenMinutes() {
        Backoff backoff = new Backoff(fixed(0.5));
        assertThat(backoff.delay(1, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delay(8, Duration.ofSeconds(5))).isEqualTo(Duration.ofMillis(45_000));
        assertThat(backoff.delay(1, Duration.ofHours(3))).isEqualTo(Duration.ofMinutes(10));
    }
}
