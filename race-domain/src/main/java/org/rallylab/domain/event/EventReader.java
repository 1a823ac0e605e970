package org.rallylab.domain.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Turns one wire object into its event record (docs/events.md). Unknown types become {@link UnrecognizedEvent}. */
final class EventReader {

    @FunctionalInterface
    private interface TypeReader {
        DomainEvent read(FieldReader f, long timestamp) throws EventFormatException;
    }

    private static final Map<String, TypeReader> READERS = Map.ofEntries(
            Map.entry(RallyCreated.TYPE, (f, ts) -> new RallyCreated(ts, f.text("rally_id"),
                    f.text("rally_name"), f.optionalText("rally_date"), f.optionalText("created_by"), f.extras())),
            Map.entry(SectionCreated.TYPE, (f, ts) -> new SectionCreated(ts, f.text("rally_id"),
                    f.text("section_id"), f.text("section_name"), f.optionalText("created_by"), f.extras())),
            Map.entry(SectionRenamed.TYPE, (f, ts) -> new SectionRenamed(ts, f.text("rally_id"),
                    f.text("section_id"), f.text("section_name"), f.extras())),
            Map.entry(RegistrarInvited.TYPE, (f, ts) -> new RegistrarInvited(ts, f.text("rally_id"),
                    f.text("section_id"), f.text("registrar_email"), f.optionalText("invited_by"), f.extras())),
            Map.entry(OperatorInvited.TYPE, (f, ts) -> new OperatorInvited(ts, f.text("rally_id"),
                    f.text("operator_email"), f.optionalText("invited_by"), f.extras())),
            Map.entry(CheckInVolunteerInvited.TYPE, (f, ts) -> new CheckInVolunteerInvited(ts,
                    f.text("rally_id"), f.text("section_id"), f.text("volunteer_email"),
                    f.optionalText("invited_by"), f.extras())),
            Map.entry(RoleRevoked.TYPE, (f, ts) -> new RoleRevoked(ts, f.text("rally_id"),
                    f.optionalText("section_id"), f.text("email"), f.text("role"),
                    f.optionalText("revoked_by"), f.extras())),
            Map.entry(GroupCreated.TYPE, (f, ts) -> new GroupCreated(ts, f.text("rally_id"),
                    f.text("group_id"), f.text("group_name"), f.extras())),
            Map.entry(RosterUpdated.TYPE, (f, ts) -> new RosterUpdated(ts, f.text("rally_id"),
                    f.text("section_id"), f.optionalText("group_id"),
                    f.list("participants", p -> participant(p, false)), f.optionalText("submitted_by"),
                    f.extras())),
            Map.entry(ParticipantAdded.TYPE, (f, ts) -> new ParticipantAdded(ts, f.text("rally_id"),
                    f.text("section_id"), f.object("participant", p -> participant(p, false)),
                    f.optionalText("added_by"), f.extras())),
            Map.entry(ParticipantRemoved.TYPE, (f, ts) -> new ParticipantRemoved(ts, f.text("rally_id"),
                    f.text("section_id"), f.text("participant_id"), f.optionalCarNumber("car_number"),
                    f.optionalText("removed_by"), f.extras())),
            Map.entry(ParticipantUpdated.TYPE, EventReader::participantUpdated),
            Map.entry(RosterLoaded.TYPE, (f, ts) -> new RosterLoaded(ts, f.text("rally_id"),
                    f.text("section_id"), f.text("section_name"),
                    f.list("participants", p -> participant(p, true)), f.extras())),
            Map.entry(CarArrived.TYPE, (f, ts) -> new CarArrived(ts, f.text("rally_id"),
                    f.text("section_id"), f.carNumber("car_number"), f.extras())),
            Map.entry(ArrivalCancelled.TYPE, (f, ts) -> new ArrivalCancelled(ts, f.text("rally_id"),
                    f.text("section_id"), f.carNumber("car_number"), f.extras())),
            Map.entry(SectionStarted.TYPE, (f, ts) -> new SectionStarted(ts, f.text("rally_id"),
                    f.text("section_id"), f.lanes("available_lanes"), f.extras())),
            Map.entry(HeatStaged.TYPE, (f, ts) -> new HeatStaged(ts, f.text("rally_id"),
                    f.text("section_id"), f.integer("heat"), f.list("lanes", EventReader::laneCar),
                    f.optionalBoolean("catch_up"), f.optionalBoolean("dnf_rerun"), f.extras())),
            Map.entry(RaceCompleted.TYPE, (f, ts) -> new RaceCompleted(ts, f.text("rally_id"),
                    f.text("section_id"), f.integer("heat"), f.text("race_id"), f.laneTimes("times_ms"),
                    f.optionalLaneTimes("times_us"), f.optionalBoolean("partial"),
                    f.optionalInteger("race_timeout_ms"), f.extras())),
            Map.entry(RerunDeclared.TYPE, (f, ts) -> new RerunDeclared(ts, f.text("rally_id"),
                    f.text("section_id"), f.integer("heat"), f.optionalText("reason"), f.extras())),
            Map.entry(ResultManuallyEntered.TYPE, (f, ts) -> new ResultManuallyEntered(ts, f.text("rally_id"),
                    f.text("section_id"), f.integer("heat"), f.list("rankings", EventReader::ranking),
                    f.extras())),
            Map.entry(CarRemoved.TYPE, (f, ts) -> new CarRemoved(ts, f.text("rally_id"),
                    f.text("section_id"), f.carNumber("car_number"), f.integer("heat"), f.text("reason"),
                    f.extras())),
            Map.entry(ResultCorrected.TYPE, (f, ts) -> new ResultCorrected(ts, f.text("rally_id"),
                    f.text("section_id"), f.integer("heat_number"), f.list("corrected_lanes", EventReader::laneCar),
                    f.optionalText("reason"), f.extras())),
            Map.entry(LanesChanged.TYPE, (f, ts) -> new LanesChanged(ts, f.text("rally_id"),
                    f.text("section_id"), f.lanes("available_lanes"), f.optionalText("reason"), f.extras())),
            Map.entry(SectionCompleted.TYPE, (f, ts) -> new SectionCompleted(ts, f.text("rally_id"),
                    f.text("section_id"), f.integer("total_heats"), f.optionalBoolean("early_end"), f.extras())));

