package org.rallylab.domain.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrdinalTest {

    @Test
    void of_placesWithEveryEnding_readAsAnOfficialSaysThem() {
        assertThat(Ordinal.of(1)).isEqualTo("1st");
        assertThat(Ordinal.of(2)).isEqualTo("2nd");
        assertThat(Ordinal.of(3)).isEqualTo("3rd");
        assertThat(Ordinal.of(4)).isEqualTo("4th");
        assertThat(Ordinal.of(11)).isEqualTo("11th");
        assertThat(Ordinal.of(12)).isEqualTo("12th");
        assertThat(Ordinal.of(13)).isEqualTo("13th");
        assertThat(Ordinal.of(21)).isEqualTo("21st");
        assertThat(Ordinal.of(102)).isEqualTo("102nd");
        assertThat(Ordinal.of(111)).isEqualTo("111th");
    }
}
