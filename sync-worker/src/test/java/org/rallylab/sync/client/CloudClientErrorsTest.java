package org.rallylab.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rallylab.domain.event.SampleEvents;

/** Each way a server can fail maps to its CloudException, with the server's own words and no token. */
class CloudClientErrorsTest {

    private static final String PAGE = "<!DOCTYPE html><html><body><h1>Welcome to nginx!</h1></body></html>";

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
    void status500_isServerBusy_withTheServersMessage() {
        cloud.server.enqueue(MockCloud.json(500, "{\"code\":\"XX000\",\"message\":\"disk full\"}"));

        CloudException.ServerBusy e = pullFails(CloudException.ServerBusy.class);

        assertThat(e.status()).isEqualTo(500);
        assertThat(e.isTemporary()).isTrue();
        assertThat(e.retryAfter()).isEmpty();
        assertThat(e).hasMessageContaining("HTTP 500").hasMessageContaining("disk full")
                .hasMessageContaining("retries by itself");
    }

    @Test
    void status503_withRetryAfterSeconds_carriesTheWait() {
        cloud.server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "7")
                .setHeader("Content-Type", "text/html").setBody(PAGE));

        CloudException.ServerBusy e = pullFails(CloudException.ServerBusy.class);

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void status429_withRetryAfterDate_isServerBusy_withTheWaitUntilThatDate() {
        cloud.server.enqueue(MockCloud.json(429, "{\"message\":\"slow down\"}")
                .setHeader("Retry-After", "Sun, 15 Feb 2026 09:00:30 GMT"));

        CloudException.ServerBusy e = pullFails(CloudException.ServerBusy.class);

        assertThat(e.status()).isEqualTo(429);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(e).hasMessageContaining("too many requests");
    }

    @Test
    void status401_isUnauthorized_withTheServersMessage() {
        cloud.server.enqueue(MockCloud.json(401, "{\"code\":\"PGRST301\",\"message\":\"JWT expired\"}"));

        CloudException.Unauthorized e = pullFails(CloudException.Unauthorized.class);

        assertThat(e.isTemporary()).isFalse();
        assertThat(e).hasMessageContaining("JWT expired").hasMessageContaining("sign in again");
    }

    @Test
    void status403_isForbidden_withPostgrestsCodeAndMessage() {
        cloud.server.enqueue(MockCloud.json(403, "{\"code\":\"42501\",\"details\":null,\"hint\":null,"
                + "\"message\":\"new row violates row-level security policy for table \\\"domain_events\\\"\"}"));

        CloudException.Forbidden e = pushFails(CloudException.Forbidden.class);

        assertThat(e.code()).isEqualTo("42501");
        assertThat(e.serverMessage()).isEqualTo("new row violates row-level security policy for table \"domain_events\"");
        assertThat(e).hasMessageContaining("row-level security").hasMessageContaining("42501")
                .hasMessageContaining("organizer");
    }

    @Test
    void otherStatus4xx_isRejected_withCodeMessageDetailsAndHint() {
        cloud.server.enqueue(MockCloud.json(409, "{\"code\":\"23505\",\"message\":\"duplicate key value violates"
                + " unique constraint\",\"details\":\"Key (rally_id)=(x) already exists.\",\"hint\":\"use a new id\"}"));

        CloudException.Rejected e = pushFails(CloudException.Rejected.class);

        assertThat(e.status()).isEqualTo(409);
        assertThat(e.code()).isEqualTo("23505");
        assertThat(e.serverMessage()).startsWith("duplicate key value");
        assertThat(e.details()).isEqualTo("Key (rally_id)=(x) already exists.");
        assertThat(e.hint()).isEqualTo("use a new id");
        assertThat(e).hasMessageContaining("HTTP 409").hasMessageContaining("duplicate key value")
                .hasMessageContaining("Details: Key").hasMessageContaining("Hint: use a new id");
    }

    @Test
    void goTrueError_isRejected_withItsErrorCodeAndMsg() throws Exception {
        cloud.server.enqueue(MockCloud.json(400, "{\"code\":400,\"error_code\":\"otp_expired\","
                + "\"msg\":\"Token has expired or is invalid\"}"));

        CloudException.Rejected e = catchThrowableOfType(CloudException.Rejected.class,
                () -> cloud.client.verifyCode("ava@example.org", "123456"));

        assertThat(e.code()).isEqualTo("otp_expired");
        assertThat(e).hasMessageContaining("Token has expired or is invalid");
    }

    @Test
    void aRefusedSignInCode_isRejected_notAboutRoles() {
        cloud.server.enqueue(MockCloud.json(403, "{\"code\":403,\"error_code\":\"otp_expired\","
                + "\"msg\":\"Token has expired or is invalid\"}"));

        CloudException.Rejected e = catchThrowableOfType(CloudException.Rejected.class,
                () -> cloud.client.verifyCode("ava@example.org", "123456"));

        assertThat(e.status()).isEqualTo(403);
        assertThat(e.code()).isEqualTo("otp_expired");
        assertThat(e).hasMessageContaining("Token has expired or is invalid").hasMessageContaining("ask for a new one")
                .message().doesNotContain("organizer");
    }

    @Test
    void aWebPageWithAnErrorStatus_isNotJson() {
        cloud.server.enqueue(new MockResponse().setResponseCode(404).setHeader("Content-Type", "text/html")
                .setBody(PAGE));

        CloudException.NotJson e = pullFails(CloudException.NotJson.class);

        assertThat(e).hasMessageStartingWith(CloudException.NotJson.WEB_PAGE);
        assertThat(e.status()).isEqualTo(404);
    }

    @Test
    void aWebPageWithStatus200_whereRowsWereExpected_isNotJson() {
        cloud.server.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/html")
                .setBody(PAGE));

        pullFails(CloudException.NotJson.class);
    }

    @Test
    void aWifiLoginPage_answeringAPushWith200_isNotJson_neverASuccess() {
        cloud.server.enqueue(new MockResponse().setResponseCode(200).setBody(PAGE));

        CloudException.NotJson e = pushFails(CloudException.NotJson.class);

        assertThat(e).hasMessageContaining("check the URL in settings");
    }

    @Test
    void garbageWithAJsonContentType_isNotJson() {
        cloud.server.enqueue(MockCloud.json(200, "[{\"id\":1,"));

        pullFails(CloudException.NotJson.class);
    }

    @Test
    void aRedirect_isNotFollowed_andSaysToCheckTheUrl() {
        cloud.server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", "https://login.example/"));

        CloudException.NotJson e = pushFails(CloudException.NotJson.class);

        assertThat(e).hasMessageContaining("https://login.example/").hasMessageContaining("check the URL");
        assertThat(cloud.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aDroppedConnection_isNetwork() {
        cloud.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));

        CloudException.Network e = pushFails(CloudException.Network.class);

        assertThat(e.isTemporary()).isTrue();
        assertThat(e).hasMessageContaining("Cannot reach").hasMessageContaining("check the internet connection");
    }

    @Test
    void noMessageAndNoToString_evenContainsAToken() throws Exception {
        cloud.server.enqueue(MockCloud.json(401, "{\"message\":\"JWT expired\"}"));
        cloud.server.enqueue(MockCloud.json(403, "{\"message\":\"no\"}"));
        cloud.server.enqueue(MockCloud.json(400, "{\"message\":\"bad\"}"));
        cloud.server.enqueue(MockCloud.json(500, "{\"message\":\"down\"}"));
        cloud.server.enqueue(new MockResponse().setResponseCode(200).setBody(PAGE));
        cloud.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        cloud.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        for (int i = 0; i < 6; i++) {
            CloudException e = pushFails(CloudException.class);
            assertThat(e.getMessage() + e).doesNotContain(MockCloud.ACCESS, MockCloud.REFRESH, MockCloud.ANON_KEY);
        }
        assertThat(MockCloud.session().toString()).doesNotContain(MockCloud.ACCESS, MockCloud.REFRESH);
        assertThat(cloud.config.toString()).doesNotContain(MockCloud.ANON_KEY);
    }

    private <T extends CloudException> T pullFails(Class<T> type) {
        T e = catchThrowableOfType(type, () -> cloud.client.pull(MockCloud.session(), SampleEvents.RALLY, 0, 10));
        assertThat(e).as("pull should fail with " + type.getSimpleName()).isNotNull();
        return e;
    }

    private <T extends CloudException> T pushFails(Class<T> type) {
        EventRow row = new EventRow(SampleEvents.RALLY, null, "RallyCreated", MockCloud.tree0(), MockCloud.USER, 1);
        T e = catchThrowableOfType(type, () -> cloud.client.push(MockCloud.session(), List.of(row)));
        assertThat(e).as("push should fail with " + type.getSimpleName()).isNotNull();
        return e;
    }
}
