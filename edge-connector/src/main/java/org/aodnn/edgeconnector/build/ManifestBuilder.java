package org.aodnn.edgeconnector.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.edgeconnector.manifest.ManifestFields;
import org.aodnn.policyeditor.policy.PolicySettings;
import org.aodnn.policyeditor.policy.ResolvedPolicy;
import org.aodnn.policyeditor.solver.BandwidthSweep;
import org.aodnn.policyeditor.solver.Decision;
import org.aodnn.policyeditor.solver.LayerCost;
import org.aodnn.policyeditor.solver.NetworkProfile;
import org.aodnn.policyeditor.solver.PartitionInputs;
import org.aodnn.policyeditor.solver.PartitionProblem;
import org.aodnn.policyeditor.solver.Scenario;
import org.aodnn.policyeditor.source.EnergySource;
import org.aodnn.policyeditor.source.LayerSource;
import org.aodnn.policyeditor.source.PredictorSource;

/**
 * Turns a resolved policy (the policy editor's solver input and scenario) into an unsigned manifest of
 * schema {@value ManifestFields#SCHEMA_ID}. The per-layer values are exactly the solver's inputs and the
 * decision table is the solver's own output, so the browser runtime, which recomputes the same formulas
 * from the same numbers, reaches the same cut, T and E.
 */
public final class ManifestBuilder {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ManifestBuilder() {
    }

    /** Stored predictor documents by name, for policies whose latencies come from fitted predictors. */
    @FunctionalInterface
    public interface PredictorDocuments {
        Optional<JsonNode> find(String name);

        PredictorDocuments NONE = name -> Optional.empty();
    }

    /** The manifest of {@code policy} at {@code version}, created at {@code createdAt} (whole seconds, UTC). */
    public static ObjectNode build(ResolvedPolicy policy, long version, Instant createdAt) {
        return build(policy, version, createdAt, PredictorDocuments.NONE);
    }

    /**
     * As {@link #build(ResolvedPolicy, long, Instant)}; a fitted-predictor source carries its whole predictor
     * document (from {@code documents}), so the device can re-predict layers it was not given.
     */
    public static ObjectNode build(ResolvedPolicy policy, long version, Instant createdAt, PredictorDocuments documents) {
        if (version < 1 || version > ManifestFields.MAX_VERSION) {
            throw new IllegalArgumentException("manifest version must be 1.." + ManifestFields.MAX_VERSION);
        }
        PartitionProblem problem = policy.problem();
        PartitionInputs inputs = problem.inputs();
        Scenario scenario = policy.scenario();
        DnnModel model = policy.model();

        ObjectNode doc = F.objectNode();
        doc.put("schema", ManifestFields.SCHEMA_ID);
        doc.put("model", model.name());
        doc.put("version", version);
        doc.put("created_at", createdAt.truncatedTo(ChronoUnit.SECONDS).toString());
        doc.set("layers", layers(model, inputs));
        doc.set("cuts", cuts(problem));
        doc.set("network_profiles", networkProfiles(scenario));
        ObjectNode bounds = doc.putObject("bounds");
        bounds.put("t_max_ms", scenario.tMaxMs());
        bounds.put("e_max_j", scenario.eMaxJ());
        doc.put("eta", scenario.eta());
        doc.set("predictors", predictors(policy.settings(), documents));
        doc.set("decision_table", decisionTable(problem, scenario));
        return doc;
    }

    private static ObjectNode layers(DnnModel model, PartitionInputs inputs) {
        ObjectNode layers = F.objectNode();
        layers.put("count", inputs.layerCount());
        layers.put("sha256", LayerTableHash.of(model));
        layers.put("input_bytes", inputs.inputBytes());
        ArrayNode items = layers.putArray("items");
        for (int i = 0; i < inputs.layerCount(); i++) {
            LayerCost layer = inputs.layers().get(i);
            ObjectNode item = items.addObject();
            item.put("index", layer.layerIndex());
            item.put("name", layer.layerName());
            item.put("type", model.layers().get(i).geometry().layerType());
            item.put("tw_ms", layer.twMs());
            item.put("te_ms", layer.teMs());
            item.put("ew_j", layer.ewJ());
            item.put("weight_bytes", layer.weightBytes());
            item.put("cut_after", layer.cutAfter());
            item.put("crossing_bytes", layer.crossingBytes());
        }
        return layers;
    }

    /** The valid cuts with the bytes the solver uploads at each (D_0 for k = 0, none for k = N). */
    private static ArrayNode cuts(PartitionProblem problem) {
        ArrayNode cuts = F.arrayNode();
        PartitionInputs inputs = problem.inputs();
        int n = inputs.layerCount();
        for (int c = 0; c < problem.cutCount(); c++) {
            int k = problem.cutK(c);
            ObjectNode cut = cuts.addObject();
            cut.put("k", k);
            if (k == 0) {
                cut.putNull("after_layer");
            } else {
                cut.put("after_layer", problem.afterLayer(c));
            }
            long bytes = k == n ? 0 : k == 0 ? inputs.inputBytes() : inputs.layers().get(k - 1).crossingBytes();
            cut.put("crossing_bytes", bytes);
        }
        return cuts;
    }

