package org.rallylab.track.protocol;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** A live subscription: its events go to the listener given to {@link ProtocolClient#subscribe}. */
public final class Subscription {

    private final ProtocolClient client;
    private final long id;
    private final List<String> topics;
    private final List<String> unknownTopics;
    private final long requestId;
    private final Consumer<Frame.Event> listener;

    Subscription(ProtocolClient client, long id, List<String> topics, List<String> unknownTopics, long requestId,
                 Consumer<Frame.Event> listener) {
        this.client = client;
        this.id = id;
        this.topics = List.copyOf(topics);
        this.unknownTopics = List.copyOf(unknownTopics);
        this.requestId = requestId;
        this.listener = listener;
    }

    /** The device's {@code sub} number. */
    public long id() {
        return id;
    }

    /** The topics the device accepted. */
    public List<String> topics() {
        return topics;
    }

    /** The topics the device does not know (and ignores). */
    public List<String> unknownTopics() {
        return unknownTopics;
    }

    /** Stops delivery at once and tells the device. */
    public CompletableFuture<Void> unsubscribe() {
        return client.unsubscribe(this);
    }

    long requestId() {
        return requestId;
    }

    Consumer<Frame.Event> listener() {
        return listener;
    }

    @Override
    public String toString() {
        return "subscription " + id + " to " + topics;
    }
}
