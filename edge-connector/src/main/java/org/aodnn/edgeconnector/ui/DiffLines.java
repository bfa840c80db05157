package org.aodnn.edgeconnector.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aodnn.edgeconnector.manifest.SignedManifest;
import org.aodnn.edgeconnector.publish.DeployedDiff;
import org.aodnn.edgeconnector.publish.ManifestDiff;

/**
 * Turns the JSON-path differences between a node's deployed manifest and the one about to go out into lines
 * an operator reads: the version, the chosen cut per uplink bandwidth (runs of bandwidths with the same
 * change merged into one line), bounds, η and the layer table hash; other changes are counted or listed.
 * No JavaFX: the view model puts these lines in a list.
 */
public final class DiffLines {

    private static final Pattern TABLE = Pattern.compile("^\\$\\.decision_table\\.entries\\[(\\d+)]\\.(\\w+)$");
    private static final Pattern LAYER = Pattern.compile("^\\$\\.layers\\.items\\[(\\d+)](\\..*)?$");
    private static final int MAX_OTHER = 15;

    private DiffLines() {
    }

    public static List<String> of(DeployedDiff.Result diff, SignedManifest next) {
        List<String> lines = new ArrayList<>();
        if (diff.deployedVersion() == null) {
            lines.add("Node " + diff.node() + " serves no " + next.model() + " manifest: v" + next.version()
                    + " would be its first.");
            return lines;
        }
        long deployed = diff.deployedVersion();
        if (deployed == next.version() && diff.changes().stream().allMatch(c -> c.path().equals("$.version"))) {
            lines.add("Node " + diff.node() + " already serves " + next.model() + " v" + deployed
                    + "; publishing it again changes nothing.");
            return lines;
        }
        lines.add("Version: v" + deployed + " -> v" + next.version());
        if (deployed >= next.version()) {
            lines.add("Warning: the node already serves v" + deployed + "; it refuses a version that is not newer.");
        }
        int header = lines.size();
        JsonNode entries = next.document().path("decision_table").path("entries");
        List<CutChange> cuts = new ArrayList<>();
        TreeSet<Integer> otherTableEntries = new TreeSet<>();
        TreeSet<Integer> layers = new TreeSet<>();
        int layerValues = 0;
        List<String> other = new ArrayList<>();
        for (ManifestDiff.Change c : diff.changes()) {
            String path = c.path();
            Matcher table = TABLE.matcher(path);
            Matcher layer = LAYER.matcher(path);
            if (path.equals("$.version")) {
                continue;
            } else if (table.matches() && table.group(2).equals("k") && c.before() != null && c.after() != null) {
                int i = Integer.parseInt(table.group(1));
                JsonNode e = entries.path(i);
                cuts.add(new CutChange(e.path("weights_cached").asBoolean(), e.path("up_mbps").asInt(i + 1),
                        c.before(), c.after()));
            } else if (table.matches()) {
                otherTableEntries.add(Integer.parseInt(table.group(1)));
            } else if (layer.matches()) {
                layers.add(Integer.parseInt(layer.group(1)));
                layerValues++;
            } else if (path.equals("$.bounds.t_max_ms")) {
                lines.add("T_max: " + value(c.before()) + " -> " + value(c.after()) + " ms");
            } else if (path.equals("$.bounds.e_max_j")) {
                lines.add("E_max: " + value(c.before()) + " -> " + value(c.after()) + " J");
            } else if (path.equals("$.eta")) {
                lines.add("\u03b7 (eta): " + value(c.before()) + " -> " + value(c.after()));
            } else if (path.equals("$.layers.sha256")) {
                lines.add("Layer table hash: " + shortHash(c.before()) + " -> " + shortHash(c.after())
                        + " (the model's layer table changed)");
            } else {
                other.add(c.toString());
            }
        }
        for (CutChange run : merge(cuts)) {
            lines.add(run.toString());
        }
        if (!otherTableEntries.isEmpty()) {
            lines.add("Predicted T/E or feasibility changed at " + otherTableEntries.size() + " of " + entries.size()
                    + " decision-table entries");
        }
        if (layerValues > 0) {
            lines.add("Per-layer values changed: " + layerValues + " values in " + layers.size() + " layers");
        }
        for (int i = 0; i < other.size() && i < MAX_OTHER; i++) {
            lines.add(other.get(i));
        }
        if (other.size() > MAX_OTHER) {
            lines.add("... and " + (other.size() - MAX_OTHER) + " more changes");
        }
        if (lines.size() == header) {
            lines.add("Nothing else differs (same cuts, bounds, \u03b7 and layers).");
        }
        return lines;
    }

    /** A change of the chosen cut over a run of consecutive bandwidths with the same weight-cache state. */
    private record CutChange(boolean cached, int fromMbps, int toMbps, String before, String after) {
        CutChange(boolean cached, int mbps, String before, String after) {
            this(cached, mbps, mbps, before, after);
        }

        boolean continuedBy(CutChange next) {
            return next.cached == cached && next.fromMbps == toMbps + 1 && next.before.equals(before)
                    && next.after.equals(after);
        }

        @Override
        public String toString() {
            String range = fromMbps == toMbps ? fromMbps + " Mbit/s" : fromMbps + "-" + toMbps + " Mbit/s";
            return "Cut at " + range + " (weights " + (cached ? "cached" : "not cached") + "): k " + value(before) + " -> "
                    + value(after);
        }
    }

    private static List<CutChange> merge(List<CutChange> changes) {
        List<CutChange> runs = new ArrayList<>();
        for (CutChange c : changes) {
            CutChange last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last.continuedBy(c)) {
                runs.set(runs.size() - 1, new CutChange(last.cached, last.fromMbps, c.toMbps, last.before, last.after));
            } else {
                runs.add(c);
            }
        }
        return runs;
    }

    /** Numbers as people write them (30, not 30.0; 66.6667, not 66.66666666666667), whatever JSON form each side had. */
    static String value(String json) {
        if (json == null) {
            return "(absent)";
        }
        try {
            java.math.BigDecimal n = new java.math.BigDecimal(json);
            return n.round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return json;
        }
    }

    private static String shortHash(String json) {
        if (json == null) {
            return "(absent)";
        }
        String s = json.replace("\"", "");
        return s.length() > 12 ? s.substring(0, 12) : s;
    }
}
