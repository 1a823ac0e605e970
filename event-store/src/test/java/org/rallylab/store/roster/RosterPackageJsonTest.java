package org.rallylab.store.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rallylab.store.roster.RosterSamples.AVA;
import static org.rallylab.store.roster.RosterSamples.EXPORTED;
import static org.rallylab.store.roster.RosterSamples.KUB_KARS;
import static org.rallylab.store.roster.RosterSamples.RALLY;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rallylab.store.roster.RosterPackage.Member;
import org.rallylab.store.roster.RosterPackage.Section;

/** Writing and reading roster packages: a lossless round trip, a stable text, and lenient input. */
class RosterPackageJsonTest {

    @Test
    void writeThenRead_sampleRally_givesEqualPackage() throws Exception {
        RosterPackage rally = RosterSamples.rally();

        assertThat(RosterPackageJson.read(RosterPackageJson.write(rally))).isEqualTo(rally);
    }

    @Test
    void writeThenRead_noDateNoGroupsEmptySectionAndNanos_givesEqualPackage() throws Exception {
        RosterPackage bare = new RosterPackage(RALLY, "Rally", null, Instant.parse("2026-11-22T10:15:30.123456789Z"),
                List.of(), List.of(new Section(KUB_KARS, "Kub Kars", List.of())));

        assertThat(RosterPackageJson.read(RosterPackageJson.write(bare))).isEqualTo(bare);
    }

    @Test
    void write_smallPackage_isPrettyInSpecKeyOrderEndingWithNewline() {
        RosterPackage p = new RosterPackage(RALLY, "Rally", null, EXPORTED, List.of(),
                List.of(new Section(KUB_KARS, "Kub Kars", List.of(new Member(AVA, "Ava Chen", "12", null)))));

        assertThat(RosterPackageJson.write(p)).isEqualTo("""
                {
                  "version": 2,
                  "rally_id": "%s",
                  "rally_name": "Rally",
                  "rally_date": null,
                  "exported_at": "2026-11-22T10:15:30Z",
                  "groups": [],
                  "sections": [
                    {
                      "section_id": "%s",
                      "section_name": "Kub Kars",
                      "participants": [
                        {
                          "participant_id": "%s",
                          "name": "Ava Chen",
                          "car_number": "12",
                          "group_id": null
                        }
                      ]
                    }
                  ]
                }
                """.formatted(RALLY, KUB_KARS, AVA));
    }

    @Test
    void write_nonAsciiName_keptAsUtf8Text() {
        assertThat(RosterPackageJson.write(RosterSamples.rally())).contains("\"name\": \"Cléo Martin\"");
    }

    @Test
    void read_browserStyleFile_numericCarNumberUnknownKeysAndMillis_accepted() throws Exception {
        String json = """
                {"version": 2, "format": "rallylab-roster", "rally_id": "%s", "rally_name": " Rally ",
                 "exported_at": %d, "app": {"name": "RallyLab web", "build": 42},
                 "sections": [{"section_id": "%s", "section_name": "Kub Kars", "color": "blue",
                   "participants": [{"participant_id": "%s", "name": "Ava Chen", "car_number": 12,
                                     "group_id": "", "photo": null}]}]}
                """.formatted(RALLY, EXPORTED.toEpochMilli(), KUB_KARS, AVA);

        RosterPackage p = RosterPackageJson.read(json);

        assertThat(p).isEqualTo(new RosterPackage(RALLY, "Rally", null, EXPORTED, List.of(),
                List.of(new Section(KUB_KARS, "Kub Kars", List.of(new Member(AVA, "Ava Chen", "12", null))))));
    }

    @Test
    void read_exportedAtWithOffsetAndMillis_isTheSameInstant() throws Exception {
        String json = RosterPackageJson.write(RosterSamples.rally())
                .replace("\"2026-11-22T10:15:30Z\"", "\"2026-11-22T11:15:30.000+01:00\"");

        assertThat(RosterPackageJson.read(json).exportedAt()).isEqualTo(EXPORTED);
    }

    @Test
    void read_byteOrderMarkAndCrLf_accepted() throws Exception {
        String json = "\uFEFF" + RosterPackageJson.write(RosterSamples.rally()).replace("\n", "\r\n");

        assertThat(RosterPackageJson.read(json)).isEqualTo(RosterSamples.rally());
    }
}
