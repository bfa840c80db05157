package org.aodnn.modelfitting.fit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.aodnn.modelfitting.predictor.LayerSample;

/**
 * Group k-fold assignment. Rows are grouped by model when the unit has at least k models, so CV scores
 * a unit on networks it has not seen (the use that matters); otherwise by layer (model, index), which at
 * least keeps the thread-count variants of one layer in one fold.
 */
final class Folds {

    private Folds() {
    }

    /** Fold index per row, or null when fewer than two groups exist (no CV possible). */
    static int[] assign(List<LayerSample> rows, int k, long seed) {
        TreeSet<String> models = new TreeSet<>();
        for (LayerSample s : rows) {
            models.add(s.model());
        }
        boolean byModel = models.size() >= k;
        TreeSet<String> groups = new TreeSet<>();
        for (LayerSample s : rows) {
            groups.add(group(s, byModel));
        }
        if (groups.size() < 2) {
            return null;
        }
        int folds = Math.min(k, groups.size());
        List<String> order = new ArrayList<>(groups);
        Collections.shuffle(order, new Random(seed));
        java.util.Map<String, Integer> foldOf = new java.util.HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            foldOf.put(order.get(i), i % folds);
        }
        int[] out = new int[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = foldOf.get(group(rows.get(i), byModel));
        }
        return out;
    }

    static int count(int[] folds) {
        int max = -1;
        for (int f : folds) {
            max = Math.max(max, f);
        }
        return max + 1;
    }

    private static String group(LayerSample s, boolean byModel) {
        return byModel ? s.model() : s.model() + "#" + s.layerIndex();
    }
}
