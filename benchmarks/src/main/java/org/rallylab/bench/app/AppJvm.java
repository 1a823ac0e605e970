package org.rallylab.bench.app;

import java.util.List;

/** The JVM options ./rallylab gives the app (keep in step with the rallylab and rallylab.cmd scripts). */
final class AppJvm {

    static final List<String> FLAGS = List.of();

    private AppJvm() {
    }
}
