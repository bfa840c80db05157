package org.aodnn.edgeconnector.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The JSON Canonicalization Scheme of RFC 8785: no whitespace, object members sorted by their names as
 * UTF-16 code units ({@link String#compareTo} is exactly that), numbers as ECMAScript prints doubles, and
 * strings with only the escapes JSON requires. Signatures are computed over these bytes, so the console,
 * the edge agent and the browser runtime (whose {@code JSON.stringify} follows the same rules) agree.
 */
public final class CanonicalJson {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {
    }

    /** The canonical UTF-8 bytes of {@code node}. */
    public static byte[] bytes(JsonNode node) {
        return string(node).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The canonical form of an object with and without its member {@code omitted}, from one pass (each
     * member is serialised once): {@code [withOmitted, withoutOmitted]} as UTF-8.
     */
    public static byte[][] withAndWithout(JsonNode object, String omitted) {
        if (!object.isObject()) {
            throw new CanonicalJsonException("$: expected an object");
        }
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        java.util.Collections.sort(names);
        StringBuilder with = new StringBuilder(8192).append('{');
        StringBuilder without = new StringBuilder(8192).append('{');
        for (String name : names) {
            StringBuilder member = new StringBuilder(256);
            writeString(name, member);
            member.append(':');
            try {
                write(object.get(name), member);
            } catch (Failure f) {
                throw new CanonicalJsonException("$." + name + f.path + ": " + f.getMessage());
            }
            if (with.length() > 1) {
                with.append(',');
            }
            with.append(member);
            if (!name.equals(omitted)) {
                if (without.length() > 1) {
                    without.append(',');
                }
                without.append(member);
            }
        }
        return new byte[][] {with.append('}').toString().getBytes(StandardCharsets.UTF_8),
            without.append('}').toString().getBytes(StandardCharsets.UTF_8)};
    }

    public static String string(JsonNode node) {
        StringBuilder out = new StringBuilder(1024);
        try {
            write(node, out);
        } catch (Failure f) {
            throw new CanonicalJsonException("$" + f.path + ": " + f.getMessage());
        }
        return out.toString();
    }

    /**
     * An error deep in the tree; each level on the way up prepends its step to the path, so no path string
     * is built while nothing is wrong.
     */
    private static final class Failure extends RuntimeException {
        String path = "";

        Failure(String message) {
            super(message, null, false, false);
        }

        Failure at(String step) {
            path = step + path;
            return this;
        }
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node, out);
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    try {
                        write(node.get(i), out);
                    } catch (Failure f) {
                        throw f.at("[" + i + "]");
                    }
                }
                out.append(']');
            }
            case STRING -> writeString(node.textValue(), out);
            case NUMBER -> out.append(number(node));
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case NULL -> out.append("null");
            default -> throw new Failure(node.getNodeType() + " is not a JSON value");
        }
    }

    private static void writeObject(JsonNode node, StringBuilder out) {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            members.add(it.next());
        }
        members.sort(Map.Entry.comparingByKey());
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonNode> member : members) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(member.getKey(), out);
            out.append(':');
            try {
                write(member.getValue(), out);
            } catch (Failure f) {
                throw f.at("." + member.getKey());
            }
        }
        out.append('}');
    }

    /** Numbers are IEEE doubles in I-JSON; an integer a double cannot hold exactly would change meaning. */
    private static String number(JsonNode node) {
        if (node.isInt() || (node.isLong() && Math.abs(node.longValue()) <= (1L << 53))) {
            long v = node.longValue();
            return v == 0 ? "0" : Long.toString(v); // exact in a double, and printed alike
        }
        if (node.isIntegralNumber()) {
            BigInteger integer = node.bigIntegerValue();
            double asDouble = integer.doubleValue();
            if (Double.isInfinite(asDouble) || !new BigDecimal(asDouble).toBigIntegerExact().equals(integer)) {
                throw new Failure("the integer " + integer + " cannot be represented exactly as an IEEE 754 double");
            }
            return EcmaNumbers.toString(asDouble);
        }
        double value = node.doubleValue();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new Failure("the number " + node.asText() + " is outside the double range");
        }
        return EcmaNumbers.toString(value);
    }

    static void writeString(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else if (Character.isHighSurrogate(c)) {
                        if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                            throw new Failure("a string holds a lone surrogate at position " + i);
                        }
                        out.append(c).append(value.charAt(++i));
                    } else if (Character.isLowSurrogate(c)) {
                        throw new Failure("a string holds a lone surrogate at position " + i);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
