package org.rallylab.sync.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rallylab.domain.testing.Await;
import org.rallylab.sync.pg.PgFixture;

class StandInFaultsTest {

    private PgFixture pg;
    private StandIn standIn;
    private TestHttp http;
    private Session ava;

    @BeforeEach
    void start() throws Exception {
        pg = PgFixture.freshDatabase();
        ProbeTable.create(pg);
        standIn = StandIn.start(pg, "anon-key-for-tests");
        http = new TestHttp(standIn);
        ava = standIn.signIn("ava@example.org");
    }

    @AfterEach
    void stop() {
        http.shutdown();
        standIn.close();
    }

    @Test
    void delay_set_holdsEveryRequest() throws Exception {
        // 2 s: no loaded machine needs that long for one local request, so the undelayed one is faster
        Duration delay = Duration.ofSeconds(2);
        standIn.faults().delay(delay);
        long t0 = System.nanoTime();
        assertThat(http.get(ProbeTable.REST, ava.accessToken()).status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(delay);
        standIn.faults().delay(Duration.ZERO);
        long t1 = System.nanoTime();
        http.get(ProbeTable.REST, ava.accessToken());
        assertThat(Duration.ofNanos(System.nanoTime() - t1)).isLessThan(delay);
    }

    @Test
    void failNext_insert_answers500WithoutTouchingTheDatabase() throws Exception {
        standIn.faults().failNext(2);
        long before = standIn.requestCount();
        for (int i = 0; i < 2; i++) {
            TestHttp.Answer failed = http.post(ProbeTable.REST, ava.accessToken(), null,
                    StandInRestTest.rows(ava, 1, 1));
            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.json().path("message").asText()).contains("injected fault");
        }
        assertThat(ProbeTable.count(pg, "true")).isZero();
        assertThat(http.post(ProbeTable.REST, ava.accessToken(), null, StandInRestTest.rows(ava, 1, 1)).status())
                .isEqualTo(201);
        assertThat(ProbeTable.count(pg, "true")).isEqualTo(1);
        assertThat(standIn.requestCount() - before).isEqualTo(3);
    }

    @Test
    void dropAfterCommit_insert_keepsTheRowButLosesTheResponse() throws Exception {
        standIn.faults().dropAfterCommitNext(1);
        assertThat(http.get(ProbeTable.REST, ava.accessToken()).status()).as("reads are not dropped").isEqualTo(200);
        assertThatThrownBy(() -> http.post(ProbeTable.REST, ava.accessToken(), null, StandInRestTest.rows(ava, 1, 2)))
                .isInstanceOf(IOException.class);
        assertThat(ProbeTable.count(pg, "true")).as("the insert was committed").isEqualTo(2);
        assertThat(http.post(ProbeTable.REST, ava.accessToken(), null, StandInRestTest.rows(ava, 3, 3)).status())
                .isEqualTo(201);
        assertThat(ProbeTable.count(pg, "true")).isEqualTo(3);
    }

    @Test
    void dropAfterCommit_failedInsert_doesNotUseUpTheDrop() throws Exception {
        standIn.faults().dropAfterCommitNext(1);
        assertThat(http.post(ProbeTable.REST, null, null, StandInRestTest.rows(ava, 1, 1)).status()).isEqualTo(401);
        assertThatThrownBy(() -> http.post(ProbeTable.REST, ava.accessToken(), null, StandInRestTest.rows(ava, 1, 1)))
                .isInstanceOf(IOException.class);
    }

    @Test
    void answerHtml_nextRequest_getsAProxyPageInsteadOfJson() throws Exception {
        standIn.faults().answerHtmlNext(1);
        TestHttp.Answer gateway = http.post(ProbeTable.REST, ava.accessToken(), null, StandInRestTest.rows(ava, 1, 1));
        assertThat(gateway.status()).isEqualTo(502);
        assertThat(gateway.headers().get("Content-Type")).startsWith("text/html");
        assertThat(gateway.body()).startsWith("<html>").contains("Bad Gateway");

        standIn.faults().answerHtmlNext(1, 200);
        TestHttp.Answer portal = http.get(ProbeTable.REST, ava.accessToken());
        assertThat(portal.status()).isEqualTo(200);
        assertThat(portal.body()).startsWith("<html>");
        assertThat(ProbeTable.count(pg, "true")).isZero();
        assertThat(http.get(ProbeTable.REST, ava.accessToken()).body()).isEqualTo("[]");
    }

    @Test
    void restart_keepsThePortAndTheData_refusesConnectionsWhileDown() throws Exception {
        http.post(ProbeTable.REST, ava.accessToken(), null, StandInRestTest.rows(ava, 1, 1));
        String url = standIn.url();
        standIn.restart();
        http.evictConnections(); // a restart cuts keep-alive connections; a client without retries sees that once
        assertThat(standIn.url()).isEqualTo(url);
        assertThat(http.get(ProbeTable.REST, ava.accessToken()).json()).hasSize(1);
        String refresh = ava.refreshToken();
        assertThat(http.post("/auth/v1/token?grant_type=refresh_token", null, null,
                "{\"refresh_token\":\"" + refresh + "\"}").status()).as("sessions survive a restart").isEqualTo(200);

        standIn.goDown();
        http.evictConnections();
        assertThatThrownBy(() -> http.get(ProbeTable.REST, ava.accessToken())).isInstanceOf(ConnectException.class);
        standIn.comeBack();
        http.evictConnections();
        assertThat(http.get(ProbeTable.REST, ava.accessToken()).status()).isEqualTo(200);
    }

    @Test
    void restart_requestInFlight_isCut() throws Exception {
        standIn.faults().delay(Await.timeout()); // the server holds the request longer than the test waits
        long before = standIn.requestCount();
        CompletableFuture<TestHttp.Answer> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return http.get(ProbeTable.REST, ava.accessToken());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Await.until("the server holds the request", () -> standIn.requestCount() > before);
        standIn.restart();
        assertThatThrownBy(slow::join).hasCauseInstanceOf(java.io.UncheckedIOException.class);
        standIn.faults().clear();
        http.evictConnections();
        assertThat(http.get(ProbeTable.REST, ava.accessToken()).status()).isEqualTo(200);
    }
}
