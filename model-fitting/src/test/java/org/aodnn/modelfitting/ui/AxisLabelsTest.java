package org.aodnn.modelfitting.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AxisLabelsTest {

    private final PowerOfTenLabels powers = new PowerOfTenLabels();

    @Test
    void wholeLog10ValuesArePowersOfTen() {
        assertEquals("10⁰", powers.toString(0));
        assertEquals("10³", powers.toString(3.0));
        assertEquals("10⁻¹²", powers.toString(-12));
    }

    @Test
    void otherLog10ValuesShowTheValueTheyStandFor() {
        assertEquals("31.6", powers.toString(1.5));
        assertEquals("0.0178", powers.toString(Math.log10(0.0178)));
        assertEquals("3.2·10⁷", powers.toString(Math.log10(3.2e7)));
        assertEquals("5.0·10⁻⁴", powers.toString(Math.log10(5e-4)));
    }

    @Test
    void degreeAxisLabelsOnlyWholeNumbers() {
        WholeNumberLabels whole = new WholeNumberLabels();
        assertEquals("2", whole.toString(2.0));
        assertEquals("", whole.toString(2.25));
    }
}
