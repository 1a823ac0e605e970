package org.rallylab.store;

import java.nio.file.Path;
import java.util.Optional;

/** What {@link RallyFile#importJsonLines} created: the new rally file, its events and its rally. */
public record ImportSummary(Path source, Path rallyFile, long eventCount, long linesRead, Optional<String> rallyId) {
}
