package org.aodnn.edgeconnector.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import org.aodnn.db.cli.Json;

/**
 * Parsing for documents that get signed: duplicate member names and trailing content are errors (a
 * signature over an ambiguous document would mean different things to different readers).
 */
public final class StrictJson {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();

    private StrictJson() {
    }

    /** Parses {@code bytes} as one JSON value; the message of the exception says what and where. */
    public static JsonNode parse(byte[] bytes) throws JsonSyntaxException {
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new JsonSyntaxException("the body is empty, expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new JsonSyntaxException("not valid JSON: " + Json.problem(e));
        } catch (java.io.IOException e) {
            throw new JsonSyntaxException("cannot read JSON: " + e.getMessage());
        }
    }

    public static JsonNode parse(String text) throws JsonSyntaxException {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Indented, human-readable form (the signature does not depend on it). */
    public static byte[] pretty(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** The error of a body that is not one valid JSON value. */
    public static final class JsonSyntaxException extends Exception {
        public JsonSyntaxException(String message) {
            super(message);
        }
    }
}
