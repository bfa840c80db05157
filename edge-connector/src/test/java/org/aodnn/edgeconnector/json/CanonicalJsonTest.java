package org.aodnn.edgeconnector.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 8785's own examples (sections 3.2.2, 3.2.3 and appendix B). */
class CanonicalJsonTest {

    @Test
    void rfcSection322Example() throws Exception {
        String input = "{\n"
                + "  \"numbers\": [333333333.33333329, 1E30, 4.50,\n"
                + "              2e-3, 0.000000000000000000000000001],\n"
                + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
                + "  \"literals\": [null, true, false]\n"
                + "}";
        String expected = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
        assertEquals(expected, CanonicalJson.string(StrictJson.parse(input)));
    }

    @Test
    void rfcSection323SortsByUtf16CodeUnits() throws Exception {
        String input = "{\n"
                + "  \"\\u20ac\": \"Euro Sign\",\n"
                + "  \"\\r\": \"Carriage Return\",\n"
                + "  \"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\",\n"
                + "  \"1\": \"One\",\n"
                + "  \"\\ud83d\\ude00\": \"Emoji: Grinning Face\",\n"
                + "  \"\\u0080\": \"Control\",\n"
                + "  \"\\u00f6\": \"Latin Small Letter O With Diaeresis\"\n"
                + "}";
        String expected = "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}";
        assertEquals(expected, CanonicalJson.string(StrictJson.parse(input)));
    }

    @Test
    void rfcSection324Utf8Bytes() throws Exception {
        // "Unicode" example of RFC 8785 section 3.2.4: the canonical form is UTF-8 without escapes.
        JsonNode node = StrictJson.parse("{\"Unnormalized Unicode\":\"A\\u030a\"}");
        byte[] expected = {0x7b, 0x22, 0x55, 0x6e, 0x6e, 0x6f, 0x72, 0x6d, 0x61, 0x6c, 0x69, 0x7a, 0x65, 0x64, 0x20,
            0x55, 0x6e, 0x69, 0x63, 0x6f, 0x64, 0x65, 0x22, 0x3a, 0x22, 0x41, (byte) 0xcc, (byte) 0x8a, 0x22, 0x7d};
        assertEquals(new String(expected, StandardCharsets.UTF_8), new String(CanonicalJson.bytes(node),
                StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0000000000000000, 0",
        "8000000000000000, 0",
        "0000000000000001, 5e-324",
        "8000000000000001, -5e-324",
        "7fefffffffffffff, 1.7976931348623157e+308",
        "ffefffffffffffff, -1.7976931348623157e+308",
        "4340000000000000, 9007199254740992",
        "c340000000000000, -9007199254740992",
        "4430000000000000, 295147905179352830000",
        "44b52d02c7e14af5, 9.999999999999997e+22",
        "44b52d02c7e14af6, 1e+23",
        "44b52d02c7e14af7, 1.0000000000000001e+23",
        "444b1ae4d6e2ef4e, 999999999999999700000",
        "444b1ae4d6e2ef4f, 999999999999999900000",
        "444b1ae4d6e2ef50, 1e+21",
        "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
        "3eb0c6f7a0b5ed8d, 0.000001",
        "41b3de4355555553, 333333333.3333332",
        "41b3de4355555554, 333333333.33333325",
        "41b3de4355555555, 333333333.3333333",
        "41b3de4355555556, 333333333.3333334",
        "41b3de4355555557, 333333333.33333343",
        "becbf647612f3696, -0.0000033333333333333333",
        "43143ff3c1cb0959, 1424953923781206.2",
    })
    void rfcAppendixBNumbers(String ieeeHex, String expected) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(ieeeHex, 16));
        assertEquals(expected, EcmaNumbers.toString(value));
        assertEquals(expected, CanonicalJson.string(JsonNodeFactory.instance.numberNode(value)));
    }

    @ParameterizedTest
    @CsvSource({"7fffffffffffffff", "7ff0000000000000", "fff0000000000000"})
    void rfcAppendixBNonFiniteNumbersAreErrors(String ieeeHex) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(ieeeHex, 16));
        assertThrows(IllegalArgumentException.class, () -> EcmaNumbers.toString(value));
    }

    @Test
    void everyFormattedNumberReadsBackExactly() {
        Random random = new Random(8785);
        for (int i = 0; i < 20_000; i++) { // also checked against V8 by the Node tests
            double value = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                continue;
            }
            String text = EcmaNumbers.toString(value);
            assertEquals(value == 0 ? 0.0 : value, Double.parseDouble(text), text);
        }
    }

    @Test
    void integersBeyondDoublePrecisionAreRejected() throws Exception {
        assertEquals("[9007199254740992]", CanonicalJson.string(StrictJson.parse("[9007199254740992]")));
        CanonicalJsonException e = assertThrows(CanonicalJsonException.class,
                () -> CanonicalJson.string(StrictJson.parse("{\"a\":[9007199254740993]}")));
        assertTrue(e.getMessage().startsWith("$.a[0]"), e.getMessage());
    }

    @Test
    void withAndWithoutAMemberEqualsTwoSeparateSerialisations() throws Exception {
        var doc = (com.fasterxml.jackson.databind.node.ObjectNode) StrictJson.parse(
                "{\"b\":[1.5,{\"z\":null,\"a\":\"x\"}],\"signature\":{\"v\":1},\"a\":-0.0,\"s\":true}");
        byte[][] both = CanonicalJson.withAndWithout(doc, "signature");
        assertEquals(CanonicalJson.string(doc), new String(both[0], StandardCharsets.UTF_8));
        var copy = doc.deepCopy();
        copy.remove("signature");
        assertEquals(CanonicalJson.string(copy), new String(both[1], StandardCharsets.UTF_8));
        assertEquals("{\"a\":0,\"b\":[1.5,{\"a\":\"x\",\"z\":null}],\"s\":true}", new String(both[1], StandardCharsets.UTF_8));
    }

    @Test
    void loneSurrogatesAreRejected() {
        var node = JsonNodeFactory.instance.objectNode().put("k", "x\ud800y");
        assertThrows(CanonicalJsonException.class, () -> CanonicalJson.string(node));
    }

    @Test
    void duplicateMembersAreRejectedByTheStrictParser() {
        var e = assertThrows(StrictJson.JsonSyntaxException.class, () -> StrictJson.parse("{\"a\":1,\"a\":2}"));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }
}
