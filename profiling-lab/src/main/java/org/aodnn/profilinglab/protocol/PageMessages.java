package org.aodnn.profilinglab.protocol;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * Reads the page's messages strictly: well-formed UTF-8 JSON, exactly the expected fields, no nulls, no
 * type coercion, no duplicate keys, nothing after the document; then each message checks its values.
 * Anything else is a {@link MalformedMessageException} naming the problem.
 */
public final class PageMessages {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    static {
        // Numbers must be numbers and strings strings: no "12" for 12, no 1 for true, no "" for null.
        for (LogicalType type : LogicalType.values()) {
            STRICT.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        // ...except the natural cases: integer literals for floating-point fields, text for text.
        STRICT.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        STRICT.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        STRICT.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        STRICT.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.EmptyString, CoercionAction.TryConvert);
        STRICT.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Boolean, CoercionAction.TryConvert);
    }

    private PageMessages() {
    }

    /** Parses and validates one message of the given type. */
    public static <T extends PageMessage> T read(byte[] body, Class<T> type) {
        T message;
        try {
            JsonNode tree = STRICT.readTree(body);
            if (tree == null || !tree.isObject()) {
                throw new MalformedMessageException("the body must be one JSON object");
            }
            message = STRICT.treeToValue(tree, type);
        } catch (MalformedMessageException e) {
            throw e;
        } catch (MismatchedInputException e) {
            String path = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            throw new MalformedMessageException("invalid " + describe(type)
                    + (path.isEmpty() ? "" : " at '" + path + "'") + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedMessageException("invalid JSON in " + describe(type) + ": " + firstLine(e.getMessage()), e);
        }
        if (message == null) {
            throw new MalformedMessageException("the body must be one JSON object");
        }
        message.validate();
        return message;
    }

    /** The empty object the page sends when it has finished. */
    public static void readEmpty(byte[] body, String what) {
        try {
            JsonNode tree = STRICT.readTree(body);
            if (tree == null || !tree.isObject() || tree.size() != 0) {
                throw new MalformedMessageException(what + " must be the empty JSON object {}");
            }
        } catch (IOException e) {
            throw new MalformedMessageException("invalid JSON in " + what + ": " + firstLine(e.getMessage()), e);
        }
    }

    private static String describe(Class<?> type) {
        return type.getSimpleName().replace("Message", "").toLowerCase(java.util.Locale.ROOT) + " message";
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unreadable";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    static void check(boolean ok, String message) {
        if (!ok) {
            throw new MalformedMessageException(message);
        }
    }

    static void checkText(String value, String field, int maxLength) {
        check(value != null && !value.isBlank(), field + " must not be empty");
        check(value.length() <= maxLength, field + " is longer than " + maxLength + " characters");
        check(value.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n'), field + " contains control characters");
    }

    static void checkFinite(double value, String field) {
        check(Double.isFinite(value), field + " must be a finite number");
    }
}
