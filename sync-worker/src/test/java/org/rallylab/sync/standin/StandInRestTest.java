package org.rallylab.sync.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rallylab.sync.pg.PgFixture;

/** PostgREST behaviour of the stand-in over a small RLS table (see {@link ProbeTable}). */
class StandInRestTest {

    private static final UUID SECTION = UUID.fromString("5ec71011-0000-4000-8000-000000000001");
    private static final String IGNORE = "resolution=ignore-duplicates,return=minimal";
    private static final String UPSERT = ProbeTable.REST + "?on_conflict=owner,section_id,k";

    private PgFixture pg;
    private StandIn standIn;
    private TestHttp http;
    private Session ava;
    private Session ben;

    @BeforeEach
    void start() throws Exception {
        pg = PgFixture.freshDatabase();
        ProbeTable.create(pg);
        standIn = StandIn.start(pg, "anon-key-for-tests");
        http = new TestHttp(standIn);
        ava = standIn.signIn("ava@example.org");
        ben = standIn.signIn("ben@example.org");
    }

    @AfterEach
    void stop() {
        http.shutdown();
        standIn.close();
    }

    @Test
    void insert_signedIn_runsAsTheUserUnderRowLevelSecurity() throws Exception {
        TestHttp.Answer own = http.post(ProbeTable.REST, ava.accessToken(), "return=representation",
                "[{\"owner\":\"" + ava.userId() + "\",\"k\":1,\"payload\":{\"type\":\"X\",\"n\":[1,2]}}]");
        assertThat(own.status()).isEqualTo(201);
        JsonNode row = own.json().get(0);
        assertThat(row.path("id").asLong()).isPositive();
        assertThat(row.path("owner").asText()).isEqualTo(ava.userId().toString());
        assertThat(row.path("payload").path("n").get(1).asInt()).isEqualTo(2);

        TestHttp.Answer forged = http.post(ProbeTable.REST, ava.accessToken(), null,
                "[{\"owner\":\"" + ben.userId() + "\",\"k\":2}]");
        assertThat(forged.status()).isEqualTo(403);
        JsonNode error = forged.json();
        assertThat(error.path("code").asText()).isEqualTo("42501");
        assertThat(error.path("message").asText()).contains("row-level security");
        assertThat(error.has("details")).isTrue();
        assertThat(error.has("hint")).isTrue();

        TestHttp.Answer anon = http.post(ProbeTable.REST, null, null, "[{\"owner\":\"" + ava.userId() + "\",\"k\":3}]");
        assertThat(anon.status()).isEqualTo(401);
        assertThat(anon.json().path("code").asText()).isEqualTo("42501");
        TestHttp.Answer anonKeyAsBearer = http.post(ProbeTable.REST, standIn.anonKey(), null,
                "[{\"owner\":\"" + ava.userId() + "\",\"k\":4}]");
        assertThat(anonKeyAsBearer.status()).isEqualTo(401);

        assertThat(ProbeTable.count(pg, "true")).isEqualTo(1);
    }

    @Test
    void insert_batchWithOneRefusedRow_refusedWholeAsOneTransaction() throws Exception {
        TestHttp.Answer mixed = http.post(ProbeTable.REST, ava.accessToken(), null,
                "[{\"owner\":\"" + ava.userId() + "\",\"k\":1},{\"owner\":\"" + ben.userId() + "\",\"k\":2}]");
        assertThat(mixed.status()).isEqualTo(403);
        assertThat(ProbeTable.count(pg, "true")).isZero();
    }

    @Test
    void upsert_ignoreDuplicatesTwice_keepsOneCopyAndAPlainDuplicateIs409() throws Exception {
        String batch = rows(ava, SECTION, 1, 3);
        assertThat(http.post(UPSERT, ava.accessToken(), IGNORE, batch).status()).isEqualTo(201);
        TestHttp.Answer again = http.post(UPSERT, ava.accessToken(),
                "resolution=ignore-duplicates, return=representation", batch);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json()).isEmpty();
        assertThat(ProbeTable.count(pg, "true")).isEqualTo(3);
        http.post(ProbeTable.REST, ava.accessToken(), IGNORE, rows(ava, 1, 1));
        http.post(ProbeTable.REST, ava.accessToken(), IGNORE, rows(ava, 1, 1));
        assertThat(ProbeTable.count(pg, "section_id is null")).as("NULLs never collide, as in PostgreSQL")
                .isEqualTo(2);

