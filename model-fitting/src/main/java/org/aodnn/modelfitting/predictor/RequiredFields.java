package org.aodnn.modelfitting.predictor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The fields a predictor document must carry, checked on the parsed JSON tree before it is bound to records.
 * Binding alone would turn a missing list into a bare NullPointerException inside a constructor, and a
 * missing number into a silent 0; this names the path of the first field that is missing or of the wrong kind
 * (for example {@code platforms[0].units[3].coefficients}).
 */
final class RequiredFields {

    private static final List<String> DOCUMENT_TEXT = List.of("quantity", "mode");
    private static final List<String> UNIT_TEXT = List.of("key", "level", "family", "target");
    private static final List<String> UNIT_NUMBERS = List.of("intercept", "minMs", "maxMs", "lambda1", "lambda2",
            "cvMse");
    private static final List<String> UNIT_INTEGERS = List.of("degree", "trainingRows");
    private static final List<String> FEATURE_NUMBERS = List.of("center", "scale");
    private static final List<String> FIT_NUMBERS = List.of("gamma", "delta", "epsilon");

    private RequiredFields() {
    }

    /** Throws {@link PredictorFormatException} naming {@code source} and the path of the first problem. */
    static void check(String source, JsonNode doc) {
        if (doc == null || !doc.isObject()) {
            throw fail(source, "", "the document must be a JSON object");
        }
        integer(source, doc, "", "schemaVersion");
        text(source, doc, "", DOCUMENT_TEXT);
        JsonNode platforms = array(source, doc, "", "platforms");
        for (int i = 0; i < platforms.size(); i++) {
            String at = "platforms[" + i + "]";
            JsonNode p = object(source, platforms.get(i), at);
            text(source, p, at, List.of("platform"));
            JsonNode units = p.get("units");
            if (units != null && !units.isNull()) {
                requireArray(source, units, at + ".units");
                for (int j = 0; j < units.size(); j++) {
                    unit(source, units.get(j), at + ".units[" + j + "]");
                }
            }
            JsonNode threads = p.get("trainingThreads");
            if (threads != null && !threads.isNull()) {
                requireArray(source, threads, at + ".trainingThreads");
                for (int k = 0; k < threads.size(); k++) {
                    if (!threads.get(k).isIntegralNumber() || threads.get(k).asLong() < 0) {
                        throw fail(source, at + ".trainingThreads[" + k + "]", "must be a whole number >= 0");
                    }
                }
            }
            JsonNode calibration = p.get("calibration");
            boolean noUnits = units == null || units.isNull() || units.isEmpty();
            if (calibration == null || calibration.isNull()) {
                if (noUnits) {
                    throw fail(source, at, "needs 'units' or a 'calibration'");
                }
            } else {
                calibration(source, calibration, at + ".calibration");
            }
        }
    }

    private static void unit(String source, JsonNode node, String at) {
        JsonNode u = object(source, node, at);
        text(source, u, at, UNIT_TEXT);
        numbers(source, u, at, UNIT_NUMBERS);
        for (String field : UNIT_INTEGERS) {
            integer(source, u, at, field);
        }
        JsonNode features = array(source, u, at, "features");
        for (int k = 0; k < features.size(); k++) {
            String f = at + ".features[" + k + "]";
            JsonNode feature = object(source, features.get(k), f);
            text(source, feature, f, List.of("name", "transform"));
            numbers(source, feature, f, FEATURE_NUMBERS);
        }
        JsonNode exponents = array(source, u, at, "exponents");
        for (int j = 0; j < exponents.size(); j++) {
            String row = at + ".exponents[" + j + "]";
            requireArray(source, exponents.get(j), row);
            for (int k = 0; k < exponents.get(j).size(); k++) {
                if (!exponents.get(j).get(k).isIntegralNumber()) {
                    throw fail(source, row + "[" + k + "]", "must be a whole number");
                }
            }
        }
        JsonNode coefficients = array(source, u, at, "coefficients");
        for (int j = 0; j < coefficients.size(); j++) {
            if (!coefficients.get(j).isNumber()) {
                throw fail(source, at + ".coefficients[" + j + "]", "must be a number");
            }
        }
    }

    private static void calibration(String source, JsonNode node, String at) {
        JsonNode c = object(source, node, at);
        text(source, c, at, List.of("basePlatform", "kind"));
        number(source, c, at, "minMs");
        JsonNode fits = array(source, c, at, "fits");
        for (int k = 0; k < fits.size(); k++) {
            String f = at + ".fits[" + k + "]";
            JsonNode fit = object(source, fits.get(k), f);
            text(source, fit, f, List.of("key", "level"));
            numbers(source, fit, f, FIT_NUMBERS);
            integer(source, fit, f, "trainingRows");
        }
    }

    private static JsonNode object(String source, JsonNode node, String at) {
        if (node == null || !node.isObject()) {
            throw fail(source, at, "must be a JSON object");
        }
        return node;
    }

    private static JsonNode array(String source, JsonNode parent, String at, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw missing(source, at, field);
        }
        requireArray(source, node, path(at, field));
        return node;
    }

    private static void requireArray(String source, JsonNode node, String at) {
        if (!node.isArray()) {
            throw fail(source, at, "must be a JSON array");
        }
    }

    private static void text(String source, JsonNode parent, String at, List<String> fields) {
        for (String field : fields) {
            JsonNode node = parent.get(field);
            if (node == null || node.isNull()) {
                throw missing(source, at, field);
            }
            if (!node.isTextual()) {
                throw fail(source, path(at, field), "must be a string");
            }
        }
    }

    private static void numbers(String source, JsonNode parent, String at, List<String> fields) {
        for (String field : fields) {
            number(source, parent, at, field);
        }
    }

    private static void number(String source, JsonNode parent, String at, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw missing(source, at, field);
        }
        if (!node.isNumber()) {
            throw fail(source, path(at, field), "must be a number");
        }
    }

    private static void integer(String source, JsonNode parent, String at, String field) {
        number(source, parent, at, field);
        if (!parent.get(field).isIntegralNumber()) {
            throw fail(source, path(at, field), "must be a whole number");
        }
    }

    private static PredictorFormatException missing(String source, String at, String field) {
        return fail(source, at, "the required field '" + field + "' is missing");
    }

    private static PredictorFormatException fail(String source, String at, String problem) {
        return new PredictorFormatException(source + ": not a predictor document: "
                + (at.isEmpty() ? "" : at + ": ") + problem);
    }

    private static String path(String at, String field) {
        return at.isEmpty() ? field : at + "." + field;
    }
}
