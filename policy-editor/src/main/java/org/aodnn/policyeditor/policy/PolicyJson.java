package org.aodnn.policyeditor.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON form of {@link PolicySettings} as stored in the {@code policy} table: snake_case fields and a
 * {@code schema} version, for example
 * <pre>
 * {"schema":1,"model":"alexnet",
 *  "mobile_latency":{"kind":"measured","platform":"reference-browser","target":"browser","backend":"wasm",
 *                    "browser":"Chromium 156.0.8078.108","threads":1},
 *  "edge_latency":{"kind":"csv","path":"/data/edge.csv"},
 *  (or a stored predictor: {"kind":"predictor","name":"lomo-log","platform":"gpu","threads":0})
 *  "mobile_energy":{"kind":"compute_power","milliwatts":2000.0},
 *  "network":{"name":"wifi","alpha_up_mw_per_mbps":283.17,"alpha_down_mw_per_mbps":137.01,"beta_mw":132.86},
 *  "up_mbps":40.0,"down_mbps":150.0,"weights_cached":false,"t_max_ms":1200.0,"e_max_j":24.0,
 *  "eta":50.0,"eta_linked":true,"input_bytes":null}
 * </pre>
 */
public final class PolicyJson {

    public static final int SCHEMA = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private PolicyJson() {
    }

    public static String write(PolicySettings settings) {
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("schema", SCHEMA);
        doc.setAll((ObjectNode) MAPPER.valueToTree(settings));
        try {
            return MAPPER.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write policy settings: " + e.getMessage(), e);
        }
    }

    /** Reads a settings document; a malformed one is a {@link PolicyException} saying what is wrong. */
    public static PolicySettings read(String json) {
        try {
            JsonNode doc = MAPPER.readTree(json);
            if (doc == null || !doc.isObject()) {
                throw new PolicyException("policy settings are not a JSON object");
            }
            JsonNode schema = doc.get("schema");
            if (schema == null || !schema.isInt() || schema.intValue() != SCHEMA) {
                throw new PolicyException("policy settings have schema " + schema + ", expected " + SCHEMA);
            }
            ObjectNode body = ((ObjectNode) doc).deepCopy();
            body.remove("schema");
            return MAPPER.treeToValue(body, PolicySettings.class);
        } catch (JsonMappingException e) {
            throw new PolicyException("malformed policy settings" + at(e) + ": " + rootMessage(e), e);
        } catch (JsonProcessingException e) {
            throw new PolicyException("malformed policy settings: " + rootMessage(e), e);
        } catch (IllegalArgumentException e) {
            throw new PolicyException("invalid policy settings: " + e.getMessage(), e);
        }
    }

    /** Where in the document a mapping error is, as {@code mobile_latency.threads}. */
    private static String at(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "" : " at " + path;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t instanceof JsonProcessingException j ? j.getOriginalMessage() : t.getMessage();
    }
}
