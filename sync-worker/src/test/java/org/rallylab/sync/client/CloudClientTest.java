package org.rallylab.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rallylab.sync.client.MockCloud.ACCESS;
import static org.rallylab.sync.client.MockCloud.ANON_KEY;
import static org.rallylab.sync.client.MockCloud.REFRESH;
import static org.rallylab.sync.client.MockCloud.USER;
import static org.rallylab.sync.client.MockCloud.tree;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.SampleEvents;
import org.rallylab.store.RallyFile;
import org.rallylab.store.StoredEvent;

/** The protocol of sign-in, push and pull, request by request, against a MockWebServer. */
class CloudClientTest {

    @TempDir
    Path folder;
    MockCloud cloud;

    @BeforeEach
    void startServer() throws Exception {
        cloud = new MockCloud();
    }

    @AfterEach
    void stopServer() throws Exception {
        cloud.close();
    }

    @Test
    void requestCode_postsTheEmailToOtp_withTheAnonKey() throws Exception {
        cloud.server.enqueue(MockCloud.json(200, "{}"));

        cloud.client.requestCode("  ava@example.org ");

        RecordedRequest request = cloud.take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/auth/v1/otp");
        assertAnonHeaders(request);
        assertThat(tree(request.getBody().readUtf8()))
                .isEqualTo(tree("{\"email\":\"ava@example.org\",\"create_user\":true}"));
    }

    @Test
    void verifyCode_postsTheCode_andReturnsTheSession() throws Exception {
        cloud.server.enqueue(MockCloud.sessionAnswer(ACCESS, REFRESH, 1_771_149_600L));

        CloudSession session = cloud.client.verifyCode("ava@example.org", "123 456");

        RecordedRequest request = cloud.take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/auth/v1/verify");
        assertAnonHeaders(request);
        assertThat(tree(request.getBody().readUtf8()))
                .isEqualTo(tree("{\"type\":\"email\",\"email\":\"ava@example.org\",\"token\":\"123456\"}"));
        assertThat(session).isEqualTo(new CloudSession(ACCESS, REFRESH, Instant.ofEpochSecond(1_771_149_600L), USER,
                "ava@example.org"));
    }

    @Test
    void verifyCode_withoutExpiresAt_countsExpiresInFromTheClock() throws Exception {
        cloud.server.enqueue(MockCloud.json(200, "{\"access_token\":\"a\",\"refresh_token\":\"r\",\"expires_in\":600,"
                + "\"user\":{\"id\":\"" + USER + "\"}}"));

        CloudSession session = cloud.client.verifyCode("ava@example.org", "654321");

        assertThat(session.expiresAt()).isEqualTo(MockCloud.NOW.plusSeconds(600));
        assertThat(session.email()).isEqualTo("ava@example.org");
    }

