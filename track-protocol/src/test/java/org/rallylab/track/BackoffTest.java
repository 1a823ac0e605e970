package org.rallylab.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void next_doublesFromTheFirstToTheLongestWithinTwentyPercent() {
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5), new Random(3));
        long[] bases = {200, 400, 800, 1600, 3200, 5000, 5000, 5000};
        for (long base : bases) {
            Duration d = backoff.next();
            assertThat(d.toMillis()).as("around %d ms", base)
                    .isBetween((long) (base * 0.8), Math.min((long) (base * 1.2), 5000));
        }
    }

    @Test
    void next_jittered_notAllTheSame() {
        Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(5), new Random(3));
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            delays.add(backoff.next());
        }
        assertThat(delays).doesNotHaveDuplicates();
    }

    @Test
    void reset_startsOverFromTheFirst() {
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5), new Random(3));
        for (int i = 0; i < 6; i++) {
            backoff.next();
        }
        backoff.reset();
        assertThat(backoff.next().toMillis()).isBetween(160L, 240L);
    }
}
