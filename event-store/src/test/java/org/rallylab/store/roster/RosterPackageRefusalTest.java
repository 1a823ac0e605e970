package org.rallylab.store.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.rallylab.store.roster.RosterSamples.AVA;
import static org.rallylab.store.roster.RosterSamples.KUB_KARS;
import static org.rallylab.store.roster.RosterSamples.LAKESIDE;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rallylab.domain.event.EventJson;
import org.rallylab.store.InvalidInputException;

/** Every way a roster package is refused, each with a message that says where and what. */
class RosterPackageRefusalTest {

    private static final String UNKNOWN_GROUP = "77777777-7777-4777-8777-777777777777";

    private static String refusal(String json) {
        Throwable thrown = catchThrowable(() -> RosterPackageJson.read(json));
        assertThat(thrown).isInstanceOf(InvalidInputException.class);
        assertThat(((InvalidInputException) thrown).file()).isNull();
        return thrown.getMessage();
    }

    /** The sample package, changed by {@code change}, then read: the refusal's message. */
    private static String refusalOf(Consumer<ObjectNode> change) throws Exception {
        ObjectNode root = (ObjectNode) EventJson.mapper().readTree(RosterPackageJson.write(RosterSamples.rally()));
        change.accept(root);
        return refusal(root.toString());
    }

    private static ObjectNode section(ObjectNode root, int s) {
        return (ObjectNode) root.get("sections").get(s);
    }

    private static ObjectNode participant(ObjectNode root, int s, int m) {
        return (ObjectNode) section(root, s).get("participants").get(m);
    }

    @Test
    void read_notJson_saysNotJsonWithLineAndColumn() {
        assertThat(refusal("rally: Kub Kars\n")).startsWith("not valid JSON (line 1, column ")
                .endsWith("): is this a roster package?");
    }

    @Test
    void read_cutOffFile_saysNotJson() {
        String whole = RosterPackageJson.write(RosterSamples.rally());

        assertThat(refusal(whole.substring(0, whole.length() / 2))).startsWith("not valid JSON (line ");
    }

    @Test
    void read_trailingGarbage_saysThereIsMoreText() {
        String json = RosterPackageJson.write(RosterSamples.rally()) + "{\"version\": 2}\n";

        assertThat(refusal(json)).startsWith("there is more text after the roster package ends (line ")
                .endsWith("): were two files pasted together?");
    }

    @Test
    void read_empty_saysEmpty() {
        assertThat(refusal("")).isEqualTo("the roster package is empty");
        assertThat(refusal(" \n ")).isEqualTo("the roster package is empty");
    }

    @Test
    void read_array_saysAPackageIsAnObject() {
        assertThat(refusal("[{\"version\": 2}]")).isEqualTo("a roster package is a JSON object like"
                + " {\"version\": 2, \"rally_id\": ...}, but this holds a list [...]");
    }

    @Test
    void read_versionMissing_asksWhetherItIsARosterPackage() throws Exception {
        assertThat(refusalOf(root -> root.remove("version")))
                .isEqualTo("version is missing: is this a roster package? This RallyLab reads version 2");
    }

    @Test
    void read_version1_namesBothVersions() throws Exception {
        assertThat(refusalOf(root -> root.put("version", 1))).isEqualTo("this roster package is version 1;"
                + " this RallyLab reads version 2: export it again from an up-to-date RallyLab");
    }

    @Test
    void read_version3_namesBothVersionsAndSaysUpdate() throws Exception {
        assertThat(refusalOf(root -> root.put("version", 3))).isEqualTo("this roster package is version 3;"
                + " this RallyLab reads version 2: update this RallyLab to read it");
    }

    @Test
    void read_versionAsText_saysWholeNumber() throws Exception {
        assertThat(refusalOf(root -> root.put("version", "2"))).isEqualTo("version must be a whole number, got \"2\"");
    }

