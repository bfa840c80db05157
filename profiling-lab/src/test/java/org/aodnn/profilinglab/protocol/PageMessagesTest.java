package org.aodnn.profilinglab.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageMessagesTest {

    static final String GOOD = "{\"layerId\":3,\"backend\":\"wasm\",\"medianMs\":1.5,\"minMs\":1.25,\"maxMs\":2,"
            + "\"stddevMs\":0.1,\"samples\":12,\"batch\":1,\"outShape\":[1,55,55,64],"
            + "\"windowStartEpochMs\":1764145000000.125,\"windowEndEpochMs\":1764145000020.5}";

    static ResultMessage read(String json) {
        return PageMessages.read(json.getBytes(StandardCharsets.UTF_8), ResultMessage.class);
    }

    @Test
    void wellFormedResultIsRead() {
        ResultMessage m = read(GOOD);
        assertEquals(3, m.layerId());
        assertEquals(List.of(1, 55, 55, 64), m.outShape());
        assertEquals(12, m.runs());
        assertEquals(1_764_145_000_000_125L, m.windowStartUs());
        assertEquals(1_764_145_000_020_500L, m.windowEndUs());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // missing (an old page), null, text, overflowing to infinity
        "\"windowStartEpochMs\":1764145000000.125,",
        "\"windowStartEpochMs\":null,",
        "\"windowStartEpochMs\":\"1764145000000.125\",",
        "\"windowStartEpochMs\":1e400,",
        // performance.now() alone instead of an epoch time; beyond any plausible date
        "\"windowStartEpochMs\":1234.5,",
        "\"windowStartEpochMs\":-1764145000000.125,",
        // start after end; a window too short to hold 12 runs of at least 1.25 ms
        "\"windowStartEpochMs\":1764145000021,",
        "\"windowStartEpochMs\":1764145000010,",
    })
    void malformedWindowsAreRefused(String replacement) {
        String json = GOOD.replace("\"windowStartEpochMs\":1764145000000.125,", replacement);
        if (replacement.equals("\"windowStartEpochMs\":1764145000000.125,")) {
            json = GOOD.replace(",\"windowStartEpochMs\":1764145000000.125", "");
        }
        String body = json;
        var e = assertThrows(MalformedMessageException.class, () -> read(body));
        assertTrue(e.getMessage().contains("window"), e.getMessage());
    }

    @Test
    void windowBeyondPlausibleDatesIsRefused() {
        var e = assertThrows(MalformedMessageException.class,
                () -> read(GOOD.replace("\"windowEndEpochMs\":1764145000020.5", "\"windowEndEpochMs\":2e13")));
        assertTrue(e.getMessage().contains("since the epoch"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "not json",
        "[]",
        "null",
        "{\"layerId\":3}",
        // unknown field
        "{\"layerId\":3,\"backend\":\"wasm\",\"medianMs\":1.5,\"minMs\":1.25,\"maxMs\":2,\"stddevMs\":0.1,\"samples\":12,\"batch\":1,\"outShape\":[1,55,55,64],\"x\":1}",
        // number as a string
        "{\"layerId\":\"3\",\"backend\":\"wasm\",\"medianMs\":1.5,\"minMs\":1.25,\"maxMs\":2,\"stddevMs\":0.1,\"samples\":12,\"batch\":1,\"outShape\":[1,55,55,64]}",
        // fraction for an integer
        "{\"layerId\":3.5,\"backend\":\"wasm\",\"medianMs\":1.5,\"minMs\":1.25,\"maxMs\":2,\"stddevMs\":0.1,\"samples\":12,\"batch\":1,\"outShape\":[1,55,55,64]}",
        // null text
        "{\"layerId\":3,\"backend\":null,\"medianMs\":1.5,\"minMs\":1.25,\"maxMs\":2,\"stddevMs\":0.1,\"samples\":12,\"batch\":1,\"outShape\":[1,55,55,64]}",
        // negative latency
        "{\"layerId\":3,\"backend\":\"wasm\",\"medianMs\":-1.5,\"minMs\":-2,\"maxMs\":2,\"stddevMs\":0.1,\"samples\":12,\"batch\":1,\"outShape\":[1,55,55,64]}",
        // median outside min..max
        "{\"layerId\":3,\"backend\":\"wasm\",\"medianMs\":5,\"minMs\":1.25,\"maxMs\":2,\"stddevMs\":0.1,\"samples\":12,\"batch\":1,\"outShape\":[1,55,55,64]}",
        // NaN literal
        "{\"layerId\":3,\"backend\":\"wasm\",\"medianMs\":NaN,\"minMs\":1.25,\"maxMs\":2,\"stddevMs\":0.1,\"samples\":12,\"batch\":1,\"outShape\":[1,55,55,64]}",
        // duplicate key
        "{\"layerId\":3,\"layerId\":4,\"backend\":\"wasm\",\"medianMs\":1.5,\"minMs\":1.25,\"maxMs\":2,\"stddevMs\":0.1,\"samples\":12,\"batch\":1,\"outShape\":[1,55,55,64]}",
        // trailing garbage
        "{\"layerId\":3,\"backend\":\"wasm\",\"medianMs\":1.5,\"minMs\":1.25,\"maxMs\":2,\"stddevMs\":0.1,\"samples\":12,\"batch\":1,\"outShape\":[1,55,55,64]} {}",
        // zero samples, zero dimension
        "{\"layerId\":3,\"backend\":\"wasm\",\"medianMs\":1.5,\"minMs\":1.25,\"maxMs\":2,\"stddevMs\":0.1,\"samples\":0,\"batch\":1,\"outShape\":[1,55,55,64]}",
        "{\"layerId\":3,\"backend\":\"wasm\",\"medianMs\":1.5,\"minMs\":1.25,\"maxMs\":2,\"stddevMs\":0.1,\"samples\":12,\"batch\":1,\"outShape\":[1,0,55,64]}",
    })
    void malformedResultsAreRefused(String json) {
        assertThrows(MalformedMessageException.class, () -> read(json));
    }

    @Test
    void messageNamesTheField() {
        var e = assertThrows(MalformedMessageException.class, () -> read(GOOD.replace("\"samples\":12", "\"samples\":\"12\"")));
        assertTrue(e.getMessage().contains("samples"), e.getMessage());
    }

    @Test
    void doneMustBeEmpty() {
        PageMessages.readEmpty("{}".getBytes(StandardCharsets.UTF_8), "done");
        assertThrows(MalformedMessageException.class,
                () -> PageMessages.readEmpty("{\"a\":1}".getBytes(StandardCharsets.UTF_8), "done"));
    }

    @Test
    void helloIsChecked() {
        String ok = "{\"browser\":\"Chromium 156\",\"userAgent\":\"Mozilla/5.0\",\"hardwareConcurrency\":2,"
                + "\"crossOriginIsolated\":true,\"timerResolutionMs\":0.005,\"tfjsVersion\":\"4.22.0\"}";
        assertEquals(2, PageMessages.read(ok.getBytes(StandardCharsets.UTF_8), HelloMessage.class).hardwareConcurrency());
        assertThrows(MalformedMessageException.class, () -> PageMessages.read(
                ok.replace("\"hardwareConcurrency\":2", "\"hardwareConcurrency\":0").getBytes(StandardCharsets.UTF_8),
                HelloMessage.class));
        assertThrows(MalformedMessageException.class, () -> PageMessages.read(
                ok.replace("true", "1").getBytes(StandardCharsets.UTF_8), HelloMessage.class));
    }
}
