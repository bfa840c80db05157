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
            + "\"stddevMs\":0.1,\"samples\":12,\"batch\":1,\"outShape\":[1,55,55,64]}";

    static ResultMessage read(String json) {
        return PageMessages.read(json.getBytes(StandardCharsets.UTF_8), ResultMessage.class);
    }

    @Test
    void wellFormedResultIsRead() {
        ResultMessage m = read(GOOD);
        assertEquals(3, m.layerId());
        assertEquals(List.of(1, 55, 55, 64), m.outShape());
        assertEquals(12, m.runs());
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
