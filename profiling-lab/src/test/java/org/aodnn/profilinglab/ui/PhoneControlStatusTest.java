package org.aodnn.profilinglab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The phone controls' status line: a read-back and a refusal are told apart, and choosing another phone clears it. */
class PhoneControlStatusTest {

    private final PhoneControlStatus status = new PhoneControlStatus();

    @Test
    void aRefusalIsMarkedAndTheNextReadBackClearsTheMark() {
        status.error("device s has no root access");
        assertTrue(status.statusIsErrorProperty().get());
        assertEquals("device s has no root access", status.statusProperty().get());

        status.info("policy0 of s reads back governor performance");
        assertFalse(status.statusIsErrorProperty().get());
        assertEquals("policy0 of s reads back governor performance", status.statusProperty().get());
    }

    @Test
    void anotherPhoneStartsWithAnEmptyLine() {
        status.error("minimum 1804.8 MHz is above maximum 1248 MHz on policy0: nothing was changed");

        status.clear();

        assertEquals("", status.statusProperty().get());
        assertFalse(status.statusIsErrorProperty().get());
    }
}