    static Stream<Arguments> badPackages() {
        return Stream.of(
                refused("rally_id missing", root -> root.remove("rally_id"), "rally_id is missing"),
                refused("rally_id blank", root -> root.put("rally_id", "  "), "rally_id is blank"),
                refused("rally_id a number", root -> root.put("rally_id", 7), "rally_id must be text, got 7"),
                refused("rally_id not a UUID", root -> root.put("rally_id", "rally-1"), "rally_id \"rally-1\""
                        + " is not a UUID (like 8d4c5a2e-0d6b-4c55-9a0e-6f1d2b3c4d5e): was the file edited by hand?"),
                refused("rally_name blank", root -> root.put("rally_name", ""), "rally_name is blank"),
                refused("rally_date not a date", root -> root.put("rally_date", "15/02/2026"),
                        "rally_date \"15/02/2026\" is not a date like 2026-02-15"),
                refused("exported_at missing", root -> root.remove("exported_at"), "exported_at is missing"),
                refused("exported_at unreadable", root -> root.put("exported_at", "yesterday"), "exported_at"
                        + " \"yesterday\" is not a time like 2026-11-22T10:15:30Z or a number of milliseconds"
                        + " since 1970"),
                refused("exported_at a fraction", root -> root.put("exported_at", 1.5), "exported_at 1.5 is not a time"
                        + " like 2026-11-22T10:15:30Z or a number of milliseconds since 1970"),
                refused("groups not a list", root -> root.put("groups", "Lakeside"),
                        "groups must be a list [...], got \"Lakeside\""),
                refused("group not an object", root -> root.withArray("groups").insert(0, "Lakeside"),
                        "groups[0]: must be an object like {\"group_id\": ..., \"group_name\": ...}, got \"Lakeside\""),
                refused("group_id not a UUID", root -> ((ObjectNode) root.get("groups").get(1)).put("group_id", "g2"),
                        "groups[1] (\"Hilltop Pack\"): group_id \"g2\" is not a UUID (like"
                                + " 8d4c5a2e-0d6b-4c55-9a0e-6f1d2b3c4d5e): was the file edited by hand?"),
                refused("group_name blank", root -> ((ObjectNode) root.get("groups").get(1)).put("group_name", " "),
                        "groups[1]: group_name is blank"),
                refused("duplicate group", root -> ((ObjectNode) root.get("groups").get(1)).put("group_id", LAKESIDE),
                        "groups[1] (\"Hilltop Pack\"): group_id \"" + LAKESIDE + "\" is also the id of"
                                + " groups[0] (\"1st Lakeside\"): each group appears once in a package"),
                refused("sections missing", root -> root.remove("sections"), "sections is missing"),
                refused("section_id not a UUID", root -> section(root, 1).put("section_id", "beavers"),
                        "sections[1] (\"Beavers\"): section_id \"beavers\" is not a UUID (like"
                                + " 8d4c5a2e-0d6b-4c55-9a0e-6f1d2b3c4d5e): was the file edited by hand?"),
                refused("section_name missing", root -> section(root, 1).remove("section_name"),
                        "sections[1]: section_name is missing"),
                refused("duplicate section", root -> section(root, 1).put("section_id", KUB_KARS),
                        "sections[1] (\"Beavers\"): section_id \"" + KUB_KARS + "\" is also the id of"
                                + " sections[0] (\"Kub Kars\"): each section appears once in a package"),
                refused("participants missing", root -> section(root, 1).remove("participants"),
                        "sections[1] (\"Beavers\"): participants is missing"),
                refused("participant not an object", root -> section(root, 1).withArray("participants").add(12),
                        "sections[1].participants[2]: must be an object like {\"participant_id\": ...,"
                                + " \"name\": ..., \"car_number\": ...}, got 12"),
                refused("car_number missing", root -> participant(root, 1, 1).remove("car_number"),
                        "sections[1].participants[1] (\"Eve Singh\"): car_number is missing"),
                refused("car_number null", root -> participant(root, 1, 1).putNull("car_number"),
                        "sections[1].participants[1] (\"Eve Singh\"): car_number is missing"),
                refused("car_number blank", root -> participant(root, 1, 1).put("car_number", " "),
                        "sections[1].participants[1] (\"Eve Singh\"): car_number is blank"),
                refused("car_number a fraction", root -> participant(root, 1, 1).put("car_number", 12.5),
                        "sections[1].participants[1] (\"Eve Singh\"): car_number must be text or a whole number,"
                                + " got 12.5"),
                refused("participant_id not a UUID", root -> participant(root, 0, 2).put("participant_id", "p-3"),
                        "sections[0].participants[2] (\"Cléo Martin\"): participant_id \"p-3\" is not a UUID"
                                + " (like 8d4c5a2e-0d6b-4c55-9a0e-6f1d2b3c4d5e): was the file edited by hand?"),
                refused("name missing", root -> participant(root, 0, 2).remove("name"),
                        "sections[0].participants[2]: name is missing"),
                refused("name blank", root -> participant(root, 0, 2).put("name", "\t"),
                        "sections[0].participants[2]: name is blank"),
                refused("participant in two sections", root -> participant(root, 1, 1).put("participant_id", AVA),
                        "sections[1].participants[1] (\"Eve Singh\"): participant_id \"" + AVA + "\" is also"
                                + " the id of sections[0].participants[0] (\"Ava Chen\"): a participant appears once"
                                + " in a package"),
                refused("duplicate car number", root -> participant(root, 0, 2).put("car_number", "B100"),
                        "sections[0].participants[2] (\"Cléo Martin\"): car_number \"B100\" is already the number"
                                + " of sections[0].participants[1] (\"Ben Okafor\"): car numbers differ within"
                                + " a section"),
                refused("duplicate car number, one numeric", root -> participant(root, 0, 2).put("car_number", 1),
                        "sections[0].participants[2] (\"Cléo Martin\"): car_number \"1\" is already the number"
                                + " of sections[0].participants[0] (\"Ava Chen\"): car numbers differ within"
                                + " a section"),
                refused("group not among groups", root -> participant(root, 0, 2).put("group_id", UNKNOWN_GROUP),
                        "sections[0].participants[2] (\"Cléo Martin\"): group_id \"" + UNKNOWN_GROUP + "\" is not"
                                + " one of the package's groups: add it to groups or leave the participant without"
                                + " a group"),
                refused("group_id a number", root -> participant(root, 0, 2).put("group_id", 3),
                        "sections[0].participants[2] (\"Cléo Martin\"): group_id must be text, got 3"));
    }

    private static Arguments refused(String name, Consumer<ObjectNode> change, String message) {
        return Arguments.of(name, change, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPackages")
    void read_badPackage_refusedNamingWhereAndWhat(String name, Consumer<ObjectNode> change, String message)
            throws Exception {
        assertThat(refusalOf(change)).isEqualTo(message);
    }

    @Test
    void read_duplicateKey_refusedAsNotJson() {
        String json = RosterPackageJson.write(RosterSamples.rally()).replace("\"rally_name\": \"Kub Kar Rally 2026\"",
                "\"rally_name\": \"A\", \"rally_name\": \"B\"");

        assertThat(refusal(json)).startsWith("not valid JSON (line 4, column ").contains("rally_name");
    }

    @Test
    void read_carNumbersInDifferentSections_mayRepeat() throws Exception {
        assertThat(RosterPackageJson.read(RosterPackageJson.write(RosterSamples.rally())).sections())
                .extracting(s -> s.participants().get(0).carNumber()).containsExactly("1", "1");
    }

    @Test
    void read_refusal_isTheStoresInvalidInputException() {
        assertThatThrownBy(() -> RosterPackageJson.read("[]")).isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("line", 0L);
    }
}
