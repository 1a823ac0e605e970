package org.rallylab.sync.client;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * The cloud did not do what was asked. One subclass per way it can fail, so the push worker
 * can choose: {@link Network} and {@link ServerBusy} are temporary (retry with backoff);
 * {@link Unauthorized} needs a token refresh or a new sign-in; {@link Forbidden},
 * {@link Rejected}, {@link NotJson} and {@link BadRow} need a person. Messages are meant for
 * the operator and never contain a token.
 */
public abstract sealed class CloudException extends Exception {

    private CloudException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether trying again later may succeed without anybody doing anything. */
    public boolean isTemporary() {
        return false;
    }

    /** The server could not be reached, or the connection broke (no answer, or half of one). */
    public static final class Network extends CloudException {
        Network(String message, IOException cause) {
            super(message, cause);
        }

        @Override
        public boolean isTemporary() {
            return true;
        }
    }

    /** The server answered 5xx or 429 (too many requests): try again later, after {@link #retryAfter()} if given. */
    public static final class ServerBusy extends CloudException {
        private final int status;
        private final transient Duration retryAfter;

        ServerBusy(int status, Duration retryAfter, String message) {
            super(message, null);
            this.status = status;
            this.retryAfter = retryAfter;
        }

        public int status() {
            return status;
        }

        /** The wait the server asked for (its Retry-After header), if it asked. */
        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }

        @Override
        public boolean isTemporary() {
            return true;
        }
    }

    /** 401: no valid session (the access token expired or was revoked, or a wrong code or refresh token). */
    public static final class Unauthorized extends CloudException {
        Unauthorized(String message) {
            super(message, null);
        }
    }

    /** 403: signed in, but not allowed (PostgREST's row-level security refused, or the role was revoked). */
    public static final class Forbidden extends CloudException {
        private final String code;
        private final String serverMessage;

        Forbidden(String code, String serverMessage, String message) {
            super(message, null);
            this.code = code;
            this.serverMessage = serverMessage;
        }

        /** PostgREST's {@code code} (such as {@code 42501}), or empty. */
        public String code() {
            return code;
        }

        /** The server's own {@code message}, or empty. */
        public String serverMessage() {
            return serverMessage;
        }
    }

    /** Another 4xx with a JSON error body: the request itself was refused (bad filter, conflict, bad code). */
    public static final class Rejected extends CloudException {
        private final int status;
        private final ServerError error;

        Rejected(int status, ServerError error, String message) {
            super(message, null);
            this.status = status;
            this.error = error;
        }

        public int status() {
            return status;
        }

        /** PostgREST's {@code code} (or GoTrue's {@code error_code}), or empty. */
        public String code() {
            return error.code();
        }

        public String serverMessage() {
            return error.message();
        }

        public String details() {
            return error.details();
        }

        public String hint() {
            return error.hint();
        }
    }

    /** A web page, garbage or a redirect where JSON was expected: most often a wrong URL or a Wi-Fi login page. */
    public static final class NotJson extends CloudException {
        /** The message for the usual case. */
        public static final String WEB_PAGE = "The server answered with a web page instead of data: check the URL in"
                + " settings";

        private final int status;

        NotJson(int status, String message) {
            super(message, null);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** A row the server sent back is not an event this version can read; the message names the row's id. */
    public static final class BadRow extends CloudException {
        private final long rowId;

        BadRow(long rowId, String message, Throwable cause) {
            super(message, cause);
            this.rowId = rowId;
        }

        /** The row's {@code id} on the server (0 when it has none). */
        public long rowId() {
            return rowId;
        }
    }
}
