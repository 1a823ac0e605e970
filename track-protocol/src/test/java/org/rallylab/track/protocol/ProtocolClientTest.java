package org.rallylab.track.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rallylab.domain.testing.Await;
import org.rallylab.track.transport.MemoryPipe;

class ProtocolClientTest {

    private static final Duration WITHIN = Await.timeout();

    private final RecordingLogger log = new RecordingLogger();
    private MemoryPipe pipe;
    private ScriptedDevice device;
    private ProtocolClient client;

    @BeforeEach
    void connect() throws Exception {
        connect(ProtocolClient.COMMAND_TIMEOUT);
    }

    private void connect(Duration timeout) throws Exception {
        if (client != null) {
            client.close();
        }
        pipe = new MemoryPipe("test pipe");
        device = new ScriptedDevice(pipe.device());
        client = new ProtocolClient(pipe.host(), timeout, log);
        client.open();
    }

    @AfterEach
    void close() {
        client.close();
    }

    private static TrackProtocolException failure(CompletableFuture<?> future) {
        Throwable cause = Await.failure("the request", future);
        assertThat(cause).isInstanceOf(TrackProtocolException.class);
        return (TrackProtocolException) cause;
    }

    @Test
    void request_answered_completesWithOk() {
        Request info = client.request("info");
        ObjectNode sent = device.next("info");
        assertThat(sent.get("id").asLong()).isEqualTo(info.id());
        device.answer(sent, "{\"protocol\":\"2.0\",\"lane_count\":4,\"future_field\":true}");
        assertThat(info.result()).succeedsWithin(WITHIN)
                .satisfies(ok -> assertThat(ok.get("lane_count").asInt()).isEqualTo(4));
    }

    @Test
    void request_ids_positiveAndIncreasing() {
        long previous = 0;
        for (int i = 0; i < 5; i++) {
            Request request = client.request("gate");
            assertThat(request.id()).isGreaterThan(previous);
            assertThat(device.next("gate").get("id").asLong()).isEqualTo(request.id());
            previous = request.id();
        }
    }

    @Test
    void request_args_sentAfterIdAndCmd() {
        ObjectNode args = FrameCodec.MAPPER.createObjectNode().put("lanes", "13").put("after", "r-1");
        client.request("wait_race", args);
        ObjectNode sent = device.next("wait_race");
        assertThat(sent.toString()).isEqualTo("{\"id\":1,\"cmd\":\"wait_race\",\"lanes\":\"13\",\"after\":\"r-1\"}");
    }

    @Test
    void request_answerSentOneByteAtATime_completes() {
        Request info = client.request("info");
        long id = device.next("info").get("id").asLong();
        for (byte b : ("{\"id\":" + id + ",\"ok\":{\"protocol\":\"2.0\"}}\r\n").getBytes(StandardCharsets.UTF_8)) {
            device.sendBytes(new byte[] {b});
        }
        assertThat(info.result()).succeedsWithin(WITHIN);
    }

    @Test
    void request_answersOutOfOrder_eachToItsRequest() {
        Request first = client.request("gate");
        Request second = client.request("info");
        ObjectNode gate = device.next("gate");
        ObjectNode info = device.next("info");
        device.answer(info, "{\"protocol\":\"2.0\"}");
        device.answer(gate, "{\"gate_ready\":true}");
        assertThat(first.result()).succeedsWithin(WITHIN).satisfies(ok -> assertThat(ok.has("gate_ready")).isTrue());
        assertThat(second.result()).succeedsWithin(WITHIN).satisfies(ok -> assertThat(ok.has("protocol")).isTrue());
    }

    @Test
    void request_errorAnswer_failsWithCodeAndMessage() {
        Request wait = client.request("wait_race");
        device.refuse(device.next("wait_race"), "busy", "a race is armed on lanes 1234");
        TrackProtocolException e = failure(wait.result());
        assertThat(e.code()).isEqualTo("busy");
        assertThat(e.command()).isEqualTo("wait_race");
        assertThat(e.fromDevice()).isTrue();
        assertThat(e).hasMessage("the track refused 'wait_race' (busy): a race is armed on lanes 1234");
    }

    @Test
    void request_everyErrorCode_carriedAsIs() {
        for (String code : List.of("cancelled", "bad_args", "not_supported", "busy", "bad_state", "bad_frame", "internal")) {
            Request request = client.request("config_set");
            device.refuse(device.next("config_set"), code, "because");
            assertThat(failure(request.result()).code()).isEqualTo(code);
        }
    }

