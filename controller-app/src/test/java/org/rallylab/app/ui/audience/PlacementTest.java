package org.rallylab.app.ui.audience;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** On one screen the audience window opens beside the operator's, never on top of it. */
class PlacementTest {

    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1920, 1050);

    @Test
    void placement_roomOnTheRight_audienceTakesTheRightSide() {
        Placement.Layout layout = Placement.beside(LAPTOP, new Rectangle2D(0, 0, 1100, 800));
        assertThat(layout.operator()).isEqualTo(new Rectangle2D(0, 0, 1100, 800));
        assertThat(layout.audience().getMinX()).isEqualTo(1100);
        assertThat(layout.audience().getWidth()).isEqualTo(820);
        assertThat(layout.audience().intersects(layout.operator())).isFalse();
    }

    @Test
    void placement_roomOnTheLeft_audienceTakesTheLeftSide() {
        Placement.Layout layout = Placement.beside(LAPTOP, new Rectangle2D(900, 100, 1020, 800));
        assertThat(layout.audience().getMinX()).isEqualTo(0);
        assertThat(layout.audience().getMaxX()).isLessThanOrEqualTo(900);
        assertThat(layout.audience().intersects(layout.operator())).isFalse();
    }

    @Test
    void placement_operatorFillsTheScreen_operatorMakesRoomBesideIt() {
        Placement.Layout layout = Placement.beside(LAPTOP, LAPTOP);
        assertThat(layout.operator().getWidth()).isEqualTo(1152);
        assertThat(layout.audience().getMinX()).isEqualTo(1152);
        assertThat(layout.audience().getMaxX()).isEqualTo(1920);
        assertThat(layout.audience().intersects(layout.operator())).isFalse();
        assertThat(layout.behind()).isFalse();
        assertThat(layout.audience().getWidth() / layout.audience().getHeight()).isCloseTo(16 / 9.0,
                org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void placement_smallScreenFilledByTheOperator_audienceBehindOperatorUntouched() {
        Rectangle2D small = new Rectangle2D(0, 0, 1280, 800);
        Placement.Layout layout = Placement.beside(small, small);
        assertThat(layout.operator()).isEqualTo(small);
        assertThat(layout.behind()).isTrue();
        assertThat(layout.audience().getMaxX()).isEqualTo(1280);
    }
}
