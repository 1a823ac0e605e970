package org.rallylab.store.roster;

import java.time.Instant;
import java.util.List;
import org.rallylab.store.roster.RosterPackage.Group;
import org.rallylab.store.roster.RosterPackage.Member;
import org.rallylab.store.roster.RosterPackage.Section;

/** Ids and a realistic roster package for the roster package tests. */
final class RosterSamples {

    static final String RALLY = "8d4c5a2e-0d6b-4c55-9a0e-6f1d2b3c4d5e";
    static final String KUB_KARS = "1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9";
    static final String BEAVERS = "2c3d4e5f-6071-4829-93a4-b5c6d7e8f901";
    static final String LAKESIDE = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";
    static final String HILLTOP = "8e7d6c5b-4a39-4281-9706-5f4e3d2c1b0a";
    static final String AVA = "a0000000-0000-4000-8000-000000000001";
    static final String BEN = "a0000000-0000-4000-8000-000000000002";
    static final String CLEO = "a0000000-0000-4000-8000-000000000003";
    static final String DAN = "a0000000-0000-4000-8000-000000000004";
    static final String EVE = "a0000000-0000-4000-8000-000000000005";
    static final Instant EXPORTED = Instant.parse("2026-11-22T10:15:30Z");

    private RosterSamples() {
    }

    /** Two groups; Kub Kars with three cars (one without a group), Beavers with two. */
    static RosterPackage rally() {
        return new RosterPackage(RALLY, "Kub Kar Rally 2026", "2026-02-15", EXPORTED,
                List.of(new Group(LAKESIDE, "1st Lakeside"), new Group(HILLTOP, "Hilltop Pack")),
                List.of(new Section(KUB_KARS, "Kub Kars", List.of(
                                new Member(AVA, "Ava Chen", "1", LAKESIDE),
                                new Member(BEN, "Ben Okafor", "B100", HILLTOP),
                                new Member(CLEO, "Cléo Martin", "3", null))),
                        new Section(BEAVERS, "Beavers", List.of(
                                new Member(DAN, "Dan Roy", "1", LAKESIDE),
                                new Member(EVE, "Eve Singh", "2", null)))));
    }
}
