package org.rallylab.sync.client;

import java.util.Objects;

/** A rally the signed-in user can see on the server (has a role in): for "restore from the cloud". */
public record CloudRally(String rallyId, String rallyName, String rallyDate) {

    public CloudRally {
        Objects.requireNonNull(rallyId, "rallyId");
        Objects.requireNonNull(rallyName, "rallyName");
    }
}
