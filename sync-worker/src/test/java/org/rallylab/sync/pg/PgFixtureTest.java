package org.rallylab.sync.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PgFixtureTest {

    @Test
    void freshDatabase_signedInClaims_hasSupabaseAuthAndReadsTheCallerFromThem() throws Exception {
        PgFixture pg = PgFixture.freshDatabase();
        UUID ava = pg.createUser("ava@example.org");
        try (Connection c = pg.admin().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("set local role authenticated");
            s.execute("select set_config('request.jwt.claims', '{\"sub\":\"" + ava + "\",\"role\":\"authenticated\"}', true)");
            try (ResultSet rs = s.executeQuery("select auth.uid(), current_user")) {
                rs.next();
                assertThat(rs.getObject(1, UUID.class)).isEqualTo(ava);
                assertThat(rs.getString(2)).isEqualTo("authenticated");
            }
            c.rollback();
        }
        assertThat(PgFixture.freshDatabase().database()).isNotEqualTo(pg.database());
    }
}
