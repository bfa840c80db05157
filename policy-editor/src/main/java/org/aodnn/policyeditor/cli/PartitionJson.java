package org.aodnn.policyeditor.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.aodnn.db.cli.Json;
import org.aodnn.policyeditor.solver.Baseline;
import org.aodnn.policyeditor.solver.CostParts;
import org.aodnn.policyeditor.solver.CutResult;
import org.aodnn.policyeditor.solver.Evaluation;

/**
 * The JSON document of {@code aodnn partition --json}:
 * <pre>
 * {"model", "eta", "feasible",
 *  "chosen": {"k", "after_layer", "t_ms", "e_j", "objective"},
 *  "cuts": [{"k", "after_layer", "t_ms", "e_j", "objective", "feasible",
 *            "parts": {"tw_ms", "te_ms", "load_ms", "up_ms", "ew_j", "load_j", "up_j"}}],
 *  "baselines": {"edge_only", "local_only", "neuro_l", "neuro_e"}}
 * </pre>
 * {@code cuts} lists exactly the valid cuts in ascending k; baselines are k values; {@code after_layer}
 * is null for k = 0.
 */
public final class PartitionJson {

    private PartitionJson() {
    }

    public static ObjectNode toJson(Evaluation evaluation) {
        ObjectNode doc = Json.object();
        doc.put("model", evaluation.model());
        doc.put("eta", evaluation.eta());
        doc.put("feasible", evaluation.feasible());
        CutResult chosen = evaluation.chosen();
        ObjectNode c = doc.putObject("chosen");
        c.put("k", chosen.k());
        c.put("after_layer", chosen.afterLayer());
        c.put("t_ms", chosen.tMs());
        c.put("e_j", chosen.eJ());
        c.put("objective", chosen.objective());
        ArrayNode cuts = doc.putArray("cuts");
        for (CutResult cut : evaluation.cuts()) {
            ObjectNode o = cuts.addObject();
            o.put("k", cut.k());
            o.put("after_layer", cut.afterLayer());
            o.put("t_ms", cut.tMs());
            o.put("e_j", cut.eJ());
            o.put("objective", cut.objective());
            o.put("feasible", cut.feasible());
            CostParts p = cut.parts();
            ObjectNode parts = o.putObject("parts");
            parts.put("tw_ms", p.twMs());
            parts.put("te_ms", p.teMs());
            parts.put("load_ms", p.loadMs());
            parts.put("up_ms", p.upMs());
            parts.put("ew_j", p.ewJ());
            parts.put("load_j", p.loadJ());
            parts.put("up_j", p.upJ());
        }
        ObjectNode baselines = doc.putObject("baselines");
        for (Baseline b : Baseline.values()) {
            baselines.put(b.key(), evaluation.baselines().get(b).k());
        }
        return doc;
    }
}