    private EventReader() {
    }

    static DomainEvent read(JsonNode json) throws EventFormatException {
        if (json == null || !json.isObject()) {
            throw new EventFormatException("an event must be a JSON object, got "
                    + (json == null ? "nothing" : FieldReader.shortText(json)));
        }
        JsonNode typeNode = json.get("type");
        if (typeNode == null || !typeNode.isTextual() || typeNode.textValue().isBlank()) {
            throw new EventFormatException("event \"type\" is missing or not text"
                    + (typeNode == null ? "" : ", got " + FieldReader.shortText(typeNode)));
        }
        String type = typeNode.textValue();
        FieldReader fields = new FieldReader((ObjectNode) json, type, "");
        fields.skip("type");
        long timestamp = fields.wholeNumber("timestamp");
        TypeReader reader = READERS.get(type);
        if (reader == null) {
            FieldReader all = new FieldReader((ObjectNode) json, type, "");
            all.skip("type", "timestamp");
            return new UnrecognizedEvent(type, timestamp, textOrNull(json.get("rally_id")),
                    textOrNull(json.get("section_id")), all.extras());
        }
        return reader.read(fields, timestamp);
    }

    /**
     * An event from its stored envelope: {@code type}, {@code timestamp} and the payload object
     * (its other fields). The same as {@link #read(JsonNode)} of the whole object, without
     * building it: a replay reads every event this way. Keys "type" and "timestamp" inside the
     * payload are ignored, as the envelope's win.
     */
    static DomainEvent read(String type, long timestamp, ObjectNode payload) throws EventFormatException {
        if (type == null || type.isBlank()) {
            throw new EventFormatException("event \"type\" is missing or not text");
        }
        TypeReader reader = READERS.get(type);
        FieldReader fields = new FieldReader(payload, type, "");
        fields.skip("type", "timestamp");
        if (reader == null) {
            return new UnrecognizedEvent(type, timestamp, textOrNull(payload.get("rally_id")),
                    textOrNull(payload.get("section_id")), fields.extras());
        }
        return reader.read(fields, timestamp);
    }

    private static String textOrNull(JsonNode value) {
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static Participant participant(FieldReader p, boolean numberRequired) throws EventFormatException {
        String id = p.text("participant_id");
        String name = p.text("name");
        String number = numberRequired ? p.carNumber("car_number") : p.optionalCarNumber("car_number");
        return new Participant(id, name, number, p.extras());
    }

    private static LaneCar laneCar(FieldReader l) throws EventFormatException {
        return new LaneCar(l.integer("lane"), l.carNumber("car_number"), l.optionalText("name"), l.extras());
    }

    private static Ranking ranking(FieldReader r) throws EventFormatException {
        return new Ranking(r.integer("place"), r.integer("lane"), r.carNumber("car_number"), r.extras());
    }

    private static DomainEvent participantUpdated(FieldReader f, long ts) throws EventFormatException {
        ParticipantUpdated.GroupChange group = null;
        if (f.has("group_id")) {
            group = new ParticipantUpdated.GroupChange(f.optionalText("group_id"));
        } else {
            f.skip("group_id");
        }
        return new ParticipantUpdated(ts, f.text("rally_id"), f.text("section_id"), f.text("participant_id"),
                f.optionalText("name"), group, f.optionalText("updated_by"), f.extras());
    }
}