    @Test
    void answer_forUnknownId_loggedAndIgnored() {
        Request info = client.request("info");
        ObjectNode sent = device.next("info");
        device.send("{\"id\":999,\"ok\":{}}");
        device.send("{\"id\":-1,\"ok\":{}}");
        device.answer(sent, "{}");
        assertThat(info.result()).succeedsWithin(WITHIN);
        assertThat(log.messages(System.Logger.Level.WARNING))
                .anySatisfy(m -> assertThat(m).contains("request 999", "not outstanding"))
                .anySatisfy(m -> assertThat(m).contains("request -1"));
    }

    @Test
    void answer_duplicated_firstWinsSecondLoggedAndIgnored() {
        Request info = client.request("info");
        ObjectNode sent = device.next("info");
        device.answer(sent, "{\"n\":1}");
        device.answer(sent, "{\"n\":2}");
        device.refuse(sent, "internal", "late");
        Request gate = client.request("gate");
        device.answer(device.next("gate"), "{}");
        assertThat(gate.result()).succeedsWithin(WITHIN);
        assertThat(info.result()).succeedsWithin(WITHIN).satisfies(ok -> assertThat(ok.get("n").asInt()).isEqualTo(1));
        assertThat(log.messages(System.Logger.Level.WARNING)).filteredOn(m -> m.contains("not outstanding")).hasSize(2);
    }

    @Test
    void errorWithoutId_loggedAndNothingFails() {
        Request info = client.request("info");
        ObjectNode sent = device.next("info");
        device.send("{\"err\":\"line too long\",\"code\":\"bad_frame\"}");
        device.answer(sent, "{}");
        assertThat(info.result()).succeedsWithin(WITHIN);
        assertThat(log.messages(System.Logger.Level.WARNING)).anySatisfy(m -> assertThat(m).contains("line too long"));
    }

    @Test
    void garbageLines_ignored_clientKeepsWorking() {
        Request info = client.request("info");
        ObjectNode sent = device.next("info");
        device.send("Traceback (most recent call last):");
        device.send("[1,2,3]");
        device.send("{\"what\":\"ever\"}");
        device.sendBytes(new byte[] {(byte) 0xFF, (byte) 0x00, '\n'});
        device.answer(sent, "{}");
        assertThat(info.result()).succeedsWithin(WITHIN);
    }

    @Test
    void request_unanswered_timesOutNamingWhatWasPending() throws Exception {
        connect(Duration.ofMillis(200));
        Request info = client.request("info");
        TrackProtocolException e = failure(info.result());
        assertThat(e.code()).isEqualTo(TrackProtocolException.TIMEOUT);
        assertThat(e).hasMessage("the track did not answer 'info' within 200 ms");
    }

