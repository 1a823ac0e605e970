package org.rallylab.sync.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rallylab.sync.pg.PgFixture;

/** The stand-in over the real RallyLab schema: the cloud push and pull, decided by the migrations' RLS. */
class StandInDomainEventsTest {

    private static final String PUSH = "/rest/v1/domain_events?on_conflict=rally_id,section_id,client_event_id";
    private static final String IGNORE = "resolution=ignore-duplicates,return=minimal";

    private final UUID rally = UUID.randomUUID();
    private final UUID section = UUID.randomUUID();
    private PgFixture pg;
    private StandIn standIn;
    private TestHttp http;
    private Session organizer;
    private Session stranger;

    @BeforeEach
    void start() {
        pg = PgFixture.freshDatabase();
        standIn = StandIn.start(pg, "anon-key-for-tests");
        http = new TestHttp(standIn);
        organizer = standIn.signIn("organizer@example.org");
        stranger = standIn.signIn("stranger@example.org");
    }

    @AfterEach
    void stop() {
        http.shutdown();
        standIn.close();
    }

    @Test
    void push_retriedWithIgnoreDuplicates_leavesOneCopyAndPullsInOrder() throws Exception {
        String batch = batch(organizer, 1, 5);
        assertThat(http.post(PUSH, organizer.accessToken(), IGNORE, batch).status()).isEqualTo(201);
        assertThat(http.post(PUSH, organizer.accessToken(), IGNORE, batch).status()).isEqualTo(201);
        assertThat(serverCount()).isEqualTo(5);

        TestHttp.Answer pulled = http.get("/rest/v1/domain_events?rally_id=eq." + rally + "&order=id.asc",
                organizer.accessToken());
        assertThat(pulled.status()).isEqualTo(200);
        assertThat(clientIds(pulled.json())).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(pulled.json().get(0).path("event_type").asText()).isEqualTo("RallyCreated");
        assertThat(pulled.json().get(0).path("section_id").isNull()).isTrue();
        assertThat(pulled.json().get(1).path("payload").path("section_id").asText()).isEqualTo(section.toString());

        standIn.maxRows(2);
        List<Long> paged = new ArrayList<>();
        for (int offset = 0; ; offset += 2) {
            JsonNode page = http.get("/rest/v1/domain_events?rally_id=eq." + rally + "&order=id.asc&limit=1000&offset="
                    + offset, organizer.accessToken()).json();
            paged.addAll(clientIds(page));
            if (page.size() < 2) {
                break;
            }
        }
        assertThat(paged).containsExactly(1L, 2L, 3L, 4L, 5L);

        assertThat(http.get("/rest/v1/domain_events?rally_id=eq." + rally, stranger.accessToken()).json()).isEmpty();
        assertThat(http.get("/rest/v1/domain_events?rally_id=eq." + rally, null).status()).isEqualTo(401);
    }

    @Test
    void rowLevelSecurity_strangersForgersAnonAndMerges_refused() throws Exception {
        assertThat(http.post(PUSH, organizer.accessToken(), IGNORE, batch(organizer, 1, 2)).status()).isEqualTo(201);

        TestHttp.Answer stranger = http.post(PUSH, this.stranger.accessToken(), IGNORE,
                "[" + event(this.stranger, "ParticipantAdded", section, 10) + "]");
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.json().path("code").asText()).isEqualTo("42501");
        assertThat(stranger.json().path("message").asText()).contains("row-level security");

        TestHttp.Answer forged = http.post(PUSH, this.stranger.accessToken(), IGNORE,
                "[" + event(organizer, "ParticipantAdded", section, 11) + "]");
        assertThat(forged.status()).isEqualTo(403);

        TestHttp.Answer anon = http.post(PUSH, null, IGNORE, "[" + event(organizer, "ParticipantAdded", section, 12) + "]");
        assertThat(anon.status()).isEqualTo(401);
        assertThat(anon.json().path("code").asText()).isEqualTo("42501");

        TestHttp.Answer merge = http.post(PUSH, organizer.accessToken(), "resolution=merge-duplicates,return=minimal",
                batch(organizer, 1, 2));
        assertThat(merge.status()).isEqualTo(403);
        assertThat(merge.json().path("code").asText()).isEqualTo("42501");
        assertThat(serverCount()).isEqualTo(2);
    }

    private String batch(Session who, int from, int to) {
        StringBuilder b = new StringBuilder("[");
        for (int i = from; i <= to; i++) {
            b.append(i == from ? "" : ",")
                    .append(i == 1 ? event(who, "RallyCreated", null, 1) : event(who, "ParticipantAdded", section, i));
        }
        return b.append("]").toString();
    }

    private String event(Session who, String type, UUID inSection, long clientEventId) {
        String sectionJson = inSection == null ? "null" : "\"" + inSection + "\"";
        return "{\"rally_id\":\"" + rally + "\",\"section_id\":" + sectionJson + ",\"event_type\":\"" + type
                + "\",\"payload\":{\"type\":\"" + type + "\",\"rally_id\":\"" + rally + "\",\"section_id\":"
                + sectionJson + "},\"created_by\":\"" + who.userId() + "\",\"client_event_id\":" + clientEventId + "}";
    }

    private long serverCount() throws Exception {
        try (Connection c = pg.admin().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from public.domain_events where rally_id = '" + rally + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<Long> clientIds(JsonNode rows) {
        List<Long> ids = new ArrayList<>();
        rows.forEach(r -> ids.add(r.path("client_event_id").asLong()));
        return ids;
    }
}
