package org.rallylab.sync.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.sync.pg.PgFixture;

/**
 * A fresh database with two rallies pushed through row-level security, as the RLS tests need them:
 * "own" rally R1 (sections S1 and S2) organized by {@link Actor#ORGANIZER}, who invited every other
 * actor but the stranger; and "other" rally R2 (section T1) of a second organizer nobody else
 * belongs to. Both hold one event of every type.
 */
final class World {

    /** Who makes a request. Section roles are in S1 ("own") or S2 ("other") of R1. */
    enum Actor {
        ORGANIZER("organizer"),
        OPERATOR("operator"),
        REGISTRAR_OWN_SECTION("registrar (own section)"),
        REGISTRAR_OTHER_SECTION("registrar (other section)"),
        VOLUNTEER_OWN_SECTION("check-in volunteer (own section)"),
        VOLUNTEER_OTHER_SECTION("check-in volunteer (other section)"),
        STRANGER("signed-in stranger"),
        ANON("anon");

        final String label;

        Actor(String label) {
            this.label = label;
        }

        String email() {
            return name().toLowerCase().replace('_', '.') + "@rally.test";
        }
    }

    final PgFixture pg;
    final UUID r1 = UUID.randomUUID();
    final UUID s1 = UUID.randomUUID();
    final UUID s2 = UUID.randomUUID();
    final UUID r2 = UUID.randomUUID();
    final UUID t1 = UUID.randomUUID();
    final AsUser otherOrganizer;
    private final Map<Actor, AsUser> actors = new EnumMap<>(Actor.class);

    private World() throws SQLException {
        pg = PgFixture.freshDatabase();
        for (Actor a : Actor.values()) {
            actors.put(a, a == Actor.ANON ? AsUser.anon(pg) : AsUser.signedIn(pg, pg.createUser(a.email()), a.email()));
        }
        otherOrganizer = AsUser.signedIn(pg, pg.createUser("other.organizer@rally.test"), "other.organizer@rally.test");

        UUID org = as(Actor.ORGANIZER).id();
        List<EventRow> own = new ArrayList<>();
        long cid = 0;
        own.add(Events.rallyCreated(r1, org, ++cid));
        own.add(Events.sectionCreated(r1, s1, org, ++cid));
        own.add(Events.sectionCreated(r1, s2, org, ++cid));
        for (DomainEvent e : Events.oneOfEachType()) {
            if (!e.type().equals("RallyCreated")) {
                own.add(Events.row(e, r1, s1, org, ++cid));
            }
        }
        own.add(Events.operatorInvited(r1, Actor.OPERATOR.email(), org, ++cid));
        own.add(Events.registrarInvited(r1, s1, Actor.REGISTRAR_OWN_SECTION.email(), org, ++cid));
        own.add(Events.registrarInvited(r1, s2, Actor.REGISTRAR_OTHER_SECTION.email(), org, ++cid));
        own.add(Events.volunteerInvited(r1, s1, Actor.VOLUNTEER_OWN_SECTION.email(), org, ++cid));
        own.add(Events.volunteerInvited(r1, s2, Actor.VOLUNTEER_OTHER_SECTION.email(), org, ++cid));
        int stored = as(Actor.ORGANIZER).push(own);
        if (stored != own.size()) {
            throw new IllegalStateException("seeding rally R1 stored " + stored + " of " + own.size() + " rows");
        }

        UUID org2 = otherOrganizer.id();
        List<EventRow> other = new ArrayList<>();
        cid = 0;
        other.add(Events.rallyCreated(r2, org2, ++cid));
        for (DomainEvent e : Events.oneOfEachType()) {
            if (!e.type().equals("RallyCreated")) {
                other.add(Events.row(e, r2, t1, org2, ++cid));
            }
        }
        otherOrganizer.push(other);
    }

    static World build() {
        try {
            return new World();
        } catch (SQLException e) {
            throw new IllegalStateException("could not seed the RLS world: " + e.getMessage(), e);
        }
    }

    AsUser as(Actor actor) {
        return actors.get(actor);
    }

    /** Rows of a rally (of one type, or all when type is null), counted by the superuser past RLS. */
    long storedRows(UUID rally, String type) throws SQLException {
        try (Connection c = pg.admin().getConnection();
             PreparedStatement p = c.prepareStatement(
                     "select count(*) from public.domain_events where rally_id = ? and (?::text is null or event_type = ?)")) {
            p.setObject(1, rally);
            p.setString(2, type);
            p.setString(3, type);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The roles of a rally as "email role section" lines (section S1, S2, T1 or -), sorted. */
    List<String> roles(UUID rally) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = pg.admin().getConnection();
             PreparedStatement p = c.prepareStatement("select u.email, r.role, r.section_id from public.rally_roles r "
                     + "join auth.users u on u.id = r.user_id where r.rally_id = ? order by 1, 2, 3")) {
            p.setObject(1, rally);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1) + " " + rs.getString(2) + " " + sectionName(rs.getObject(3, UUID.class)));
                }
            }
        }
        return lines;
    }

    private String sectionName(UUID section) {
        if (section == null) {
            return "-";
        }
        return section.equals(s1) ? "S1" : section.equals(s2) ? "S2" : section.equals(t1) ? "T1" : section.toString();
    }
}
