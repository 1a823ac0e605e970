package org.rallylab.track.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;

/**
 * A request sent to the track: its {@code id} (for {@link ProtocolClient#cancel(long)}), its
 * {@code cmd}, and the {@code ok} payload to come. {@code result} fails with a
 * {@link TrackProtocolException}; cancelling it sends {@code cancel} for the request.
 */
public record Request(long id, String command, CompletableFuture<JsonNode> result) {
}
