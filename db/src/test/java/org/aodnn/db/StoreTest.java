package org.aodnn.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.db.domain.ModelSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {

    @TempDir
    Path dir;

    @Test
    void freshDatabaseIsMigratedAndHoldsTheSampleCatalogAndProfiles() {
        try (Store store = Store.open(dir.resolve("wb"))) {
            assertTrue(Files.exists(dir.resolve("wb.mv.db")));
            var models = store.models().list();
            assertEquals(18, models.size());
            ModelSummary alexnet = models.stream().filter(m -> m.name().equals("alexnet")).findFirst().orElseThrow();
            assertEquals(61_100_840L, alexnet.params(), "torchvision's published alexnet parameter count");
            assertEquals(19, alexnet.layers());
            Map<String, Integer> counts = store.tableRowCounts();
            assertEquals(2774, counts.get("model_layer"));
            assertEquals(10405 + 4130, counts.get("layer_measurement"));
            DnnModel vgg = store.models().find("vgg16").orElseThrow();
            assertEquals(138_357_544L, vgg.totalParams());
        }
    }

    @Test
    void sampleDataIsLoadedOnlyTheFirstTime() {
        Path db = dir.resolve("once");
        try (Store store = Store.open(db)) {
            assertTrue(store.models().delete("alexnet"));
        }
        try (Store store = Store.open(db)) {
            assertEquals(17, store.models().list().size(), "a deleted sample model stays deleted");
        }
    }
}
