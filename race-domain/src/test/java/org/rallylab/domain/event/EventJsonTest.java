package org.rallylab.domain.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventJsonTest {

    static List<DomainEvent> everyType() {
        return SampleEvents.everyType();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyType")
    void roundTrip_everyType_equalEventAndEqualJson(DomainEvent event) throws Exception {
        String json = EventJson.write(event);
        DomainEvent back = EventJson.read(json);
        assertThat(back).isEqualTo(event);
        assertThat(EventJson.write(back)).isEqualTo(json);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyType")
    void roundTrip_throughStoredEnvelope_equalEvent(DomainEvent event) throws Exception {
        JsonNode payload = EventJson.payload(event);
        assertThat(payload.has("type")).isFalse();
        assertThat(payload.has("timestamp")).isFalse();
        assertThat(EventJson.read(event.type(), event.timestamp(), payload)).isEqualTo(event);
    }

    @Test
    void sampleEvents_coverEveryPermittedType() {
        Set<Class<?>> covered = new HashSet<>();
        everyType().forEach(e -> covered.add(e.getClass()));
        assertThat(covered).containsExactlyInAnyOrder(DomainEvent.class.getPermittedSubclasses());
    }

    @Test
    void write_usesPascalCaseTypeSnakeCaseKeysAndStringCarNumbers() throws Exception {
        DomainEvent staged = everyType().stream().filter(e -> e instanceof HeatStaged).findFirst().orElseThrow();
        JsonNode json = EventJson.parse(EventJson.write(staged));
        assertThat(json.get("type").asText()).isEqualTo("HeatStaged");
        assertThat(json.get("section_id").isTextual()).isTrue();
        assertThat(json.get("lanes").get(0).get("car_number").isTextual()).isTrue();
        assertThat(json.has("catch_up")).isFalse();
    }

    @Test
    void read_numericCarNumber_becomesDecimalString() throws Exception {
        CarArrived e = (CarArrived) EventJson.read("""
                {"type":"CarArrived","timestamp":1,"rally_id":"r","section_id":"s","car_number":42}""");
        assertThat(e.carNumber()).isEqualTo("42");
        RosterLoaded r = (RosterLoaded) EventJson.read("""
                {"type":"RosterLoaded","timestamp":1,"rally_id":"r","section_id":"s","section_name":"Beavers",
                 "participants":[{"participant_id":"p","name":"Ava","car_number":7.0}]}""");
        assertThat(r.participants().get(0).carNumber()).isEqualTo("7");
    }

    @Test
    void read_unknownType_keptOpaqueAndWrittenBackUnchanged() throws Exception {
        String json = "{\"type\":\"TrophyAwarded\",\"timestamp\":5,\"rally_id\":\"r\",\"trophy\":{\"name\":\"Best\"}}";
        DomainEvent e = EventJson.read(json);
        assertThat(e).isInstanceOf(UnrecognizedEvent.class);
        assertThat(e.rallyId()).isEqualTo("r");
        assertThat(EventJson.write(e)).isEqualTo(json);
    }

    @Test
    void read_unknownFields_keptAtTopLevelAndInNestedObjects() throws Exception {
        String json = "{\"type\":\"HeatStaged\",\"timestamp\":5,\"rally_id\":\"r\",\"section_id\":\"s\",\"heat\":1,"
                + "\"lanes\":[{\"lane\":1,\"car_number\":\"7\",\"name\":\"Ava\",\"colour\":\"red\"}],"
                + "\"camera\":\"east\"}";
        DomainEvent e = EventJson.read(json);
        assertThat(EventJson.write(e)).isEqualTo(json);
    }

    @Test
    void read_participantUpdated_absentNullAndValueGroupAreDistinct() throws Exception {
        String base = "{\"type\":\"ParticipantUpdated\",\"timestamp\":1,\"rally_id\":\"r\",\"section_id\":\"s\","
                + "\"participant_id\":\"p\"";
        assertThat(((ParticipantUpdated) EventJson.read(base + "}")).group()).isNull();
        assertThat(((ParticipantUpdated) EventJson.read(base + ",\"group_id\":null}")).group())
                .isEqualTo(new ParticipantUpdated.GroupChange(null));
        assertThat(((ParticipantUpdated) EventJson.read(base + ",\"group_id\":\"g\"}")).group())
                .isEqualTo(new ParticipantUpdated.GroupChange("g"));
        assertThat(EventJson.write(EventJson.read(base + ",\"group_id\":null}"))).contains("\"group_id\":null");
    }

    @Test
    void read_wrongFieldType_messageNamesTypeFieldAndValue() {
        assertThatThrownBy(() -> EventJson.read("""
                {"type":"RaceCompleted","timestamp":1,"rally_id":"r","section_id":"s","heat":"abc",
                 "race_id":"x","times_ms":{"1":2000}}"""))
                .isInstanceOf(EventFormatException.class)
                .hasMessage("RaceCompleted: \"heat\" must be a whole number, got \"abc\"");
    }

    @Test
    void read_missingField_messageNamesNestedPath() {
        assertThatThrownBy(() -> EventJson.read("""
                {"type":"RosterLoaded","timestamp":1,"rally_id":"r","section_id":"s","section_name":"Cubs",
                 "participants":[{"participant_id":"p","name":"Ava","car_number":"1"},{"participant_id":"q"}]}"""))
                .isInstanceOf(EventFormatException.class)
                .hasMessage("RosterLoaded: \"participants[1].name\" is missing");
    }

    @Test
    void read_badLaneKeyAndNegativeTime_refused() {
        assertThatThrownBy(() -> EventJson.read("""
                {"type":"RaceCompleted","timestamp":1,"rally_id":"r","section_id":"s","heat":1,
                 "race_id":"x","times_ms":{"left":2000}}"""))
                .hasMessageContaining("\"times_ms.left\" is not a lane");
        assertThatThrownBy(() -> EventJson.read("""
                {"type":"RaceCompleted","timestamp":1,"rally_id":"r","section_id":"s","heat":1,
                 "race_id":"x","times_ms":{"1":-5}}"""))
                .hasMessageContaining("\"times_ms.1\" must be a time of 0 or more");
    }

    @Test
    void read_notJsonTrailingTokensDuplicateKeysAndNonObjects_refused() {
        assertThatThrownBy(() -> EventJson.read("{\"type\":")).hasMessageStartingWith("not valid JSON");
        assertThatThrownBy(() -> EventJson.read("{\"type\":\"CarArrived\"} {}")).hasMessageStartingWith("not valid JSON");
        assertThatThrownBy(() -> EventJson.read("{\"type\":\"A\",\"type\":\"B\",\"timestamp\":1}"))
                .hasMessageStartingWith("not valid JSON");
        assertThatThrownBy(() -> EventJson.read("[1,2]")).hasMessageStartingWith("an event must be a JSON object");
        assertThatThrownBy(() -> EventJson.read("{\"timestamp\":1}")).hasMessage("event \"type\" is missing or not text");
        assertThatThrownBy(() -> EventJson.read("{\"type\":\"CarArrived\",\"rally_id\":\"r\"}"))
                .hasMessage("CarArrived: \"timestamp\" is missing");
    }

    @Test
    void read_emptyCarNumber_refused() {
        assertThatThrownBy(() -> EventJson.read("""
                {"type":"CarArrived","timestamp":1,"rally_id":"r","section_id":"s","car_number":"  "}"""))
                .hasMessageContaining("\"car_number\" must not be empty");
    }
}
