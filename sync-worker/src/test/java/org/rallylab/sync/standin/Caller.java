package org.rallylab.sync.standin;

/**
 * Who a REST request runs as, the way PostgREST derives it from the {@code Authorization} header: the
 * database role ({@code anon} or {@code authenticated}) and the JWT claims as JSON for
 * {@code request.jwt.claims}.
 */
record Caller(String role, String claimsJson) {

    static final Caller ANON = new Caller("anon", "{\"role\":\"anon\"}");

    /** PostgREST answers a permission error with 403 for a signed-in caller and 401 for anon. */
    boolean signedIn() {
        return !role.equals("anon");
    }
}
