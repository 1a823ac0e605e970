package org.rallylab.domain.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Writes an event in the wire format of docs/events.md: {@code type}, {@code timestamp}, the known
 * fields in the order of the tables in docs/events.md, then the kept unknown keys in their original order.
 * Optional fields that are absent (null, or false for the optional flags) are not written.
 */
final class EventWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EventWriter() {
    }

    static ObjectNode write(DomainEvent event) {
        ObjectNode o = NODES.objectNode();
        o.put("type", event.type());
        o.put("timestamp", event.timestamp());
        if (event instanceof RallyCreated e) {
            o.put("rally_id", e.rallyId());
            o.put("rally_name", e.rallyName());
            putText(o, "rally_date", e.rallyDate());
            putText(o, "created_by", e.createdBy());
        } else if (event instanceof SectionCreated e) {
            o.put("rally_id", e.rallyId());
            o.put("section_id", e.sectionId());
            o.put("section_name", e.sectionName());
            putText(o, "created_by", e.createdBy());
        } else if (event instanceof SectionRenamed e) {
            o.put("rally_id", e.rallyId());
            o.put("section_id", e.sectionId());
            o.put("section_name", e.sectionName());
        } else if (event instanceof RegistrarInvited e) {
            o.put("rally_id", e.rallyId());
            o.put("section_id", e.sectionId());
            o.put("registrar_email", e.registrarEmail());
            putText(o, "invited_by", e.invitedBy());
        } else if (event instanceof OperatorInvited e) {
            o.put("rally_id", e.rallyId());
            o.put("operator_email", e.operatorEmail());
            putText(o, "invited_by", e.invitedBy());
        } else if (event instanceof CheckInVolunteerInvited e) {
            o.put("rally_id", e.rallyId());
            o.put("section_id", e.sectionId());
            o.put("volunteer_email", e.volunteerEmail());
            putText(o, "invited_by", e.invitedBy());
        } else if (event instanceof RoleRevoked e) {
            o.put("rally_id", e.rallyId());
            putText(o, "section_id", e.sectionId());
            o.put("email", e.email());
            o.put("role", e.role());
            putText(o, "revoked_by", e.revokedBy());
        } else if (event instanceof GroupCreated e) {
            o.put("rally_id", e.rallyId());
            o.put("group_id", e.groupId());
            o.put("group_name", e.groupName());
        } else if (event instanceof RosterUpdated e) {
            o.put("rally_id", e.rallyId());
            o.put("section_id", e.sectionId());
            putText(o, "group_id", e.groupId());
            o.set("participants", participants(e.participants()));
            putText(o, "submitted_by", e.submittedBy());
        } else if (event instanceof ParticipantAdded e) {
            o.put("rally_id", e.rallyId());
            o.put("section_id", e.sectionId());
            o.set("participant", participant(e.participant()));
            putText(o, "added_by", e.addedBy());
        } else if (event instanceof ParticipantRemoved e) {
            o.put("rally_id", e.rallyId());
            o.put("section_id", e.sectionId());
            o.put("participant_id", e.participantId());
            putText(o, "car_number", e.carNumber());
            putText(o, "removed_by", e.removedBy());
        } else if (event instanceof ParticipantUpdated e) {
            o.put("rally_id", e.rallyId());
            o.put("section_id", e.sectionId());
            o.put("participant_id", e.participantId());
            putText(o, "name", e.name());
            if (e.group() != null) {
                o.put("group_id", e.group().groupId());
            }
            putText(o, "updated_by", e.updatedBy());
        } else if (event instanceof RosterLoaded e) {
            o.put("rally_id", e.rallyId());
            o.put("section_id", e.sectionId());
            o.put("section_name", e.sectionName());
            o.set("participants", participants(e.participants()));
        } else if (event instanceof CarArrived e) {
            o.put("rally_id", e.rallyId());
            o.put("section_id", e.sectionId());
            o.put("car_number", e.carNumber());
        } else if (event instanceof ArrivalCancelled e) {
            o.put("rally_id", e.rallyId());
            o.put("section_id", e.sectionId());
            o.put("car_number", e.carNumber());
        } else if (event instanceof SectionStarted e) {
            o.put("rally_id", e.rallyId());
            o.put("section_id", e.sectionId());
            o.set("available_lanes", lanes(e.availableLanes()));
        } else if (event instanceof HeatStaged e) {
            o.put("rally_id", e.rallyId());
            o.put("section_id", e.sectionId());
            o.put("heat", e.heat());
            o.set("lanes", laneCars(e.lanes()));
            putFlag(o, "catch_up", e.catchUp());
            putFlag(o, "dnf_rerun", e.dnfRerun());
        } else if (event instanceof RaceCompleted e) {
            o.put("rally_id", e.rallyId());
            o.put("section_id", e.sectionId());
            o.put("heat", e.heat());
            o.put("race_id", e.raceId());
            o.set("times_ms", times(e.timesMs()));
            if (e.timesUs() != null) {
                o.set("times_us", times(e.timesUs()));
            }
            putFlag(o, "partial", e.partial());
            if (e.raceTimeoutMs() != null) {
                o.put("race_timeout_ms", e.raceTimeoutMs());
            }
        } else if (event instanceof RerunDeclared e) {
            o.put("rally_id", e.rallyId());
            o.put("section_id", e.sectionId());
            o.put("heat", e.heat());
            putText(o, "reason", e.reason());
        } else if (event instanceof ResultManuallyEntered e) {
            o.put("rally_id", e.rallyId());
            o.put("section_id", e.sectionId());
            o.put("heat", e.heat());
            ArrayNode rankings = o.putArray("rankings");
            for (Ranking r : e.rankings()) {
                ObjectNode item = rankings.addObject();
                item.put("place", r.place());
                item.put("lane", r.lane());
                item.put("car_number", r.carNumber());
                putExtras(item, r.extras());
            }
        } else if (event instanceof CarRemoved e) {
            o.put("rally_id", e.rallyId());
            o.put("section_id", e.sectionId());
            o.put("car_number", e.carNumber());
            o.put("heat", e.heat());
            o.put("reason", e.reason());
        } else if (event instanceof ResultCorrected e) {
            o.put("rally_id", e.rallyId());
            o.put("section_id", e.sectionId());
            o.put("heat_number", e.heatNumber());
            o.set("corrected_lanes", laneCars(e.correctedLanes()));
            putText(o, "reason", e.reason());
        } else if (event instanceof LanesChanged e) {
            o.put("rally_id", e.rallyId());
            o.put("section_id", e.sectionId());
            o.set("available_lanes", lanes(e.availableLanes()));
            putText(o, "reason", e.reason());
        } else if (event instanceof SectionCompleted e) {
            o.put("rally_id", e.rallyId());
            o.put("section_id", e.sectionId());
            o.put("total_heats", e.totalHeats());
            o.put("early_end", e.earlyEnd());
        } else if (!(event instanceof UnrecognizedEvent)) {
            throw new IllegalStateException("no writer for " + event.type());
        }
        putExtras(o, event.extras());
        return o;
    }

    private static ArrayNode participants(List<Participant> participants) {
        ArrayNode array = NODES.arrayNode();
        participants.forEach(p -> array.add(participant(p)));
        return array;
    }

    private static ObjectNode participant(Participant p) {
        ObjectNode item = NODES.objectNode();
        item.put("participant_id", p.participantId());
        item.put("name", p.name());
        putText(item, "car_number", p.carNumber());
        putExtras(item, p.extras());
        return item;
    }

    private static ArrayNode laneCars(List<LaneCar> lanes) {
        ArrayNode array = NODES.arrayNode();
        for (LaneCar l : lanes) {
            ObjectNode item = array.addObject();
            item.put("lane", l.lane());
            item.put("car_number", l.carNumber());
            putText(item, "name", l.name());
            putExtras(item, l.extras());
        }
        return array;
    }

    private static ArrayNode lanes(List<Integer> lanes) {
        ArrayNode array = NODES.arrayNode();
        lanes.forEach(array::add);
        return array;
    }

    private static ObjectNode times(Map<Integer, Long> times) {
        ObjectNode object = NODES.objectNode();
        times.forEach((lane, time) -> object.put(String.valueOf(lane), time));
        return object;
    }

    private static void putText(ObjectNode o, String key, String value) {
        if (value != null) {
            o.put(key, value);
        }
    }

    private static void putFlag(ObjectNode o, String key, boolean value) {
        if (value) {
            o.put(key, true);
        }
    }

    private static void putExtras(ObjectNode o, Extras extras) {
        for (Map.Entry<String, JsonNode> entry : extras.fields().entrySet()) {
            if (!o.has(entry.getKey())) {
                o.set(entry.getKey(), entry.getValue().deepCopy());
            }
        }
    }
}
