package org.aodnn.edgeconnector.publish;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What differs between two manifests (the one a node serves and the one about to go out), as a list of
 * JSON paths with the old and new values. The signature and creation time always differ between
 * versions and are left out; the decision table is compared entry by entry, so a changed cut shows as
 * {@code $.decision_table.entries[12].k: 3 -> 5}.
 */
public final class ManifestDiff {

    private static final int MAX_VALUE_LENGTH = 120;

    private ManifestDiff() {
    }

    /** One difference; {@code before} or {@code after} is null when the member exists on one side only. */
    public record Change(String path, String before, String after) {
        @Override
        public String toString() {
            return path + ": " + (before == null ? "(absent)" : before) + " -> " + (after == null ? "(absent)" : after);
        }
    }

    /** Differences from {@code deployed} (null: nothing deployed) to {@code next}. */
    public static List<Change> between(JsonNode deployed, JsonNode next) {
        List<Change> changes = new ArrayList<>();
        if (deployed == null) {
            changes.add(new Change("$", null, "version " + next.path("version").asText() + " (first deployment)"));
            return changes;
        }
        compare("$", deployed, next, changes);
        return changes;
    }

    private static void compare(String path, JsonNode a, JsonNode b, List<Change> out) {
        if (a.isObject() && b.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = path + "." + name;
                if (skipped(child)) {
                    continue;
                }
                if (!a.has(name)) {
                    out.add(new Change(child, null, show(b.get(name))));
                } else if (!b.has(name)) {
                    out.add(new Change(child, show(a.get(name)), null));
                } else {
                    compare(child, a.get(name), b.get(name), out);
                }
            }
        } else if (a.isArray() && b.isArray()) {
            int n = Math.max(a.size(), b.size());
            for (int i = 0; i < n; i++) {
                String child = path + "[" + i + "]";
                if (i >= a.size()) {
                    out.add(new Change(child, null, show(b.get(i))));
                } else if (i >= b.size()) {
                    out.add(new Change(child, show(a.get(i)), null));
                } else {
                    compare(child, a.get(i), b.get(i), out);
                }
            }
        } else if (!sameValue(a, b)) {
            out.add(new Change(path, show(a), show(b)));
        }
    }

    private static boolean skipped(String path) {
        return path.equals("$.signature") || path.equals("$.created_at");
    }

    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.doubleValue() == b.doubleValue();
        }
        return Objects.equals(a, b);
    }

    private static String show(JsonNode node) {
        String s = node.isTextual() ? "\"" + node.textValue() + "\"" : node.toString();
        return s.length() > MAX_VALUE_LENGTH ? s.substring(0, MAX_VALUE_LENGTH) + "..." : s;
    }

    /** A one-line summary, e.g. "3 changes: $.eta, $.bounds.t_max_ms, ...". */
    public static String summary(List<Change> changes) {
        if (changes.isEmpty()) {
            return "identical (apart from signature and creation time)";
        }
        StringBuilder s = new StringBuilder(changes.size() + (changes.size() == 1 ? " change: " : " changes: "));
        Iterator<Change> it = changes.iterator();
        for (int i = 0; i < 5 && it.hasNext(); i++) {
            s.append(i > 0 ? ", " : "").append(it.next().path());
        }
        if (it.hasNext()) {
            s.append(", ...");
        }
        return s.toString();
    }
}