    /** The policy's network and bandwidths, plus Table I's profiles so the device may switch network type. */
    private static ObjectNode networkProfiles(Scenario scenario) {
        ObjectNode net = F.objectNode();
        net.put("selected", scenario.network().name());
        net.put("up_mbps", scenario.upMbps());
        net.put("down_mbps", scenario.downMbps());
        ObjectNode profiles = net.putObject("profiles");
        for (NetworkProfile p : NetworkProfile.defaults()) {
            profile(profiles, p);
        }
        profile(profiles, scenario.network()); // the policy's own (possibly edited) values win
        return net;
    }

    private static void profile(ObjectNode profiles, NetworkProfile p) {
        ObjectNode node = profiles.putObject(p.name());
        node.put("alpha_u", p.alphaUpMwPerMbps());
        node.put("alpha_d", p.alphaDownMwPerMbps());
        node.put("beta_p", p.betaMw());
    }

    /**
     * What the per-layer numbers came from, so the device can re-predict where it can: a compute power
     * model ({@code ew = P·tw / 10^6}) is carried with its parameter; measured profiles and files are named.
     */
    private static ArrayNode predictors(PolicySettings settings, PredictorDocuments documents) {
        ArrayNode list = F.arrayNode();
        source(list.addObject(), "mobile_latency", "latency_ms", settings.mobileLatency(), documents);
        source(list.addObject(), "edge_latency", "latency_ms", settings.edgeLatency(), documents);
        ObjectNode energy = list.addObject();
        energy.put("name", "mobile_energy");
        energy.put("quantity", "energy_j");
        EnergySource e = settings.mobileEnergy();
        if (e instanceof EnergySource.ComputePower p) {
            energy.put("kind", "compute_power");
            energy.put("milliwatts", p.milliwatts());
            energy.put("formula", "ew_j = milliwatts * tw_ms / 1e6");
        } else if (e instanceof EnergySource.Measured m) {
            energy.put("kind", "measured");
            energy.put("source", m.profile().describe());
        } else if (e instanceof EnergySource.Predicted p) {
            // as for predicted latencies: the energy predictor's document travels with the manifest
            PredictorSource predictor = p.predictor();
            energy.put("kind", "predictor");
            energy.put("source", e.describe());
            energy.put("platform", predictor.platform());
            energy.put("threads", predictor.threads());
            energy.put("unit", "energy_mj per layer (the document's quantity); energy_j = energy_mj / 1000");
            energy.set("document", documents.find(predictor.name()).orElseThrow(() -> new IllegalStateException(
                    "the policy's mobile_energy comes from predictor '" + predictor.name()
                            + "', which is not stored (see the Model Fitting workspace or aodnn fit --save)")));
        } else {
            energy.put("kind", "csv");
            energy.put("source", e.describe());
        }
        return list;
    }

    private static void source(ObjectNode node, String name, String quantity, LayerSource source,
                               PredictorDocuments documents) {
        node.put("name", name);
        node.put("quantity", quantity);
        node.put("kind", LayerSource.kindOf(source));
        node.put("source", source.describe());
        if (source instanceof PredictorSource p) {
            node.put("platform", p.platform());
            node.put("threads", p.threads());
            node.set("document", documents.find(p.name()).orElseThrow(() -> new IllegalStateException(
                    "the policy's " + name + " comes from predictor '" + p.name()
                            + "', which is not stored (see the Model Fitting workspace or aodnn fit --save)")));
        }
    }

    /** The solver's choice at every whole uplink bandwidth 1..100 Mbit/s, weights not cached and cached. */
    private static ObjectNode decisionTable(PartitionProblem problem, Scenario scenario) {
        double[] ups = new double[ManifestFields.TABLE_MAX_UP_MBPS - ManifestFields.TABLE_MIN_UP_MBPS + 1];
        for (int i = 0; i < ups.length; i++) {
            ups[i] = ManifestFields.TABLE_MIN_UP_MBPS + i;
        }
        ObjectNode table = F.objectNode();
        ArrayNode entries = table.putArray("entries");
        for (boolean cached : List.of(false, true)) {
            BandwidthSweep sweep = problem.sweepUplink(scenario.withWeightsCached(cached), ups);
            for (int i = 0; i < sweep.size(); i++) {
                Decision d = sweep.decision(i);
                ObjectNode e = entries.addObject();
                e.put("up_mbps", (int) ups[i]);
                e.put("weights_cached", cached);
                e.put("k", d.k());
                e.put("t_ms", d.tMs());
                e.put("e_j", d.eJ());
                e.put("feasible", d.feasible());
            }
        }
        return table;
    }
}
