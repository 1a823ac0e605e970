package org.rallylab.domain.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CarNumbersTest {

    @Test
    void natural_digitRunsCompareAsNumbers() {
        List<String> cars = new ArrayList<>(List.of("B100", "10", "B9", "2", "A1", "1", "b10"));
        cars.sort(CarNumbers.NATURAL);
        assertThat(cars).containsExactly("1", "2", "10", "A1", "B9", "b10", "B100");
    }

    @Test
    void natural_leadingZeros_totalOrderStillConsistent() {
        assertThat(CarNumbers.NATURAL.compare("07", "7")).isNotZero();
        assertThat(Integer.signum(CarNumbers.NATURAL.compare("07", "7")))
                .isEqualTo(-Integer.signum(CarNumbers.NATURAL.compare("7", "07")));
        assertThat(CarNumbers.NATURAL.compare("7", "7")).isZero();
    }
}
