package org.aodnn.edgeconnector.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Structural validation of a manifest ({@value ManifestFields#SCHEMA_ID}): every member present with the
 * right type and range, nothing unknown, and the parts consistent with each other (cuts inside the layer
 * table, one decision per uplink bandwidth and cache state). The browser runtime checks the same rules.
 * Errors name the JSON path, e.g. {@code $.layers.items[3].tw_ms}.
 */
public final class ManifestSchema {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private ManifestSchema() {
    }

    public static void validate(JsonNode doc) throws ManifestException {
        object(doc, "$");
        Set<String> allowed = new HashSet<>(ManifestFields.TOP_LEVEL);
        for (Iterator<String> names = doc.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new ManifestException("$." + name + ": unknown member (expected only "
                        + String.join(", ", ManifestFields.TOP_LEVEL) + ")");
            }
        }
        String schema = text(doc, "schema", "$");
        if (!ManifestFields.SCHEMA_ID.equals(schema)) {
            throw new ManifestException("$.schema: expected '" + ManifestFields.SCHEMA_ID + "', found '" + schema + "'");
        }
        String model = text(doc, "model", "$");
        if (!ManifestFields.isSafeModelId(model)) {
            throw new ManifestException("$.model: '" + model + "' is not a catalog name of the pattern "
                    + ManifestFields.MODEL_ID.pattern());
        }
        long version = integer(doc, "version", "$", 1, ManifestFields.MAX_VERSION);
        assert version >= 1;
        String created = text(doc, "created_at", "$");
        try {
            OffsetDateTime.parse(created);
        } catch (DateTimeParseException e) {
            throw new ManifestException("$.created_at: '" + created + "' is not an RFC 3339 date-time");
        }
        int layerCount = layers(member(doc, "layers", "$"));
        JsonNode items = doc.get("layers").get("items");
        Set<Long> cutKs = cuts(member(doc, "cuts", "$"), items, layerCount);
        networkProfiles(member(doc, "network_profiles", "$"));
        JsonNode bounds = object(member(doc, "bounds", "$"), "$.bounds");
        onlyMembers(bounds, "$.bounds", "t_max_ms", "e_max_j");
        positive(bounds, "t_max_ms", "$.bounds");
        positive(bounds, "e_max_j", "$.bounds");
        nonNegative(doc, "eta", "$");
        JsonNode predictors = member(doc, "predictors", "$");
        if (!predictors.isArray()) {
            throw new ManifestException("$.predictors: expected an array");
        }
        for (int i = 0; i < predictors.size(); i++) {
            JsonNode p = object(predictors.get(i), "$.predictors[" + i + "]");
            text(p, "name", "$.predictors[" + i + "]");
            text(p, "quantity", "$.predictors[" + i + "]");
        }
        decisionTable(member(doc, "decision_table", "$"), cutKs);
        JsonNode signature = doc.get("signature");
        if (signature != null) {
            object(signature, "$.signature");
            onlyMembers(signature, "$.signature", "alg", "key_id", "value");
            text(signature, "alg", "$.signature");
            text(signature, "key_id", "$.signature");
            text(signature, "value", "$.signature");
        }
    }

    private static int layers(JsonNode layers) throws ManifestException {
        object(layers, "$.layers");
        onlyMembers(layers, "$.layers", "count", "sha256", "input_bytes", "items");
        int count = (int) integer(layers, "count", "$.layers", 1, 100_000);
        String sha = text(layers, "sha256", "$.layers");
        if (!SHA256_HEX.matcher(sha).matches()) {
            throw new ManifestException("$.layers.sha256: expected 64 lower-case hex digits");
        }
        integer(layers, "input_bytes", "$.layers", 0, ManifestFields.MAX_VERSION);
        JsonNode items = member(layers, "items", "$.layers");
        if (!items.isArray() || items.size() != count) {
            throw new ManifestException("$.layers.items: expected an array of count = " + count + " layers");
        }
        for (int i = 0; i < count; i++) {
            String path = "$.layers.items[" + i + "]";
            JsonNode item = object(items.get(i), path);
            onlyMembers(item, path, "index", "name", "type", "tw_ms", "te_ms", "ew_j", "weight_bytes", "cut_after",
                    "crossing_bytes");
            if (integer(item, "index", path, 0, count) != i) {
                throw new ManifestException(path + ".index: expected " + i + " (layers in order)");
            }
            text(item, "name", path);
            text(item, "type", path);
            nonNegative(item, "tw_ms", path);
            nonNegative(item, "te_ms", path);
            nonNegative(item, "ew_j", path);
            integer(item, "weight_bytes", path, 0, ManifestFields.MAX_VERSION);
            bool(item, "cut_after", path);
            integer(item, "crossing_bytes", path, 0, ManifestFields.MAX_VERSION);
        }
        return count;
    }

    private static Set<Long> cuts(JsonNode cuts, JsonNode items, int layerCount) throws ManifestException {
        if (!cuts.isArray() || cuts.isEmpty()) {
            throw new ManifestException("$.cuts: expected a non-empty array of valid cuts");
        }
        Set<Long> ks = new HashSet<>();
        long previous = -1;
        for (int i = 0; i < cuts.size(); i++) {
            String path = "$.cuts[" + i + "]";
            JsonNode cut = object(cuts.get(i), path);
            onlyMembers(cut, path, "k", "after_layer", "crossing_bytes");
            long k = integer(cut, "k", path, 0, layerCount);
            if (k <= previous) {
                throw new ManifestException(path + ".k: cuts must be in ascending k without repeats");
            }
            previous = k;
            integer(cut, "crossing_bytes", path, 0, ManifestFields.MAX_VERSION);
            JsonNode after = member(cut, "after_layer", path);
            if (k == 0) {
                if (!after.isNull()) {
                    throw new ManifestException(path + ".after_layer: must be null for k = 0");
                }
            } else {
                String expected = items.get((int) k - 1).get("name").textValue();
                if (!after.isTextual() || !after.textValue().equals(expected)) {
                    throw new ManifestException(path + ".after_layer: expected '" + expected + "' (layer " + (k - 1) + ")");
                }
                if (k < layerCount && !items.get((int) k - 1).get("cut_after").booleanValue()) {
                    throw new ManifestException(path + ".k: the model cannot be cut after layer " + (k - 1)
                            + " (cut_after is false)");
                }
            }
            ks.add(k);
        }
        return ks;
    }

    private static void networkProfiles(JsonNode net) throws ManifestException {
        object(net, "$.network_profiles");
        onlyMembers(net, "$.network_profiles", "selected", "up_mbps", "down_mbps", "profiles");
        String selected = text(net, "selected", "$.network_profiles");
        positive(net, "up_mbps", "$.network_profiles");
        positive(net, "down_mbps", "$.network_profiles");
        JsonNode profiles = object(member(net, "profiles", "$.network_profiles"), "$.network_profiles.profiles");
        if (profiles.isEmpty()) {
            throw new ManifestException("$.network_profiles.profiles: at least one profile is needed");
        }
        for (Iterator<String> names = profiles.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            String path = "$.network_profiles.profiles." + name;
            JsonNode p = object(profiles.get(name), path);
            onlyMembers(p, path, "alpha_u", "alpha_d", "beta_p");
            nonNegative(p, "alpha_u", path);
            nonNegative(p, "alpha_d", path);
            nonNegative(p, "beta_p", path);
        }
        if (!profiles.has(selected)) {
            throw new ManifestException("$.network_profiles.selected: '" + selected + "' is not one of the profiles");
        }
    }

    private static void decisionTable(JsonNode table, Set<Long> cutKs) throws ManifestException {
        object(table, "$.decision_table");
        onlyMembers(table, "$.decision_table", "entries");
        JsonNode entries = member(table, "entries", "$.decision_table");
        int span = ManifestFields.TABLE_MAX_UP_MBPS - ManifestFields.TABLE_MIN_UP_MBPS + 1;
        if (!entries.isArray() || entries.size() != 2 * span) {
            throw new ManifestException("$.decision_table.entries: expected " + 2 * span
                    + " entries (uplink 1..100 Mbit/s, weights cached and not)");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String path = "$.decision_table.entries[" + i + "]";
            JsonNode e = object(entries.get(i), path);
            onlyMembers(e, path, "up_mbps", "weights_cached", "k", "t_ms", "e_j", "feasible");
            long up = integer(e, "up_mbps", path, ManifestFields.TABLE_MIN_UP_MBPS, ManifestFields.TABLE_MAX_UP_MBPS);
            boolean cached = bool(e, "weights_cached", path);
            long k = integer(e, "k", path, 0, Integer.MAX_VALUE);
            if (!cutKs.contains(k)) {
                throw new ManifestException(path + ".k: " + k + " is not one of the valid cuts");
            }
            nonNegative(e, "t_ms", path);
            nonNegative(e, "e_j", path);
            bool(e, "feasible", path);
            if (!seen.add(up + "/" + cached)) {
                throw new ManifestException(path + ": a second entry for uplink " + up + " Mbit/s, weights_cached "
                        + cached);
            }
        }
    }

    // --- small typed accessors that name the path on error ---

    private static JsonNode member(JsonNode parent, String name, String path) throws ManifestException {
        JsonNode value = parent.get(name);
        if (value == null) {
            throw new ManifestException(path + "." + name + ": missing");
        }
        return value;
    }

    private static JsonNode object(JsonNode node, String path) throws ManifestException {
        if (node == null || !node.isObject()) {
            throw new ManifestException(path + ": expected an object");
        }
        return node;
    }

    private static void onlyMembers(JsonNode node, String path, String... names) throws ManifestException {
        Set<String> allowed = Set.of(names);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw new ManifestException(path + "." + name + ": unknown member");
            }
        }
        for (String name : names) {
            if (!node.has(name)) {
                throw new ManifestException(path + "." + name + ": missing");
            }
        }
    }

    private static String text(JsonNode parent, String name, String path) throws ManifestException {
        JsonNode value = member(parent, name, path);
        if (!value.isTextual() || value.textValue().isEmpty()) {
            throw new ManifestException(path + "." + name + ": expected a non-empty string");
        }
        return value.textValue();
    }

    private static boolean bool(JsonNode parent, String name, String path) throws ManifestException {
        JsonNode value = member(parent, name, path);
        if (!value.isBoolean()) {
            throw new ManifestException(path + "." + name + ": expected true or false");
        }
        return value.booleanValue();
    }

    private static long integer(JsonNode parent, String name, String path, long min, long max)
            throws ManifestException {
        JsonNode value = member(parent, name, path);
        boolean integral = value.isIntegralNumber()
                || (value.isFloatingPointNumber() && value.doubleValue() == Math.rint(value.doubleValue())
                && Math.abs(value.doubleValue()) <= ManifestFields.MAX_VERSION);
        if (!integral || !value.canConvertToLong()) {
            throw new ManifestException(path + "." + name + ": expected an integer");
        }
        long v = value.longValue();
        if (v < min || v > max) {
            throw new ManifestException(path + "." + name + ": " + v + " is outside " + min + ".." + max);
        }
        return v;
    }

    private static double number(JsonNode parent, String name, String path) throws ManifestException {
        JsonNode value = member(parent, name, path);
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
            throw new ManifestException(path + "." + name + ": expected a finite number");
        }
        return value.doubleValue();
    }

    private static void nonNegative(JsonNode parent, String name, String path) throws ManifestException {
        if (number(parent, name, path) < 0) {
            throw new ManifestException(path + "." + name + ": must not be negative");
        }
    }

    private static void positive(JsonNode parent, String name, String path) throws ManifestException {
        if (number(parent, name, path) <= 0) {
            throw new ManifestException(path + "." + name + ": must be greater than 0");
        }
    }
}
