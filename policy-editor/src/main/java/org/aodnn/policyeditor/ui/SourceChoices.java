package org.aodnn.policyeditor.ui;

import java.util.ArrayList;
import java.util.List;
import org.aodnn.db.Store;
import org.aodnn.policyeditor.policy.PolicyStore;
import org.aodnn.policyeditor.source.LayerSource;
import org.aodnn.policyeditor.source.MeasuredProfiles;
import org.aodnn.policyeditor.source.MeasurementProfile;
import org.aodnn.policyeditor.source.StoredPredictors;

/**
 * What the Policy Editor offers, read from the database in one background step: the catalog models, the
 * latency sources (measured profiles first, then the stored predictors' platforms) and the saved policies.
 */
record SourceChoices(List<String> models, List<LayerSource> latencySources, List<String> policies) {

    static final MeasurementProfile DEFAULT_MOBILE = new MeasurementProfile("reference-browser", "browser", "wasm", "", 1);
    static final MeasurementProfile DEFAULT_EDGE = new MeasurementProfile("edge-server", "gpu", "", "", 0);

    static SourceChoices load(Store store) {
        List<LayerSource> sources = new ArrayList<>();
        new MeasuredProfiles(store).list().forEach(p -> sources.add(p.profile()));
        sources.addAll(new StoredPredictors(store).list());
        return new SourceChoices(store.models().names(), List.copyOf(sources),
                new PolicyStore(store).list().stream().map(PolicyStore.PolicySummary::name).toList());
    }

    /** The stored profile matching {@code wanted} in all but the browser version, else the first source. */
    static LayerSource like(MeasurementProfile wanted, List<LayerSource> sources) {
        return sources.stream()
                .filter(s -> s instanceof MeasurementProfile p && p.platform().equals(wanted.platform())
                        && p.target().equals(wanted.target()) && p.backend().equals(wanted.backend())
                        && p.threads() == wanted.threads())
                .findFirst().orElse(sources.isEmpty() ? null : sources.get(0));
    }
}
