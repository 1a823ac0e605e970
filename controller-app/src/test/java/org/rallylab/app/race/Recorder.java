package org.rallylab.app.race;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Keeps every message it is given, for assertions. */
public final class Recorder<M> implements Consumer<M> {

    private final List<M> messages = new ArrayList<>();
    private int mark;

    @Override
    public synchronized void accept(M message) {
        messages.add(message);
    }

    public synchronized List<M> all() {
        return List.copyOf(messages);
    }

    public synchronized M last() {
        return messages.get(messages.size() - 1);
    }

    /** The messages since the previous call. */
    public synchronized List<M> fresh() {
        List<M> since = List.copyOf(messages.subList(mark, messages.size()));
        mark = messages.size();
        return since;
    }

    /** The messages since the previous {@link #fresh()}, of one type. */
    public synchronized <T> List<T> fresh(Class<T> type) {
        return fresh().stream().filter(type::isInstance).map(type::cast).toList();
    }
}
