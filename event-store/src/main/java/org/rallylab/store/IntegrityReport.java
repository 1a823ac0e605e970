package org.rallylab.store;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link RallyFile#verify()} found: the file's schema version, how many events it holds,
 * the last sequence, and each problem in words (empty when the file is sound).
 */
public record IntegrityReport(Path file, int schemaVersion, long eventCount, long lastSequence,
                              List<String> problems) {

    public IntegrityReport {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** One line for a status bar or a log: "file: ok, 312 events" or the first problem and a count. */
    public String summary() {
        String name = file.getFileName().toString();
        if (ok()) {
            return name + ": ok, " + eventCount + " events (schema " + schemaVersion + ")";
        }
        return name + ": " + problems.get(0)
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : "");
    }
}
