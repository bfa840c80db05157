package org.aodnn.modelfitting.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aodnn.db.domain.StoredPredictor;
import org.aodnn.modelfitting.predictor.LayerSample;
import org.aodnn.modelfitting.predictor.PredictorDocument;
import org.aodnn.modelfitting.predictor.PredictorEvaluator;
import org.aodnn.modelfitting.predictor.PredictorJson;
import org.junit.jupiter.api.Test;

/**
 * Saving, naming and exporting fitted predictors from the workspace view model.
 */
class StoredPredictorsViewModelTest extends WorkspaceViewModelFixture {

    @Test
    void saveRefusesADuplicateNameUnlessReplacingAndExportGivesTheSameDocument() throws Exception {
        chooseGpuSubset();
        vm.fit();
        PredictorDocument fitted = vm.outcomeProperty().get().document();
        assertEquals("edge-server-gpu-log", vm.saveNameProperty().get(), "a default name is offered");

        vm.saveNameProperty().set("  gpu-three  ");
        vm.save();
        assertEquals("", vm.errorProperty().get());
        assertEquals(List.of("gpu-three"), vm.storedPredictors().stream().map(StoredPredictor::name).toList());
        assertEquals("gpu-three", vm.selectedStoredProperty().get().name());
        assertEquals("gpu", vm.storedPredictors().get(0).platform());

        vm.save();
        assertTrue(vm.errorProperty().get().contains("already exists"), vm.errorProperty().get());
        assertTrue(vm.errorProperty().get().contains("tick Replace"), vm.errorProperty().get());
        assertEquals(1, vm.storedPredictors().size());
        vm.replaceExistingProperty().set(true);
        vm.save();
        assertEquals("", vm.errorProperty().get());
        assertEquals(1, vm.storedPredictors().size());

        Path stored = dir.resolve("stored.json");
        vm.exportSelected(stored);
        assertEquals("", vm.errorProperty().get());
        Path fit = dir.resolve("fit.json");
        vm.exportFit(fit);
        assertEquals("", vm.errorProperty().get());
        PredictorEvaluator original = new PredictorEvaluator(fitted);
        for (Path file : List.of(stored, fit)) {
            PredictorEvaluator loaded = new PredictorEvaluator(PredictorJson.read(file));
            for (LayerSample s : vm.selectedRows()) {
                assertEquals(original.predict(s).ms(), loaded.predict(s).ms(), 0.0, file + " " + s);
            }
        }

        Path missingDir = dir.resolve("no-such-dir").resolve("p.json");
        vm.exportFit(missingDir);
        assertTrue(vm.errorProperty().get().startsWith("Cannot export the fitted predictor to " + missingDir),
                vm.errorProperty().get());

        vm.deleteSelected();
        assertTrue(vm.storedPredictors().isEmpty());
        assertEquals("Deleted predictor 'gpu-three'.", vm.statusProperty().get());
    }

    @Test
    void theOfferedSaveNameFollowsEachFitUntilTheOperatorTypesOne() {
        chooseGpuSubset();
        vm.fit();
        assertEquals("edge-server-gpu-log", vm.saveNameProperty().get());
        vm.modeProperty().set("paper");
        vm.fit();
        assertEquals("edge-server-gpu-paper", vm.saveNameProperty().get(), "an offered name is renewed");
        vm.saveNameProperty().set("mine");
        vm.modeProperty().set("log");
        vm.fit();
        assertEquals("mine", vm.saveNameProperty().get(), "a typed name is kept");
    }

    @Test
    void aDamagedStoredPredictorIsNotExportedAndTheErrorNamesIt() {
        new org.aodnn.db.repo.PredictorRepository(store.dsl()).save(new StoredPredictor("damaged", "gpu", "latency_ms",
                1, "sha256:0", "{\"schemaVersion\": 7}", "{}", null), false);
        vm.reloadPredictors();
        vm.selectedStoredProperty().set(vm.storedPredictors().get(0));
        Path file = dir.resolve("damaged.json");
        vm.exportSelected(file);
        assertTrue(vm.errorProperty().get().startsWith("Cannot export predictor 'damaged' to " + file + ": "),
                vm.errorProperty().get());
        assertTrue(vm.errorProperty().get().contains("stored predictor 'damaged': not a predictor document"), vm.errorProperty().get());
        assertFalse(Files.exists(file));
    }
}
