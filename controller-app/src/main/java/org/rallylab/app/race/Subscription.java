package org.rallylab.app.race;

/** A listener's registration; {@link #close()} ends it (calling it twice is harmless). */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    @Override
    void close();
}
