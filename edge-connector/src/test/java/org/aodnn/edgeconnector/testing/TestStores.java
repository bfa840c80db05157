package org.aodnn.edgeconnector.testing;

import java.nio.file.Path;
import java.util.List;
import org.aodnn.db.Store;
import org.aodnn.policyeditor.source.MeasuredProfiles;
import org.aodnn.policyeditor.source.MeasurementProfile;

/** The real sample database (18 catalog models, real edge and browser measurements) in a temporary directory. */
public final class TestStores {

    private TestStores() {
    }

    public static Store open(Path dir) {
        return Store.open(dir.resolve("workbench"));
    }

    /** The measured browser profile (TF.js wasm in headless Chromium) of the sample data. */
    public static MeasurementProfile browserWasm(Store store) {
        return profile(store, "reference-browser", "wasm");
    }

    /** The measured edge GPU profile of the sample data. */
    public static MeasurementProfile edgeGpu(Store store) {
        List<MeasuredProfiles.ProfileInfo> all = new MeasuredProfiles(store).list();
        return all.stream().map(MeasuredProfiles.ProfileInfo::profile)
                .filter(p -> p.platform().equals("edge-server") && p.target().equals("gpu")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no edge-server gpu profile in " + all));
    }

    private static MeasurementProfile profile(Store store, String platform, String backend) {
        List<MeasuredProfiles.ProfileInfo> all = new MeasuredProfiles(store).list();
        return all.stream().map(MeasuredProfiles.ProfileInfo::profile)
                .filter(p -> p.platform().equals(platform) && p.backend().equals(backend)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + platform + "/" + backend + " profile in " + all));
    }
}
