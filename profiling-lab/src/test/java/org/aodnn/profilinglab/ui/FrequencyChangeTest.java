package org.aodnn.profilinglab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.aodnn.profilinglab.adb.state.CpuPolicy;
import org.junit.jupiter.api.Test;

/**
 * What "Set frequency" would write, decided before the phone is touched: only what differs from the policy as
 * read, and nothing at all (with the reason) when nothing differs or the limits would cross, counting a limit
 * that is kept as it is.
 */
class FrequencyChangeTest {

    private static final String SERIAL = "127.0.0.1:5555";
    private static final List<Long> FREQS = List.of(300_000L, 1_248_000L, 1_804_800L);

    private static CpuPolicy policy0(Long minKhz, Long maxKhz) {
        return new CpuPolicy(0, List.of(0, 1, 2, 3), FREQS, List.of("schedutil", "performance", "powersave"),
                "schedutil", 1_248_000L, 300_000L, 1_804_800L, minKhz, maxKhz);
    }

    @Test
    void onlyWhatDiffersFromThePhoneIsWritten() {
        CpuPolicy now = policy0(300_000L, 1_804_800L);

        assertEquals(new FrequencyChange(0, "performance", null, 1_248_000L),
                FrequencyChange.between(SERIAL, now, "performance", 300_000L, 1_248_000L));
        assertEquals(new FrequencyChange(0, null, 1_248_000L, null),
                FrequencyChange.between(SERIAL, now, "schedutil", 1_248_000L, 1_804_800L));
    }

    @Test
    void nothingDifferentIsRefusedWithWhatThePolicyHas() {
        CpuPolicy now = policy0(300_000L, 1_804_800L);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FrequencyChange.between(SERIAL, now, "schedutil", 300_000L, 1_804_800L));
        assertEquals("policy0 of " + SERIAL + " already has governor schedutil, min 300 MHz and max 1804.8 MHz:"
                + " nothing to change", e.getMessage());
    }

    @Test
    void aMinimumAboveTheMaximumKeptIsRefused() {
        CpuPolicy now = policy0(300_000L, 1_248_000L);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FrequencyChange.between(SERIAL, now, "schedutil", 1_804_800L, 1_248_000L));
        assertEquals("minimum 1804.8 MHz is above maximum 1248 MHz on policy0: nothing was changed", e.getMessage());
    }

    @Test
    void aMaximumBelowTheMinimumKeptIsRefused() {
        CpuPolicy now = policy0(1_248_000L, 1_804_800L);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FrequencyChange.between(SERIAL, now, "performance", 1_248_000L, 300_000L));
        assertEquals("minimum 1248 MHz is above maximum 300 MHz on policy0: nothing was changed", e.getMessage());
    }

    @Test
    void raisingBothLimitsTogetherIsAllowed() {
        CpuPolicy now = policy0(300_000L, 1_248_000L);

        assertEquals(new FrequencyChange(0, null, 1_804_800L, 1_804_800L),
                FrequencyChange.between(SERIAL, now, "schedutil", 1_804_800L, 1_804_800L));
    }

    @Test
    void aLimitThePhoneDoesNotReportDoesNotBlockTheOther() {
        CpuPolicy now = policy0(null, 1_804_800L);

        assertEquals(new FrequencyChange(0, null, null, 300_000L),
                FrequencyChange.between(SERIAL, now, "schedutil", null, 300_000L));
    }

    @Test
    void clocksAreShownInMegahertz() {
        assertEquals("1248 MHz", FrequencyChange.mhz(1_248_000L));
        assertEquals("1804.8 MHz", FrequencyChange.mhz(1_804_800L));
        assertEquals("n/a", FrequencyChange.mhz(null));
    }
}
