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
    void a_delay_holds_every_request() throws Exception {
        standIn.faults().delay(Duration.ofMillis(300));
        long t0 = System.nanoTime();
        assertThat(http.get(ProbeTable.REST, ava.accessToken()).status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        standIn.faults().delay(Duration.ZERO);
        long t1 = System.nanoTime();
        http.get(ProbeTable.REST, ava.accessToken());
        assertThat(Duration.ofNanos(System.nanoTime() - t1)).isLessThan(Duration.ofMillis(300));
    }

    @Test
    void fail_next_answers_500_without_touching_the_database() throws Exception {
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
    void drop_after_commit_keeps_the_row_but_loses_the_response() throws Exception {
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
    void a_failed_insert_does_not_use_up_a_drop() throws Exception {
        standIn.faults().dropAfterCommitNext(1);
        assertThat(http.post(ProbeTable.REST, null, null, StandInRestTest.rows(ava, 1, 1)).status()).isEqualTo(401);
        assertThatThrownBy(() -> http.post(ProbeTable.REST, ava.accessToken(), null, StandInRestTest.rows(ava, 1, 1)))
                .isInstanceOf(IOException.class);
    }

    @Test
    void answer_html_sends_a_proxy_page_instead_of_json() throws Exception {
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
    void restart_keeps_the_port_and_the_data_and_refuses_connections_while_down() throws Exception {
        http.post(ProbeTable.REST, ava.accessToken(), null, StandInRestTest.rows(ava, 1, 1));
        String url = standIn.url();
        standIn.restart();
        http.evictConnections(); // a restart cuts keep-alive connections; a client without retries sees that once
        assertThat(standIn.url()).isEqualTo(url);
        assertThat(http.get(ProbeTable.REST, ava.accessToken()).json()).hasSize(1);
        String refresh = ava.refreshToken();
        assertThat(http.post("/auth/v1/token?grant_type=refresh_token", null, null,
                "{\"refresh_token\":\"" + refresh + "\"}").status()).as("sessions survive a restart").isEqualTo(200);

        CompletableFuture<Void> down = CompletableFuture.runAsync(() -> standIn.restart(Duration.ofMillis(1500)));
        Thread.sleep(500);
        http.evictConnections();
        assertThatThrownBy(() -> http.get(ProbeTable.REST, ava.accessToken())).isInstanceOf(ConnectException.class);
        down.get();
        http.evictConnections();
        assertThat(http.get(ProbeTable.REST, ava.accessToken()).status()).isEqualTo(200);
    }

    @Test
    void a_restart_cuts_a_request_in_flight() throws Exception {
        standIn.faults().delay(Duration.ofMillis(1500));
        CompletableFuture<TestHttp.Answer> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return http.get(ProbeTable.REST, ava.accessToken());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Thread.sleep(300);
        standIn.restart();
        assertThatThrownBy(slow::join).hasCauseInstanceOf(java.io.UncheckedIOException.class);
        standIn.faults().clear();
        http.evictConnections();
        assertThat(http.get(ProbeTable.REST, ava.accessToken()).status()).isEqualTo(200);
    }
}
