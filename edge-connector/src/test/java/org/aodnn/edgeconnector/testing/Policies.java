package org.aodnn.edgeconnector.testing;

import org.aodnn.db.Store;
import org.aodnn.policyeditor.policy.PolicyInputs;
import org.aodnn.policyeditor.policy.PolicySettings;
import org.aodnn.policyeditor.policy.ResolvedPolicy;
import org.aodnn.policyeditor.solver.NetworkProfile;
import org.aodnn.policyeditor.source.EnergySource;

/** Policies over the real sample measurements: browser (TF.js wasm) against edge GPU. */
public final class Policies {

    private Policies() {
    }

    public static PolicySettings settings(Store store, String model, NetworkProfile network, double up, double down,
                                          double tMaxMs, double eMaxJ) {
        return new PolicySettings(model, TestStores.browserWasm(store), TestStores.edgeGpu(store),
                new EnergySource.ComputePower(2500), network, up, down, false, tMaxMs, eMaxJ, tMaxMs / eMaxJ, true,
                null);
    }

    public static ResolvedPolicy resolve(Store store, String model, NetworkProfile network, double up, double down,
                                         double tMaxMs, double eMaxJ) {
        return PolicyInputs.resolve(store, settings(store, model, network, up, down, tMaxMs, eMaxJ));
    }
}
