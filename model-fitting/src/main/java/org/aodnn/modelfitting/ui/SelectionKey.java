package org.aodnn.modelfitting.ui;

import java.util.List;
import java.util.Set;
import org.aodnn.modelfitting.predictor.Quantity;

/**
 * What a fit's data was chosen by: the devices loaded, the backends and models ticked, and the quantity. Two
 * equal keys select the same rows (while the stored measurements stay as they are), so a fit's key, compared
 * with the current one, tells whether the results shown are still of the selection shown.
 */
record SelectionKey(List<String> devices, Set<String> backends, Set<String> models, Quantity quantity) {

    static final SelectionKey NONE = new SelectionKey(List.of(), Set.of(), Set.of(), null);

    SelectionKey {
        devices = List.copyOf(devices);
        backends = Set.copyOf(backends);
        models = Set.copyOf(models);
    }
}
