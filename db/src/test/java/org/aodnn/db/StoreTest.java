package org.aodnn.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    @Test
    void aPathThatIsNotADatabaseIsRefusedAndNothingIsCreatedBesideIt() throws Exception {
        Path csv = Files.writeString(dir.resolve("rows.csv"), "model,layer_index\n");
        StoreException file = assertThrows(StoreException.class, () -> Store.open(csv, false));
        assertTrue(file.getMessage().contains("is an existing file, not a Workbench database"), file.getMessage());
        assertFalse(Files.exists(dir.resolve("rows.csv.mv.db")));
        StoreException directory = assertThrows(StoreException.class, () -> Store.open(dir, false));
        assertTrue(directory.getMessage().contains("is a directory"), directory.getMessage());
        Files.write(dir.resolve("junk.mv.db"), new byte[] {1, 2, 3});
        StoreException damaged = assertThrows(StoreException.class, () -> Store.open(dir.resolve("junk"), false));
        assertTrue(damaged.getMessage().startsWith("cannot open the database " + dir.resolve("junk.mv.db")),
                damaged.getMessage());
        assertFalse(damaged.getMessage().contains("java."), damaged.getMessage());
    }

    @Test
    void aBackupOntoADirectorySaysSo() throws Exception {
        try (Store store = Store.open(dir.resolve("wb"), false)) {
            Files.createDirectory(dir.resolve("backups"));
            StoreException e = assertThrows(StoreException.class, () -> store.backupTo(dir.resolve("backups")));
            assertEquals("cannot back up to " + dir.resolve("backups") + ": it is a directory", e.getMessage());
        }
    }
}
