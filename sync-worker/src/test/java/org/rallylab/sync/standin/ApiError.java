package org.rallylab.sync.standin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.util.Map;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * An error answer: an HTTP status and the JSON body PostgREST ({@code code, message, details, hint}) or
 * GoTrue ({@code code, error_code, msg}) would send. Thrown by the handlers, written by {@link StandIn}.
 */
final class ApiError extends Exception {

    final int status;
    final ObjectNode body;
    final Map<String, String> headers;

    private ApiError(int status, ObjectNode body, Map<String, String> headers) {
        super(body.toString());
        this.status = status;
        this.body = body;
        this.headers = headers;
    }

    /** A PostgREST-shaped error. */
    static ApiError rest(int status, String code, String message, String details, String hint) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("code", code);
        body.put("details", details);
        body.put("hint", hint);
        body.put("message", message);
        return new ApiError(status, body, Map.of());
    }

    /** PostgREST's answer to a missing, badly signed or expired JWT: 401 PGRST301. */
    static ApiError jwt(String message) {
        ApiError e = rest(401, "PGRST301", message, null, null);
        return new ApiError(401, e.body, Map.of("WWW-Authenticate",
                "Bearer error=\"invalid_token\", error_description=\"" + message.replace("\"", "'") + "\""));
    }

    /** A GoTrue-shaped error. */
    static ApiError auth(int status, String errorCode, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("code", status);
        body.put("error_code", errorCode);
        body.put("msg", message);
        return new ApiError(status, body, Map.of());
    }

    /**
     * A database error as PostgREST reports it: the SQLSTATE as {@code code}, PostgreSQL's message, detail
     * and hint, and PostgREST's status for that SQLSTATE (42501 is 403 with a signed-in user, 401 for anon).
     */
    static ApiError fromDatabase(SQLException e, boolean signedIn) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = e.getMessage();
        String details = null;
        String hint = null;
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            ServerErrorMessage m = p.getServerErrorMessage();
            message = m.getMessage();
            details = m.getDetail();
            hint = m.getHint();
        }
        return rest(statusFor(state, signedIn), state.isEmpty() ? "XX000" : state, message, details, hint);
    }

    /** PostgREST's mapping of SQLSTATE to HTTP status (the cases RallyLab can meet). */
    static int statusFor(String state, boolean signedIn) {
        switch (state) {
            case "42501":
                return signedIn ? 403 : 401;
            case "23505":
            case "23503":
                return 409;
            case "42P01":
            case "42883":
                return 404;
            case "25006":
                return 405;
            case "53400":
                return 500;
            case "57014":
                return 500;
            default:
                break;
        }
        if (state.startsWith("08") || state.startsWith("53")) {
            return 503;
        }
        if (state.startsWith("22") || state.startsWith("23") || state.startsWith("42") || state.equals("P0001")) {
            return 400;
        }
        return 500;
    }
}
