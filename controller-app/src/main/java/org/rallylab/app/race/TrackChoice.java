package org.rallylab.app.race;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.rallylab.track.PicoTrack;
import org.rallylab.track.Track;
import org.rallylab.track.transport.SerialTransport;

/**
 * The app's {@code --track} option: {@code sim} (the simulated track), a serial port
 * ({@code /dev/ttyACM0}, {@code COM3}) or {@code cmd:COMMAND} (a program speaking protocol 2.0 on
 * its stdin/stdout, split into words as a shell would: quotes and backslashes). Without the
 * option: the first serial port that looks like a Pico, else no track (manual mode).
 *
 * @param kind    which kind of track
 * @param port    the serial port, for {@link Kind#SERIAL}
 * @param command the program and its arguments, for {@link Kind#PROCESS}
 */
public record TrackChoice(Kind kind, String port, List<String> command) {

    public enum Kind { SIMULATED, SERIAL, PROCESS, NONE }

    private static final Pattern PORT_NAME = Pattern.compile("(?i)(/.+|COM\\d+|\\\\\\\\\\.\\\\.+)");

    public TrackChoice {
        Objects.requireNonNull(kind, "kind");
        command = command == null ? List.of() : List.copyOf(command);
    }

    /**
     * Reads the option's value ({@code null} when the option was not given). {@code ports} lists the
     * serial ports (the app passes {@code SerialTransport::listPorts}); it is asked only when needed.
     *
     * @throws IllegalArgumentException with a message naming the bad value and what would do
     */
    public static TrackChoice parse(String value, Supplier<List<SerialTransport.PortInfo>> ports) {
        if (value == null) {
            return ports.get().stream().filter(SerialTransport.PortInfo::likelyPico).findFirst()
                    .map(p -> new TrackChoice(Kind.SERIAL, p.path(), null))
                    .orElse(new TrackChoice(Kind.NONE, null, null));
        }
        String v = value.strip();
        if (v.isEmpty()) {
            throw new IllegalArgumentException("--track needs a value: sim, a serial port (such as /dev/ttyACM0 or "
                    + "COM3) or cmd:COMMAND");
        }
        if (v.equalsIgnoreCase("sim")) {
            return new TrackChoice(Kind.SIMULATED, null, null);
        }
        if (v.equalsIgnoreCase("none") || v.equalsIgnoreCase("manual")) {
            return new TrackChoice(Kind.NONE, null, null);
        }
        if (v.regionMatches(true, 0, "cmd:", 0, 4)) {
            List<String> words = splitCommand(v.substring(4), value);
            if (words.isEmpty()) {
                throw new IllegalArgumentException("--track " + value + ": cmd: needs a command after it, such as "
                        + "cmd:node pico-firmware/sim/run.mjs");
            }
            return new TrackChoice(Kind.PROCESS, null, words);
        }
        List<SerialTransport.PortInfo> known = PORT_NAME.matcher(v).matches() ? List.of() : ports.get();
        if (PORT_NAME.matcher(v).matches() || known.stream().anyMatch(p -> p.path().equals(v))) {
            return new TrackChoice(Kind.SERIAL, v, null);
        }
        String found = known.isEmpty() ? "no serial port was found on this computer"
                : "serial ports here: " + String.join(", ", known.stream().map(SerialTransport.PortInfo::description)
                        .toList());
        throw new IllegalArgumentException("--track " + value + " is not sim, cmd:COMMAND or a serial port ("
                + found + ")");
    }

    /** The track to race on, not started yet; empty for {@link Kind#NONE}. */
    public Optional<Track> open(Supplier<? extends Track> simulated) {
        switch (kind) {
            case SIMULATED:
                return Optional.of(simulated.get());
            case SERIAL:
                return Optional.of(PicoTrack.overSerial(port));
            case PROCESS:
                return Optional.of(PicoTrack.overProcess(command));
            default:
                return Optional.empty();
        }
    }

    /** For the operator: "simulated track", "the Pico on /dev/ttyACM0", ... */
    public String describe() {
        switch (kind) {
            case SIMULATED:
                return "simulated track";
            case SERIAL:
                return "track controller on " + port;
            case PROCESS:
                return "track program " + String.join(" ", command);
            default:
                return "no track (manual mode)";
        }
    }

    /**
     * Splits a command line into words like a POSIX shell, for simple quoting: blanks separate
     * words; '…' keeps everything literally; "…" keeps blanks, and a backslash in it escapes " and
     * \; outside quotes a backslash escapes a blank, a quote or a backslash and is kept before any
     * other character (so C:\tools\sim.exe stays as it is).
     */
    static List<String> splitCommand(String line, String option) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' || c == '"') {
                int close = c == '\'' ? line.indexOf('\'', i + 1) : closingDoubleQuote(line, i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("--track " + option + ": the " + (c == '\'' ? "single" : "double")
                            + " quote at character " + (i + 1) + " of the command is never closed");
                }
                String inner = line.substring(i + 1, close);
                word.append(c == '"' ? inner.replaceAll("\\\\([\"\\\\])", "$1") : inner);
                inWord = true;
                i = close;
            } else if (c == '\\' && i + 1 < line.length() && " \t'\"\\".indexOf(line.charAt(i + 1)) >= 0) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    private static int closingDoubleQuote(String line, int from) {
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }
}
