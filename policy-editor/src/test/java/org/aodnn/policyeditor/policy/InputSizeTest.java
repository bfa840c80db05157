package org.aodnn.policyeditor.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InputSizeTest {

    @Test
    void blankMeansTheModelsOwnSize() {
        assertNull(InputSize.parse(""));
        assertNull(InputSize.parse("   "));
        assertNull(InputSize.parse(null));
    }

    @Test
    void bytesAndUnits() {
        assertEquals(150_528L, InputSize.parse("150528"));
        assertEquals(150_528L, InputSize.parse(" 150528 B "));
        assertEquals(150_000L, InputSize.parse("150 kB"));
        assertEquals(150_000L, InputSize.parse("150KB"));
        assertEquals(1_500_000L, InputSize.parse("1.5 MB"));
        assertEquals(147L * 1024, InputSize.parse("147 KiB"));
        assertEquals(2L << 20, InputSize.parse("2 MiB"));
        assertEquals(3_000_000_000L, InputSize.parse("3 GB"));
        assertEquals(2L, InputSize.parse("1.5"), "a fraction of a byte rounds to the nearest byte");
    }

    @Test
    void badEntriesAreRefusedQuotingTheText() {
        for (String bad : new String[] {"abc", "-5", "12 parsecs", "1,5 MB", "1e6", "NaN", "2 Mb", "150 kb", "3 mB"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InputSize.parse(bad));
            assertTrue(e.getMessage().startsWith("Input size: '" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void sizesOutsideOneByteToOneTerabyteAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> InputSize.parse("0"));
        assertThrows(IllegalArgumentException.class, () -> InputSize.parse("0.4"));
        assertThrows(IllegalArgumentException.class, () -> InputSize.parse("1001 GB"));
        assertEquals(InputSize.MAX_BYTES, InputSize.parse("1000 GB"));
    }

    @Test
    void describeGivesExactBytesAndAReadableUnit() {
        assertEquals("512 B", InputSize.describe(512));
        assertEquals("602,112 B (602.1 kB)", InputSize.describe(602_112));
        assertEquals("3,000,000,000 B (3.0 GB)", InputSize.describe(3_000_000_000L));
    }
}