    @Test
    void verifyCode_notSixDigits_isRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> cloud.client.verifyCode("ava@example.org", "12a456"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6-digit");
        assertThatThrownBy(() -> cloud.client.requestCode("not-an-address"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an email address");
        assertThat(cloud.server.getRequestCount()).isZero();
    }

    @Test
    void refresh_postsTheRefreshToken_andReturnsTheNewSession() throws Exception {
        cloud.server.enqueue(MockCloud.sessionAnswer("access-2", "refresh-2", 1_771_153_200L));

        CloudSession renewed = cloud.client.refresh(MockCloud.session());

        RecordedRequest request = cloud.take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/auth/v1/token?grant_type=refresh_token");
        assertAnonHeaders(request);
        assertThat(tree(request.getBody().readUtf8())).isEqualTo(tree("{\"refresh_token\":\"" + REFRESH + "\"}"));
        assertThat(renewed.accessToken()).isEqualTo("access-2");
        assertThat(renewed.refreshToken()).isEqualTo("refresh-2");
        assertThat(renewed.expiresAt()).isEqualTo(Instant.ofEpochSecond(1_771_153_200L));
    }

    @Test
    void push_postsTheRowsAsAnIgnoreDuplicatesUpsert() throws Exception {
        List<StoredEvent> stored;
        try (RallyFile file = StoredSamples.everyType(folder)) {
            stored = StoredSamples.all(file);
        }
        List<EventRow> rows = new ArrayList<>();
        for (StoredEvent event : stored.subList(0, 3)) {
            rows.add(EventRow.of(event, USER));
        }
        cloud.server.enqueue(MockCloud.created());

        cloud.client.push(MockCloud.session(), rows);

        RecordedRequest request = cloud.take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/rest/v1/domain_events?on_conflict=rally_id,section_id,client_event_id");
        assertThat(request.getHeader("apikey")).isEqualTo(ANON_KEY);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + ACCESS);
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(request.getHeader("Prefer")).isEqualTo("resolution=ignore-duplicates,return=minimal");
        String rally = SampleEvents.RALLY;
        assertThat(tree(request.getBody().readUtf8())).isEqualTo(tree("["
                + "{\"rally_id\":\"" + rally + "\",\"section_id\":null,\"event_type\":\"RallyCreated\",\"payload\":"
                + "{\"rally_id\":\"" + rally + "\",\"rally_name\":\"Kub Kar Rally 2026\",\"rally_date\":\"2026-02-15\","
                + "\"created_by\":\"organizer@example.org\",\"timestamp\":1708012345678},"
                + "\"created_by\":\"" + USER + "\",\"client_event_id\":1},"
                + "{\"rally_id\":\"" + rally + "\",\"section_id\":\"" + SampleEvents.SECTION + "\","
                + "\"event_type\":\"SectionCreated\",\"payload\":{\"rally_id\":\"" + rally + "\",\"section_id\":\""
                + SampleEvents.SECTION + "\",\"section_name\":\"Kub Kars\",\"created_by\":\"organizer@example.org\","
                + "\"timestamp\":1708012345679},\"created_by\":\"" + USER + "\",\"client_event_id\":2},"
                + "{\"rally_id\":\"" + rally + "\",\"section_id\":\"" + SampleEvents.SECTION + "\","
                + "\"event_type\":\"SectionRenamed\",\"payload\":{\"rally_id\":\"" + rally + "\",\"section_id\":\""
                + SampleEvents.SECTION + "\",\"section_name\":\"Kub Kars (Saturday)\",\"timestamp\":1708012345680},"
                + "\"created_by\":\"" + USER + "\",\"client_event_id\":3}]"));
    }

    @Test
    void push_ofNothing_sendsNoRequest() throws Exception {
        cloud.client.push(MockCloud.session(), List.of());

        assertThat(cloud.server.getRequestCount()).isZero();
    }

    @Test
    void pull_getsOnePageInServerOrder_andDecodesEveryEventType() throws Exception {
        List<StoredEvent> stored;
        try (RallyFile file = StoredSamples.everyType(folder)) {
            stored = StoredSamples.all(file);
        }
        List<EventRow> rows = new ArrayList<>();
        for (StoredEvent event : stored) {
            rows.add(EventRow.of(event, USER));
        }
        cloud.server.enqueue(MockCloud.rows(rows, 41));

        List<PulledEvent> pulled = cloud.client.pull(MockCloud.session(), SampleEvents.RALLY, 40, 100);

        RecordedRequest request = cloud.take();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getPath()).isEqualTo("/rest/v1/domain_events?rally_id=eq." + SampleEvents.RALLY
                + "&order=id.asc&limit=100&offset=40");
        assertThat(request.getHeader("apikey")).isEqualTo(ANON_KEY);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + ACCESS);
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
        List<DomainEvent> events = pulled.stream().map(PulledEvent::event).toList();
        assertThat(events).isEqualTo(stored.stream().map(StoredEvent::event).toList());
        assertThat(pulled.get(0).id()).isEqualTo(41);
        assertThat(pulled.get(0).sectionId()).isNull();
        assertThat(pulled.get(1).sectionId()).isEqualTo(SampleEvents.SECTION);
        assertThat(pulled.get(2).clientEventId()).isEqualTo(3L);
        assertThat(pulled.get(2).createdBy()).isEqualTo(USER);
    }

    @Test
    void pull_payloadWithoutTimestamp_takesTheTimeFromCreatedAt() throws Exception {
        cloud.server.enqueue(MockCloud.json(200, "[{\"id\":7,\"rally_id\":\"" + SampleEvents.RALLY + "\","
                + "\"section_id\":\"" + SampleEvents.SECTION + "\",\"event_type\":\"CarArrived\",\"payload\":"
                + "{\"rally_id\":\"" + SampleEvents.RALLY + "\",\"section_id\":\"" + SampleEvents.SECTION + "\","
                + "\"car_number\":\"12\"},\"created_by\":null,\"client_event_id\":null,"
                + "\"created_at\":\"2026-02-15T09:00:01.5+00:00\"}]"));

        List<PulledEvent> pulled = cloud.client.pull(MockCloud.session(), SampleEvents.RALLY, 0, 10);

        assertThat(pulled.get(0).event().timestamp()).isEqualTo(Instant.parse("2026-02-15T09:00:01.500Z").toEpochMilli());
        assertThat(pulled.get(0).clientEventId()).isNull();
    }

    @Test
    void pull_aRowThatDoesNotDecode_isAnErrorNamingItsId() throws Exception {
        cloud.server.enqueue(MockCloud.json(200, "[{\"id\":9123,\"rally_id\":\"" + SampleEvents.RALLY + "\","
                + "\"event_type\":\"CarArrived\",\"payload\":{\"rally_id\":\"" + SampleEvents.RALLY + "\","
                + "\"timestamp\":1708012345678}}]"));

        assertThatThrownBy(() -> cloud.client.pull(MockCloud.session(), SampleEvents.RALLY, 0, 10))
                .isInstanceOfSatisfying(CloudException.BadRow.class, e -> assertThat(e.rowId()).isEqualTo(9123))
                .hasMessageContaining("Server row 9123 (CarArrived) cannot be read");
    }

    @Test
    void pull_ofABadRallyId_isRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> cloud.client.pull(MockCloud.session(), "x&rally_id=neq.y", 0, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a rally id");
        assertThat(cloud.server.getRequestCount()).isZero();
    }

    @Test
    void pullAll_pagesUntilAnEmptyPage_evenWhenTheServerCapsPagesBelowTheAskedSize() throws Exception {
        List<EventRow> rows = carRows(5);
        cloud.server.enqueue(MockCloud.rows(rows.subList(0, 2), 1)); // asked for 3, the server sends 2
        cloud.server.enqueue(MockCloud.rows(rows.subList(2, 4), 3));
        cloud.server.enqueue(MockCloud.rows(rows.subList(4, 5), 5));
        cloud.server.enqueue(MockCloud.rows(List.of(), 6));

        List<PulledEvent> all = cloud.client.pullAll(MockCloud.session(), SampleEvents.RALLY, 3);

        assertThat(all).extracting(PulledEvent::id).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(cloud.server.getRequestCount()).isEqualTo(4);
        assertThat(cloud.take().getPath()).endsWith("&limit=3&offset=0");
        assertThat(cloud.take().getPath()).endsWith("&limit=3&offset=2");
        assertThat(cloud.take().getPath()).endsWith("&limit=3&offset=4");
        assertThat(cloud.take().getPath()).endsWith("&limit=3&offset=5");
    }

    @Test
    void pullAll_ofAnExactMultiple_stopsAtTheEmptyPage() throws Exception {
        List<EventRow> rows = carRows(4);
        cloud.server.enqueue(MockCloud.rows(rows.subList(0, 2), 1));
        cloud.server.enqueue(MockCloud.rows(rows.subList(2, 4), 3));
        cloud.server.enqueue(MockCloud.rows(List.of(), 5));

        assertThat(cloud.client.pullAll(MockCloud.session(), SampleEvents.RALLY, 2)).hasSize(4);
        assertThat(cloud.server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void pullAll_pageSizeAboveTheServerCap_isRefused() {
        assertThatThrownBy(() -> cloud.client.pullAll(MockCloud.session(), SampleEvents.RALLY, 1001))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 1000");
    }

    private List<EventRow> carRows(int count) throws Exception {
        try (RallyFile file = StoredSamples.withEvents(folder, count + 2)) {
            List<EventRow> rows = new ArrayList<>();
            for (StoredEvent event : file.readAfter(2, count)) {
                rows.add(EventRow.of(event, USER));
            }
            return rows;
        }
    }

    private static void assertAnonHeaders(RecordedRequest request) {
        assertThat(request.getHeader("apikey")).isEqualTo(ANON_KEY);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + ANON_KEY);
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
    }
}