    @Test
    void request_ownTimeout_replacesTheCommandTimeout_issue11() {
        Request gate = client.request("gate", null, Duration.ofMillis(150));
        TrackProtocolException e = failure(gate.result());
        assertThat(e.code()).isEqualTo(TrackProtocolException.TIMEOUT);
        assertThat(e).hasMessage("the track did not answer 'gate' within 150 ms");
        assertThatThrownBy(() -> client.request("gate", null, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void linesReceived_countsCompleteLinesOnly_issue11() {
        assertThat(client.linesReceived()).isZero();
        Request gate = client.request("gate");
        ObjectNode sent = device.next("gate");
        device.send("not a frame, but a line");
        String answer = "{\"id\":" + sent.get("id").asLong() + ",\"ok\":{\"gate_ready\":true}}\n";
        device.sendBytes(answer.substring(0, 10).getBytes(StandardCharsets.UTF_8));
        device.sendBytes(answer.substring(10).getBytes(StandardCharsets.UTF_8));
        assertThat(gate.result()).succeedsWithin(WITHIN);
        assertThat(client.linesReceived()).as("two lines, the second in two pieces").isEqualTo(2);
    }

    @Test
    void defaultTimeout_message_saysFiveSeconds() {
        assertThat(TrackProtocolException.timeout("info", ProtocolClient.COMMAND_TIMEOUT))
                .hasMessage("the track did not answer 'info' within 5 s");
    }

    @Test
    void waits_unanswered_neverTimeOut() throws Exception {
        connect(Duration.ofMillis(100));
        Request race = client.request("wait_race");
        Request gate = client.request("wait_gate");
        Request info = client.request("info"); // sent after the waits: its timeout fires after theirs would have
        assertThat(failure(info.result()).code()).isEqualTo(TrackProtocolException.TIMEOUT);
        assertThat(race.result()).isNotDone();
        assertThat(gate.result()).isNotDone();
    }

    @Test
    void answer_afterTimeout_loggedAndIgnored() throws Exception {
        connect(Duration.ofMillis(100));
        Request info = client.request("info");
        ObjectNode sent = device.next("info");
        failure(info.result());
        device.answer(sent, "{}");
        Request wait = client.request("wait_gate");
        device.answer(device.next("wait_gate"), "{\"gate_ready\":true}");
        assertThat(wait.result()).succeedsWithin(WITHIN);
        assertThat(log.messages(System.Logger.Level.WARNING)).anySatisfy(m -> assertThat(m).contains("not outstanding"));
    }

    @Test
    void subscribe_events_deliveredInOrderFromTheCurrentStateOn() {
        BlockingQueue<Frame.Event> events = new LinkedBlockingQueue<>();
        CompletableFuture<Subscription> subscription = client.subscribe(List.of("gate", "foo"), events::add);
        ObjectNode sent = device.next("subscribe");
        assertThat(sent.get("topics").toString()).isEqualTo("[\"gate\",\"foo\"]");
        device.answer(sent, "{\"sub\":7,\"topics\":[\"gate\"],\"unknown\":[\"foo\"]}");
        device.send("{\"sub\":7,\"event\":\"state\",\"gate_ready\":true,\"ms\":10}");
        device.send("{\"sub\":8,\"event\":\"state\",\"gate_ready\":false,\"ms\":11}");
        device.send("{\"sub\":7,\"event\":\"state\",\"gate_ready\":false,\"ms\":12}");

        assertThat(subscription).succeedsWithin(WITHIN).satisfies(s -> {
            assertThat(s.id()).isEqualTo(7);
            assertThat(s.topics()).containsExactly("gate");
            assertThat(s.unknownTopics()).containsExactly("foo");
        });
        assertThat(take(events).integer("ms")).isEqualTo(10);
        assertThat(take(events).integer("ms")).isEqualTo(12);
    }

    @Test
    void subscribe_eventsBeforeTheAnswer_deliveredOnceSubscribed() {
        BlockingQueue<Frame.Event> events = new LinkedBlockingQueue<>();
        CompletableFuture<Subscription> subscription = client.subscribe(List.of("engine"), events::add);
        ObjectNode sent = device.next("subscribe");
        device.send("{\"sub\":3,\"event\":\"phase\",\"phase\":\"IDLE\",\"prev\":null}");
        device.answer(sent, "{\"sub\":3,\"topics\":[\"engine\"]}");
        device.send("{\"sub\":3,\"event\":\"phase\",\"phase\":\"ARMED\",\"prev\":\"IDLE\"}");
        assertThat(subscription).succeedsWithin(WITHIN);
        assertThat(take(events).text("phase")).isEqualTo("IDLE");
        assertThat(take(events).text("phase")).isEqualTo("ARMED");
    }

    @Test
    void subscribe_overflow_deliveredToTheListenerAndLogged() {
        BlockingQueue<Frame.Event> events = new LinkedBlockingQueue<>();
        client.subscribe(List.of("lanes"), events::add);
        device.answer(device.next("subscribe"), "{\"sub\":4,\"topics\":[\"lanes\"]}");
        device.send("{\"sub\":4,\"event\":\"overflow\",\"dropped\":17}");
        device.send("{\"sub\":4,\"event\":\"state\",\"lane\":1,\"triggered\":true,\"ms\":5}");
        Frame.Event overflow = take(events);
        assertThat(overflow.name()).isEqualTo("overflow");
        assertThat(overflow.integer("dropped")).isEqualTo(17);
        assertThat(take(events).name()).isEqualTo("state");
        assertThat(log.messages(System.Logger.Level.INFO)).anySatisfy(m -> assertThat(m).contains("dropped 17 events"));
    }

    @Test
    void subscribe_refused_fails() {
        CompletableFuture<Subscription> subscription = client.subscribe(List.of("gate"), e -> { });
        device.refuse(device.next("subscribe"), "bad_args", "topics must be a list");
        assertThat(failure(subscription).code()).isEqualTo("bad_args");
    }

    @Test
    void unsubscribe_stopsDeliveryAndTellsTheDevice() {
        BlockingQueue<Frame.Event> gate = new LinkedBlockingQueue<>();
        BlockingQueue<Frame.Event> lanes = new LinkedBlockingQueue<>();
        CompletableFuture<Subscription> gateSub = client.subscribe(List.of("gate"), gate::add);
        device.answer(device.next("subscribe"), "{\"sub\":1,\"topics\":[\"gate\"]}");
        client.subscribe(List.of("lanes"), lanes::add);
        device.answer(device.next("subscribe"), "{\"sub\":2,\"topics\":[\"lanes\"]}");

        CompletableFuture<Void> done = gateSub.join().unsubscribe();
        ObjectNode sent = device.next("unsubscribe");
        assertThat(sent.get("sub").asLong()).isEqualTo(1);
        device.answer(sent, "{}");
        assertThat(done).succeedsWithin(WITHIN);
        device.send("{\"sub\":1,\"event\":\"state\",\"gate_ready\":true}");
        device.send("{\"sub\":2,\"event\":\"state\",\"lane\":1,\"triggered\":false}");
        take(lanes); // the dispatcher handled the gate event before this one
        assertThat(gate).isEmpty();
    }

    @Test
    void cancel_sendsTheTarget_targetFailsCancelled() {
        Request wait = client.request("wait_race");
        ObjectNode waitSent = device.next("wait_race");
        CompletableFuture<JsonNode> cancel = client.cancel(wait.id());
        ObjectNode cancelSent = device.next("cancel");
        assertThat(cancelSent.get("target").asLong()).isEqualTo(wait.id());
        device.refuse(waitSent, "cancelled", "cancelled by request " + cancelSent.get("id"));
        device.answer(cancelSent, "{}");
        assertThat(cancel).succeedsWithin(WITHIN);
        assertThat(failure(wait.result()).code()).isEqualTo(TrackProtocolException.CANCELLED);
    }

    @Test
    void cancellingTheFuture_sendsCancelForTheRequest() {
        Request wait = client.request("wait_gate");
        device.next("wait_gate");
        wait.result().cancel(true);
        assertThat(device.next("cancel").get("target").asLong()).isEqualTo(wait.id());
    }

    @Test
    void reset_succeeds_earlierRequestsFailAndSubscriptionsEnd() {
        BlockingQueue<Frame.Event> events = new LinkedBlockingQueue<>();
        client.subscribe(List.of("gate"), events::add);
        device.answer(device.next("subscribe"), "{\"sub\":1,\"topics\":[\"gate\"]}");
        Request wait = client.request("wait_race");
        device.next("wait_race");

        CompletableFuture<JsonNode> reset = client.reset();
        Request later = client.request("wait_gate");
        ObjectNode resetSent = device.next("reset");
        device.next("wait_gate");
        device.answer(resetSent, "{}");
        assertThat(reset).succeedsWithin(WITHIN);

        TrackProtocolException e = failure(wait.result());
        assertThat(e.code()).isEqualTo(TrackProtocolException.RESET);
        assertThat(e.fromDevice()).isFalse();
        assertThat(later.result()).isNotDone();

        BlockingQueue<Frame.Event> after = new LinkedBlockingQueue<>();
        device.send("{\"sub\":1,\"event\":\"state\",\"gate_ready\":true}");
        client.subscribe(List.of("lanes"), after::add);
        device.answer(device.next("subscribe"), "{\"sub\":2,\"topics\":[\"lanes\"]}");
        device.send("{\"sub\":2,\"event\":\"state\",\"lane\":1,\"triggered\":true}");
        take(after);
        assertThat(events).isEmpty();
    }

    @Test
    void boot_outstandingWaitsFailRestarted_subscriptionsEnd_theClientWorksOn() {
        BlockingQueue<Frame.Event> events = new LinkedBlockingQueue<>();
        client.subscribe(List.of("gate"), events::add);
        device.answer(device.next("subscribe"), "{\"sub\":1,\"topics\":[\"gate\"]}");
        Request race = client.request("wait_race");
        Request gate = client.request("wait_gate");
        device.next("wait_race");
        device.next("wait_gate");

        device.send("{\"boot\":{\"detail\":\"MemoryError\",\"firmware\":\"rallylab-pico 0.2.0\",\"reason\":\"fault\"}}");
        for (Request r : List.of(race, gate)) {
            TrackProtocolException e = failure(r.result());
            assertThat(e.code()).isEqualTo(TrackProtocolException.RESTARTED);
            assertThat(e.fromDevice()).isFalse();
            assertThat(e).hasMessage("'" + r.command() + "' got no answer: the track controller restarted "
                    + "(reason: fault, MemoryError)");
        }
        device.send("{\"sub\":1,\"event\":\"state\",\"gate_ready\":true}");
        Request info = client.request("info");
        device.answer(device.next("info"), "{}");
        assertThat(info.result()).succeedsWithin(WITHIN);
        assertThat(events).as("the subscription ended with the restart").isEmpty();
        assertThat(client.disconnected()).isNotDone();
    }

    @Test
    void boot_aCommandTheRestartedDeviceGot_stillAnswered() {
        Request info = client.request("info"); // sent as the device starts: it reads it after its boot line
        ObjectNode sent = device.next("info");
        device.send("{\"boot\":{\"reason\":\"power\"}}");
        device.answer(sent, "{\"protocol\":\"2.0\"}");
        assertThat(info.result()).succeedsWithin(WITHIN);
    }

    @Test
    void boot_listenerToldBeforeTheRequestsFail() {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        client.onBoot(boot -> seen.add("boot " + boot.reason()));
        Request wait = client.request("wait_race");
        wait.result().whenComplete((ok, failure) -> seen.add("wait failed"));
        device.next("wait_race");
        device.send("{\"boot\":{\"reason\":\"update\"}}");
        failure(wait.result());
        assertThat(Await.until("the boot and the failure told", () -> List.copyOf(seen), l -> l.size() == 2))
                .containsExactly("boot update", "wait failed");
    }

    @Test
    void request_firstIdGiven_idsStartThereAndIncrease() throws Exception {
        client.close();
        pipe = new MemoryPipe("test pipe");
        device = new ScriptedDevice(pipe.device());
        client = new ProtocolClient(pipe.host(), ProtocolClient.COMMAND_TIMEOUT, 1_000_000L);
        client.open();
        assertThat(client.request("gate").id()).isEqualTo(1_000_000L);
        assertThat(client.request("gate").id()).isEqualTo(1_000_001L);
        assertThat(client.nextId()).isEqualTo(1_000_002L);
        assertThat(device.next("gate").get("id").asLong()).isEqualTo(1_000_000L);
    }

    @Test
    void disconnect_failsEveryPendingRequest_laterRequestsFailAtOnce() throws Exception {
        Request wait = client.request("wait_race");
        Request info = client.request("info");
        device.next("wait_race");
        device.next("info");
        pipe.disconnect("the Pico was unplugged");

        for (Request r : List.of(wait, info)) {
            TrackProtocolException e = failure(r.result());
            assertThat(e.code()).isEqualTo(TrackProtocolException.DISCONNECTED);
            assertThat(e).hasMessageContaining("the Pico was unplugged");
        }
        assertThat(client.disconnected()).succeedsWithin(WITHIN).isEqualTo("the Pico was unplugged");
        assertThat(failure(client.request("gate").result()).code()).isEqualTo(TrackProtocolException.DISCONNECTED);
    }

    @Test
    void close_failsPendingRequests() {
        Request wait = client.request("wait_race");
        device.next("wait_race");
        client.close();
        assertThat(failure(wait.result()).code()).isEqualTo(TrackProtocolException.DISCONNECTED);
        assertThat(client.disconnected()).succeedsWithin(WITHIN).isEqualTo("closed by RallyLab");
    }

    @Test
    void request_beforeOpen_failsAtOnce() {
        ProtocolClient unopened = new ProtocolClient(new MemoryPipe().host());
        assertThat(failure(unopened.request("info").result())).hasMessageContaining("not open");
    }

    @Test
    void constructor_zeroTimeout_rejected() {
        assertThatThrownBy(() -> new ProtocolClient(new MemoryPipe().host(), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
    }

    private static Frame.Event take(BlockingQueue<Frame.Event> events) {
        try {
            Frame.Event event = events.poll(Await.timeout().toSeconds(), TimeUnit.SECONDS);
            assertThat(event).as("an event").isNotNull();
            return event;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
