package org.aodnn.profilinglab.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.aodnn.db.domain.LayerGeometry;
import org.aodnn.db.domain.ModelLayer;

/**
 * What the profiling page is asked to do: the layers (of one or more models) and how to time them on
 * which backends. {@link #toJson()} is the wire format the page reads from {@code api/job}; it is the
 * same for every target (this computer's Chromium, a phone's browser).
 */
public record ProfilingJob(long sessionId, ProfilingSettings settings, List<JobLayer> layers) {

    /** Version of the job and result messages, for pages served by other builds. */
    public static final int PROTOCOL = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public ProfilingJob {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a profiling job needs at least one layer");
        }
    }

    public static ProfilingJob of(long sessionId, ProfilingSettings settings, List<ModelSelection> selections) {
        List<JobLayer> layers = new ArrayList<>();
        for (ModelSelection s : selections) {
            for (ModelLayer l : s.selectedLayers()) {
                layers.add(JobLayer.of(layers.size(), s.model().name(), l));
            }
        }
        return new ProfilingJob(sessionId, settings, layers);
    }

    /** Layer results expected: every layer on every backend. */
    public int plannedResults() {
        return layers.size() * settings.backends().size();
    }

    public JobLayer layer(int id) {
        return id >= 0 && id < layers.size() ? layers.get(id) : null;
    }

    public String toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("protocol", PROTOCOL);
        root.put("sessionId", sessionId);
        ArrayNode backends = root.putArray("backends");
        settings.backends().forEach(backends::add);
        putSettings(root);
        ArrayNode sizes = root.putArray("throughputBytes");
        settings.throughputBytes().forEach(sizes::add);
        ArrayNode list = root.putArray("layers");
        for (JobLayer l : layers) {
            LayerGeometry g = l.geometry();
            ObjectNode n = list.addObject();
            n.put("id", l.id());
            n.put("model", l.model());
            n.put("layerIndex", l.layer().layerIndex());
            n.put("layerName", l.layer().layerName());
            n.put("layerType", g.layerType());
            ArrayNode in = n.putArray("inShape");
            l.inShape().forEach(in::add);
            ArrayNode out = n.putArray("outShape");
            l.outShape().forEach(out::add);
            n.put("inChannels", g.inChannels());
            n.put("outChannels", g.outChannels());
            n.put("kernelH", g.kernelH());
            n.put("kernelW", g.kernelW());
            n.put("stride", g.stride());
            n.put("padding", g.padding());
            n.put("groups", g.groups());
            n.put("params", g.params());
        }
        return root.toString();
    }

    /** The settings as stored with the session (without the layer list, which the catalog has). */
    public String settingsJson(List<ModelSelection> selections) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode models = root.putArray("models");
        for (ModelSelection s : selections) {
            ObjectNode m = models.addObject();
            m.put("model", s.model().name());
            m.put("layers", s.layers().toString());
        }
        putSettings(root);
        root.put("protocol", PROTOCOL);
        return root.toString();
    }

    /** The run settings, the same in the page's job and in the stored session. */
    private void putSettings(ObjectNode root) {
        root.put("warmupRuns", settings.warmupRuns());
        root.put("timedRuns", settings.timedRuns());
        root.put("maxRuns", settings.maxRuns());
        root.put("minTimeMs", settings.minTimeMs());
        root.put("wasmThreads", settings.wasmThreads());
        root.put("groupedConv", settings.groupedConv().wireName());
        root.put("readOutput", settings.readOutput());
    }
}
