package org.aodnn.policyeditor.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aodnn.db.domain.LayerMeasurement;
import org.aodnn.db.domain.MeasurementKey;
import org.aodnn.db.domain.ModelLayer;
import org.aodnn.db.Store;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.policyeditor.solver.LayerValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Latencies from the sample measurements stored in a real H2 database. */
class MeasuredProfilesTest {

    static final MeasurementProfile EDGE_GPU = new MeasurementProfile("edge-server", "gpu", "", "", 0);
    static final MeasurementProfile BROWSER_WASM = new MeasurementProfile("reference-browser", "browser", "wasm",
            "Chromium 156.0.8078.108", 1);

    @TempDir
    static Path dir;
    static Store store;

    @BeforeAll
    static void open() {
        store = Store.open(dir.resolve("wb"));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void listsTheSampleProfiles() {
        List<MeasurementProfile> profiles = new MeasuredProfiles(store).list().stream()
                .map(MeasuredProfiles.ProfileInfo::profile).toList();
        assertTrue(profiles.contains(EDGE_GPU), profiles.toString());
        assertTrue(profiles.contains(BROWSER_WASM), profiles.toString());
        assertTrue(profiles.contains(new MeasurementProfile("edge-server", "cpu", "", "", 4)), profiles.toString());
        assertEquals("reference-browser/browser/wasm/1 [Chromium 156.0.8078.108]", BROWSER_WASM.describe());
    }

    @Test
    void latenciesOfEveryLayerInCatalogOrder() {
        DnnModel alexnet = store.models().find("alexnet").orElseThrow();
        LayerValues gpu = new MeasuredProfiles(store).latencies(EDGE_GPU, alexnet);
        assertEquals(19, gpu.size());
        assertEquals(0.03632, gpu.get(0), 1e-12, "edge-layer-latency.csv: alexnet layer 0 on the GPU");
        LayerValues wasm = new MeasuredProfiles(store).latencies(BROWSER_WASM, alexnet);
        assertEquals(19, wasm.size());
        assertTrue(wasm.get(0) > gpu.get(0), "a 2-vCPU browser is slower than an H200");
    }

    @Test
    void modelsWithUnmeasuredLayersAreNotOfferedAndFailByName() {
        MeasuredProfiles profiles = new MeasuredProfiles(store);
        List<String> complete = profiles.completeModels(BROWSER_WASM);
        assertTrue(complete.contains("alexnet") && complete.contains("efficientnet_v2_s"), complete.toString());
        assertFalse(complete.contains("resnext50_32x4d"), "grouped convolutions have no TF.js op");
        assertFalse(complete.contains("googlenet"), "no measurements at all");
        assertTrue(profiles.completeModels(EDGE_GPU).contains("resnext50_32x4d"));

        DnnModel resnext = store.models().find("resnext50_32x4d").orElseThrow();
        SourceException e = assertThrows(SourceException.class, () -> profiles.latencies(BROWSER_WASM, resnext));
        assertTrue(e.getMessage().contains("lacks layer(s)") && e.getMessage().contains("resnext50_32x4d"),
                e.getMessage());
        DnnModel googlenet = store.models().find("googlenet").orElseThrow();
        SourceException none = assertThrows(SourceException.class, () -> profiles.latencies(EDGE_GPU, googlenet));
        assertTrue(none.getMessage().contains("no measurements of model googlenet"), none.getMessage());
    }

    @Test
    void energiesComeFromStoredMillijoules() {
        DnnModel alexnet = store.models().find("alexnet").orElseThrow();
        MeasurementProfile phone = new MeasurementProfile("phone-energy-test", "browser", "wasm", "Firefox 140", 4);
        List<LayerMeasurement> rows = new ArrayList<>();
        for (ModelLayer layer : alexnet.layers()) {
            MeasurementKey key = new MeasurementKey(phone.platform(), "alexnet", layer.layerIndex(), phone.target(),
                    phone.threads(), phone.backend(), phone.browser());
            rows.add(new LayerMeasurement(key, layer.layerName(), layer.geometry(), 1 + layer.layerIndex(), null,
                    null, null, 5, null, 2.0 * layer.layerIndex(), null, null));
        }
        store.measurements().upsertAll(rows);
        LayerValues joules = new MeasuredProfiles(store).energies(phone, alexnet);
        assertEquals(0.036, joules.get(18), 1e-12, "36 mJ");
        assertEquals(19, new MeasuredProfiles(store).latencies(phone, alexnet).get(18), 0.0);
    }

    @Test
    void energyNeedsMeasuredEnergy() {
        DnnModel alexnet = store.models().find("alexnet").orElseThrow();
        SourceException e = assertThrows(SourceException.class,
                () -> new MeasuredProfiles(store).energies(BROWSER_WASM, alexnet));
        assertTrue(e.getMessage().contains("no energy"), e.getMessage());
    }
}
