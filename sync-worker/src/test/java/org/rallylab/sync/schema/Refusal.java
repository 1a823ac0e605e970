package org.rallylab.sync.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that a request fails with a given SQLSTATE (42501: privilege or row-level security). */
final class Refusal {

    static final String INSUFFICIENT_PRIVILEGE = "42501";
    static final String UNIQUE_VIOLATION = "23505";
    static final String CHECK_VIOLATION = "23514";

    private Refusal() {
    }

    static void assertRefused(String what, String sqlState, ThrowingCallable request) {
        assertThatThrownBy(request).as(what).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).as(what + ": " + e.getMessage()).isEqualTo(sqlState));
    }

    static void assertRefused(String what, ThrowingCallable request) {
        assertRefused(what, INSUFFICIENT_PRIVILEGE, request);
    }
}
