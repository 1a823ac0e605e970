package org.rallylab.track.protocol;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link System.Logger} that keeps what it was told, for assertions. */
public final class RecordingLogger implements System.Logger {

    public record Entry(Level level, String message) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public List<String> messages(Level level) {
        return entries.stream().filter(e -> e.level() == level).map(Entry::message).toList();
    }

    @Override
    public String getName() {
        return "recording";
    }

    @Override
    public boolean isLoggable(Level level) {
        return true;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        entries.add(new Entry(level, message));
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        entries.add(new Entry(level, params == null || params.length == 0 ? format : MessageFormat.format(format, params)));
    }
}
