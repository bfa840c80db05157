package org.aodnn.policyeditor.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.text.Font;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** Layer names under the cut chart fit the space below its axis, losing their start visibly when too long. */
class CutChartLabelTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage(); // text measurement needs the toolkit's fonts
    }

    @Test
    void shortNamesStayWholeAndLongOnesLoseTheirStartBehindAnEllipsis() {
        Font font = Font.font(11);
        assertEquals("fc", CutChart.fitted("fc", font));
        String longName = "features.12.block.2.fc1.activation.inner";
        String shown = CutChart.fitted(longName, font);
        assertTrue(shown.startsWith("…") && longName.endsWith(shown.substring(1)), shown);
        assertTrue(CutChart.textWidth(shown, font) < CutChart.textWidth(longName, font));
        double room = CutChart.textWidth(shown, font);
        assertTrue(room > 40, "room for a readable tail: " + room);
    }
}
