package org.rallylab.track.protocol;

import java.time.Duration;

/**
 * A request that did not succeed. {@link #code()} is the device's error code ({@code cancelled},
 * {@code bad_args}, {@code not_supported}, {@code busy}, {@code bad_state}, {@code bad_frame},
 * {@code internal}) or one the host gives: {@link #TIMEOUT}, {@link #DISCONNECTED}, {@link #RESET},
 * {@link #RESTARTED}, {@link #BAD_VALUE}.
 */
public final class TrackProtocolException extends RuntimeException {

    public static final String CANCELLED = "cancelled";
    public static final String BAD_ARGS = "bad_args";
    public static final String NOT_SUPPORTED = "not_supported";
    public static final String BUSY = "busy";
    public static final String BAD_STATE = "bad_state";
    public static final String BAD_FRAME = "bad_frame";
    public static final String INTERNAL = "internal";
    /** Host side: a command other than a wait was not answered in time. */
    public static final String TIMEOUT = "timeout";
    /** Host side: the connection ended before the answer came. */
    public static final String DISCONNECTED = "disconnected";
    /** Host side: a {@code reset} dropped the request on the device, which will never answer it. */
    public static final String RESET = "reset";
    /**
     * Host side: the device restarted (a {@code boot} line came) while a wait was outstanding; it
     * forgot the wait and will never answer it.
     */
    public static final String RESTARTED = "restarted";
    /**
     * Host side: the device's answer holds a value no race can have (a time beyond any race, a lane
     * the heat did not arm, a race_id RallyLab cannot record); the message names it.
     */
    public static final String BAD_VALUE = "bad_value";

    private final String code;
    private final String command;

    /**
     * @param code    see the class comment; null when the device sent an error without a code
     * @param command the request's {@code cmd}, or null when unknown
     */
    public TrackProtocolException(String code, String command, String message) {
        super(message);
        this.code = code;
        this.command = command;
    }

    public String code() {
        return code;
    }

    public String command() {
        return command;
    }

    /**
     * True when the device answered (with an error, or with values the host refused:
     * {@link #BAD_VALUE}), false for timeouts, disconnects, resets and restarts.
     */
    public boolean fromDevice() {
        return !(TIMEOUT.equals(code) || DISCONNECTED.equals(code) || RESET.equals(code) || RESTARTED.equals(code));
    }

    static TrackProtocolException refused(String command, String code, String message) {
        return new TrackProtocolException(code, command,
                "the track refused '" + command + "'" + (code == null ? "" : " (" + code + ")") + ": " + message);
    }

    static TrackProtocolException timeout(String command, Duration timeout) {
        return new TrackProtocolException(TIMEOUT, command,
                "the track did not answer '" + command + "' within " + describe(timeout));
    }

    static TrackProtocolException disconnected(String command, String reason) {
        return new TrackProtocolException(DISCONNECTED, command,
                "'" + command + "' got no answer: disconnected from the track (" + reason + ")");
    }

    static TrackProtocolException reset(String command) {
        return new TrackProtocolException(RESET, command,
                "'" + command + "' got no answer: a 'reset' dropped it on the track");
    }

    static TrackProtocolException restarted(String command, String why) {
        return new TrackProtocolException(RESTARTED, command,
                "'" + command + "' got no answer: the track controller restarted (reason: " + why + ")");
    }

    /** "5 s", "1.5 s", "200 ms". */
    static String describe(Duration duration) {
        long ms = duration.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
