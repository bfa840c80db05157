package org.aodnn.policyeditor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import org.aodnn.db.cli.Json;
import org.aodnn.policyeditor.policy.PolicyJson;
import org.aodnn.policyeditor.policy.PolicySettings;
import org.aodnn.policyeditor.policy.SavedPolicy;
import org.aodnn.policyeditor.solver.Evaluation;
import org.aodnn.policyeditor.solver.NetworkProfile;
import org.aodnn.policyeditor.source.CsvFileSource;
import org.aodnn.policyeditor.source.EnergySource;
import org.aodnn.policyeditor.source.LayerSource;
import org.aodnn.policyeditor.source.MeasurementProfile;
import org.aodnn.policyeditor.source.PredictorSource;

/**
 * How {@code aodnn policy show} and {@code save} report a policy: its stored settings and the decision they
 * give now (or why there is none). JSON:
 * <pre>
 * {"name", "model", "created_at", "updated_at",
 *  "settings": the stored settings document ({@link PolicyJson}),
 *  "decision": the document of aodnn partition --json ({@link PartitionJson}), or null,
 *  "decision_error": null, or why the settings give no decision now (a file or stored source gone)}
 * </pre>
 */
final class PolicyReport {

    private PolicyReport() {
    }

    static ObjectNode json(SavedPolicy policy, Evaluation decision, String decisionError) {
        ObjectNode doc = Json.object();
        doc.put("name", policy.name());
        doc.put("model", policy.settings().model());
        doc.put("created_at", policy.createdAt() == null ? null : policy.createdAt().toString());
        doc.put("updated_at", policy.updatedAt() == null ? null : policy.updatedAt().toString());
        try {
            doc.set("settings", Json.MAPPER.readTree(PolicyJson.write(policy.settings())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot re-read policy settings: " + e.getMessage(), e);
        }
        if (decision != null) {
            doc.set("decision", PartitionJson.toJson(decision));
        } else {
            doc.putNull("decision");
        }
        doc.put("decision_error", decisionError);
        return doc;
    }

    /** The settings, one per line, sources as the option values that name them. */
    static void printSettings(PrintWriter out, SavedPolicy policy) {
        PolicySettings s = policy.settings();
        out.printf(Locale.ROOT, "policy '%s' for %s (created %s, updated %s)%n", policy.name(), s.model(),
                policy.createdAt(), policy.updatedAt());
        row(out, "mobile latency", source(s.mobileLatency()));
        row(out, "edge latency", source(s.edgeLatency()));
        row(out, "mobile energy", energy(s.mobileEnergy()));
        NetworkProfile n = s.network();
        row(out, "network", String.format(Locale.ROOT,
                "%s (alpha_up %s mW per Mbit/s, alpha_down %s mW per Mbit/s, beta %s mW)%s", n.name(),
                OptionRanges.format(n.alphaUpMwPerMbps()), OptionRanges.format(n.alphaDownMwPerMbps()),
                OptionRanges.format(n.betaMw()), NetworkProfile.defaults().contains(n) ? "" : ", edited"));
        row(out, "bandwidth", "up " + OptionRanges.format(s.upMbps()) + " Mbit/s, down "
                + OptionRanges.format(s.downMbps()) + " Mbit/s, weights " + (s.weightsCached() ? "cached" : "not cached"));
        row(out, "bounds", "T_max " + OptionRanges.format(s.tMaxMs()) + " ms, E_max " + OptionRanges.format(s.eMaxJ())
                + " J, eta " + OptionRanges.format(s.eta()) + " ms/J" + (s.etaLinked() ? " (linked: T_max / E_max)" : ""));
        row(out, "input bytes", s.inputBytes() == null ? "4 x in_elems of the first layer" : s.inputBytes().toString());
        out.flush();
    }

    private static void row(PrintWriter out, String label, String value) {
        out.printf(Locale.ROOT, "  %-15s %s%n", label, value);
    }

    private static String source(LayerSource source) {
        if (source instanceof MeasurementProfile p) {
            return SourceSpec.spec(p) + "  (measured " + p.describe() + ")";
        }
        if (source instanceof PredictorSource p) {
            return SourceSpec.spec(p);
        }
        return ((CsvFileSource) source).path();
    }

    private static String energy(EnergySource source) {
        if (source instanceof EnergySource.ComputePower p) {
            return "compute power " + OptionRanges.format(p.milliwatts()) + " mW x mobile latency";
        }
        if (source instanceof EnergySource.Measured m) {
            return "measured energy of " + SourceSpec.spec(m.profile());
        }
        if (source instanceof EnergySource.Predicted p) {
            PredictorSource ps = p.predictor();
            return "energy predictor " + ps.name() + ":" + ps.platform() + ":" + ps.threads();
        }
        return ((EnergySource.Csv) source).path();
    }
}
