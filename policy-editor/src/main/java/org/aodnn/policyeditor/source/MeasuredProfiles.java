package org.aodnn.policyeditor.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.aodnn.db.Store;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.db.domain.LayerMeasurement;
import org.aodnn.db.domain.ModelSummary;
import org.aodnn.db.repo.MeasurementFilter;
import org.aodnn.db.repo.MeasurementRepository;
import org.aodnn.policyeditor.solver.LayerValues;

/**
 * Latencies and energies from the layer measurements stored in the database, by profile. The GUI lists
 * the profiles ({@link #list()}) and, for a chosen profile, the models it covers completely
 * ({@link #completeModels}); {@link #latencies} and {@link #energies} give the per-layer values.
 */
public final class MeasuredProfiles {

    private final Store store;

    public MeasuredProfiles(Store store) {
        this.store = store;
    }

    /** Every stored profile with its row and model counts, ordered by platform, target, backend, threads. */
    public List<ProfileInfo> list() {
        return infos(store.measurements().profiles());
    }

    /** The stored profiles that measured energy, with their counts of rows and models with energy. */
    public List<ProfileInfo> withEnergy() {
        return infos(store.measurements().profilesWithEnergy());
    }

    private static List<ProfileInfo> infos(List<MeasurementRepository.ProfileSummary> summaries) {
        List<ProfileInfo> out = new ArrayList<>();
        for (MeasurementRepository.ProfileSummary s : summaries) {
            out.add(new ProfileInfo(new MeasurementProfile(s.platform(), s.target(), s.backend(), s.browser(),
                    s.threads()), s.rows(), s.models()));
        }
        return out;
    }

    /** A stored profile and how much it holds. */
    public record ProfileInfo(MeasurementProfile profile, int rows, int models) {
    }

    /** The catalog models (catalog order) of which {@code profile} has a latency for every layer. */
    public List<String> completeModels(MeasurementProfile profile) {
        Map<String, Integer> measuredLayers = new HashMap<>();
        Map<String, Integer> layerCounts = new HashMap<>();
        for (ModelSummary m : store.models().list()) {
            layerCounts.put(m.name(), m.layers());
        }
        for (LayerMeasurement m : store.measurements().find(filter(profile, null))) {
            Integer layers = layerCounts.get(m.key().model());
            if (layers != null && m.key().layerIndex() < layers) {
                measuredLayers.merge(m.key().model(), 1, Integer::sum);
            }
        }
        List<String> complete = new ArrayList<>();
        for (ModelSummary m : store.models().list()) {
            if (m.layers() > 0 && measuredLayers.getOrDefault(m.name(), 0) == m.layers()) {
                complete.add(m.name());
            }
        }
        return complete;
    }

    /** Per-layer latency (ms) of {@code model} in {@code profile}; fails naming missing layers. */
    public LayerValues latencies(MeasurementProfile profile, DnnModel model) {
        Map<Integer, LayerMeasurement> rows = rows(profile, model);
        double[] values = new double[model.layers().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = rows.get(i).latencyMs();
        }
        return new LayerValues("measured " + profile.describe() + " latency_ms", values);
    }

    /** Per-layer energy (J, from the stored {@code energy_mj}) of {@code model} in {@code profile}. */
    public LayerValues energies(MeasurementProfile profile, DnnModel model) {
        Map<Integer, LayerMeasurement> rows = rows(profile, model);
        double[] values = new double[model.layers().size()];
        List<Integer> withoutEnergy = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            Double mj = rows.get(i).energyMj();
            if (mj == null) {
                withoutEnergy.add(i);
            } else {
                values[i] = mj / 1000;
            }
        }
        if (!withoutEnergy.isEmpty()) {
            throw new SourceException("profile " + profile.describe() + " has no energy for layer(s) "
                    + list(withoutEnergy, model) + " of " + model.name());
        }
        return new LayerValues("measured " + profile.describe() + " energy_j", values);
    }

    private Map<Integer, LayerMeasurement> rows(MeasurementProfile profile, DnnModel model) {
        List<LayerMeasurement> found = store.measurements().find(filter(profile, model.name()));
        if (found.isEmpty()) {
            throw new SourceException("profile " + profile.describe() + " has no measurements of model "
                    + model.name());
        }
        Map<Integer, LayerMeasurement> byIndex = new TreeMap<>();
        for (LayerMeasurement m : found) {
            int i = m.key().layerIndex();
            if (i >= model.layers().size()) {
                throw new SourceException("profile " + profile.describe() + " has layer " + i + " of "
                        + model.name() + ", which has only " + model.layers().size() + " layers in the catalog");
            }
            String catalogName = model.layers().get(i).layerName();
            if (!catalogName.equals(m.layerName())) {
                throw new SourceException("profile " + profile.describe() + ": layer " + i + " of " + model.name()
                        + " is '" + m.layerName() + "' but the catalog's is '" + catalogName + "'");
            }
            byIndex.put(i, m);
        }
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < model.layers().size(); i++) {
            if (!byIndex.containsKey(i)) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            throw new SourceException("profile " + profile.describe() + " lacks layer(s) " + list(missing, model)
                    + " of " + model.name() + " (" + missing.size() + " of " + model.layers().size() + ")");
        }
        return byIndex;
    }

    private static String list(List<Integer> indexes, DnnModel model) {
        StringBuilder s = new StringBuilder();
        int shown = Math.min(indexes.size(), 10);
        for (int j = 0; j < shown; j++) {
            int i = indexes.get(j);
            if (j > 0) {
                s.append(", ");
            }
            s.append(i).append(" (").append(model.layers().get(i).layerName()).append(')');
        }
        if (indexes.size() > shown) {
            s.append(" and ").append(indexes.size() - shown).append(" more");
        }
        return s.toString();
    }

    private static MeasurementFilter filter(MeasurementProfile p, String model) {
        List<String> terms = new ArrayList<>(List.of("platform=" + p.platform(), "target=" + p.target(),
                "backend=" + p.backend(), "browser=" + p.browser(), "threads=" + p.threads()));
        Optional.ofNullable(model).ifPresent(m -> terms.add("model=" + m));
        return MeasurementFilter.parse(terms);
    }
}
