package org.aodnn.modelfitting.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** After a fit, changing the ticks leaves the old results shown: the workspace says they are not the selection's. */
class StaleResultsViewModelTest extends WorkspaceViewModelFixture {

    @Test
    void resultsOfAnEarlierSelectionAreSaidToBeSoUntilTheNextFit() {
        chooseGpuSubset();
        assertEquals("", vm.staleNoteProperty().get(), "nothing fitted, nothing stale");
        vm.fit();
        assertNotNull(vm.outcomeProperty().get());
        assertEquals("", vm.staleNoteProperty().get());
        int fittedRows = vm.selectedRows().size();

        vm.selectModels(List.of("alexnet", "resnet18")); // one model fewer
        assertTrue(vm.staleNoteProperty().get().startsWith("The charts, metrics and Save are of the last fit ("
                + fittedRows + " latency rows of edge-server)"), vm.staleNoteProperty().get());

        vm.selectModels(THREE_MODELS); // ticked back as fitted: the results are the selection's again
        assertEquals("", vm.staleNoteProperty().get());

        vm.modeProperty().set("paper"); // another way to fit the same rows: the shown predictor is not it
        assertTrue(!vm.staleNoteProperty().get().isEmpty(), "a change of mode makes the results another fit's");
        vm.modeProperty().set("log");
        assertEquals("", vm.staleNoteProperty().get());

        vm.selectBackends(List.of("cpu", "gpu"));
        assertTrue(!vm.staleNoteProperty().get().isEmpty());
        vm.fit();
        assertEquals("", vm.staleNoteProperty().get(), "a new fit is of the selection shown");
    }
}