        TestHttp.Answer duplicate = http.post(ProbeTable.REST, ava.accessToken(), null, rows(ava, SECTION, 1, 1));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().path("code").asText()).isEqualTo("23505");
        assertThat(duplicate.json().path("message").asText()).contains("duplicate key value");
        assertThat(duplicate.json().path("details").isNull())
                .as("PostgreSQL hides the key of a table with row-level security").isTrue();
    }

    @Test
    void upsert_mergeDuplicates_becomesAnUpdateThatRowLevelSecurityRefuses() throws Exception {
        assertThat(http.post(UPSERT, ava.accessToken(), IGNORE, rows(ava, SECTION, 1, 1)).status()).isEqualTo(201);
        TestHttp.Answer merge = http.post(UPSERT, ava.accessToken(), "resolution=merge-duplicates",
                rows(ava, SECTION, 1, 1));
        assertThat(merge.status()).isEqualTo(403);
        assertThat(merge.json().path("code").asText()).isEqualTo("42501");
        assertThat(ProbeTable.count(pg, "true")).isEqualTo(1);
    }

    @Test
    void upsert_onConflictNotNamingAUniqueIndex_is400() throws Exception {
        TestHttp.Answer a = http.post(ProbeTable.REST + "?on_conflict=owner,k", ava.accessToken(), IGNORE,
                rows(ava, 1, 1));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().path("code").asText()).isEqualTo("42P10");
    }

    @Test
    void get_filtersOrdersAndPages_seesOnlyWhatRowLevelSecurityAllows() throws Exception {
        UUID section = UUID.randomUUID();
        http.post(ProbeTable.REST, ava.accessToken(), null, rows(ava, 1, 6));
        http.post(ProbeTable.REST, ava.accessToken(), null,
                "[{\"owner\":\"" + ava.userId() + "\",\"section_id\":\"" + section + "\",\"k\":7}]");
        http.post(ProbeTable.REST, ben.accessToken(), null, rows(ben, 1, 4));

        TestHttp.Answer all = http.get(ProbeTable.REST + "?order=k.asc", ava.accessToken());
        assertThat(all.status()).isEqualTo(200);
        assertThat(ks(all.json())).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(all.headers().get("Content-Range")).isEqualTo("0-6/*");

        assertThat(ks(http.get(ProbeTable.REST + "?k=eq.3", ava.accessToken()).json())).containsExactly(3L);
        assertThat(ks(http.get(ProbeTable.REST + "?section_id=is.null&order=k.desc&limit=2", ava.accessToken())
                .json())).containsExactly(6L, 5L);
        assertThat(ks(http.get(ProbeTable.REST + "?section_id=not.is.null", ava.accessToken()).json()))
                .containsExactly(7L);
        assertThat(ks(http.get(ProbeTable.REST + "?section_id=eq." + section, ava.accessToken()).json()))
                .containsExactly(7L);
        assertThat(ks(http.get(ProbeTable.REST + "?k=in.(2,4)&order=k", ava.accessToken()).json()))
                .containsExactly(2L, 4L);
        assertThat(ks(http.get(ProbeTable.REST + "?k=gt.5&order=k", ava.accessToken()).json()))
                .containsExactly(6L, 7L);

        TestHttp.Answer page = http.get(ProbeTable.REST + "?order=k.asc&limit=3&offset=3", ava.accessToken());
        assertThat(ks(page.json())).containsExactly(4L, 5L, 6L);
        assertThat(page.headers().get("Content-Range")).isEqualTo("3-5/*");
        TestHttp.Answer past = http.get(ProbeTable.REST + "?order=k.asc&offset=50", ava.accessToken());
        assertThat(past.json()).isEmpty();
        assertThat(past.headers().get("Content-Range")).isEqualTo("*/*");

        TestHttp.Answer counted = http.send(http.request(ProbeTable.REST + "?order=k&limit=2", ava.accessToken())
                .header("Prefer", "count=exact").build());
        assertThat(counted.status()).isEqualTo(206);
        assertThat(counted.headers().get("Content-Range")).isEqualTo("0-1/7");
        TestHttp.Answer ranged = http.send(http.request(ProbeTable.REST + "?order=k", ava.accessToken())
                .header("Range", "2-3").build());
        assertThat(ks(ranged.json())).containsExactly(3L, 4L);

        assertThat(http.get(ProbeTable.REST, ben.accessToken()).json()).hasSize(4);
        assertThat(http.get(ProbeTable.REST + "?select=k,owner&k=eq.1", ben.accessToken()).json().get(0)
                .fieldNames()).toIterable().containsExactly("k", "owner");
        assertThat(http.get(ProbeTable.REST, null).status()).as("anon has no grant").isEqualTo(401);
    }

    @Test
    void get_moreRowsThanTheCap_cappedPerResponse() throws Exception {
        http.post(ProbeTable.REST, ava.accessToken(), null, rows(ava, 1, 1005));
        TestHttp.Answer capped = http.get(ProbeTable.REST + "?order=k", ava.accessToken());
        assertThat(capped.json()).hasSize(1000);
        assertThat(capped.headers().get("Content-Range")).isEqualTo("0-999/*");
        TestHttp.Answer rest = http.get(ProbeTable.REST + "?order=k&offset=1000&limit=1000", ava.accessToken());
        assertThat(ks(rest.json())).containsExactly(1001L, 1002L, 1003L, 1004L, 1005L);

        standIn.maxRows(4);
        TestHttp.Answer small = http.get(ProbeTable.REST + "?order=k&limit=10", ava.accessToken());
        assertThat(ks(small.json())).containsExactly(1L, 2L, 3L, 4L);
        assertThat(small.headers().get("Content-Range")).isEqualTo("0-3/*");
    }

    @Test
    void get_badFilterOrUnknownColumn_is400() throws Exception {
        TestHttp.Answer noOperator = http.get(ProbeTable.REST + "?k=3", ava.accessToken());
        assertThat(noOperator.status()).isEqualTo(400);
        assertThat(noOperator.json().path("code").asText()).isEqualTo("PGRST100");
        assertThat(http.get(ProbeTable.REST + "?k=between.3", ava.accessToken()).json().path("code").asText())
                .isEqualTo("PGRST100");
        assertThat(http.get(ProbeTable.REST + "?order=k.sideways", ava.accessToken()).status()).isEqualTo(400);
        assertThat(http.get(ProbeTable.REST + "?limit=-1", ava.accessToken()).status()).isEqualTo(400);

        TestHttp.Answer unknown = http.get(ProbeTable.REST + "?colour=eq.red", ava.accessToken());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("code").asText()).isEqualTo("42703");
        TestHttp.Answer unknownKey = http.post(ProbeTable.REST, ava.accessToken(), null,
                "[{\"owner\":\"" + ava.userId() + "\",\"colour\":\"red\"}]");
        assertThat(unknownKey.status()).isEqualTo(400);
        assertThat(unknownKey.json().path("code").asText()).isEqualTo("42703");

        TestHttp.Answer notUuid = http.get(ProbeTable.REST + "?owner=eq.nope", ava.accessToken());
        assertThat(notUuid.status()).isEqualTo(400);
        assertThat(notUuid.json().path("code").asText()).isEqualTo("22P02");
        assertThat(http.post(ProbeTable.REST, ava.accessToken(), null, "not json").json().path("code").asText())
                .isEqualTo("PGRST102");
        assertThat(http.post(ProbeTable.REST, ava.accessToken(), null,
                "[{\"owner\":\"" + ava.userId() + "\",\"k\":1},{\"k\":2}]").json().path("message").asText())
                .isEqualTo("All object keys must match");
        assertThat(http.get("/rest/v1/no_such_table", ava.accessToken()).status()).isEqualTo(404);
    }

    /** Rows k = from..to of this owner without a section (NULL: never a conflict on the unique key). */
    static String rows(Session who, int from, int to) {
        return rows(who, null, from, to);
    }

    static String rows(Session who, UUID section, int from, int to) {
        StringBuilder b = new StringBuilder("[");
        for (int k = from; k <= to; k++) {
            b.append(k == from ? "" : ",").append("{\"owner\":\"").append(who.userId())
                    .append("\",\"section_id\":").append(section == null ? "null" : "\"" + section + "\"")
                    .append(",\"k\":").append(k).append("}");
        }
        return b.append("]").toString();
    }

    private static java.util.List<Long> ks(JsonNode rows) {
        java.util.List<Long> ks = new java.util.ArrayList<>();
        rows.forEach(r -> ks.add(r.path("k").asLong()));
        return ks;
    }
}
