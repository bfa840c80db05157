package org.aodnn.profilinglab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.aodnn.db.Store;
import org.aodnn.db.task.CurrentThreadTaskExecutor;
import org.aodnn.profilinglab.adb.client.AdbServerAddress;
import org.aodnn.profilinglab.adb.run.AdbPhoneTarget;
import org.aodnn.profilinglab.job.ModelSelection;
import org.aodnn.profilinglab.target.LocalChromiumTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What to profile, against a real database with the sample catalog: the catalog load drops chosen models that
 * left it, phones come and go as targets, and the choice becomes a session's request and target (with clear
 * messages for what does not fit) without starting anything.
 */
class ProfilingChoiceTest {

    @TempDir
    Path dir;
    private Store store;
    private LabMessages messages;
    private ProfilingChoice choice;

    @BeforeEach
    void open() {
        store = Store.open(dir.resolve("lab"));
        messages = new LabMessages();
        choice = new ProfilingChoice(store, new CurrentThreadTaskExecutor(), messages, dir.resolve("chromium"),
                AdbServerAddress.fromEnvironment());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static DeviceRow phone(String serial, boolean usable) {
        return new DeviceRow(serial, usable ? "device" : "unauthorized", "", "", "", "", "", true, usable, "");
    }

    @Test
    void theCatalogLoadKeepsOnlyChosenModelsThatAreStillInIt() {
        choice.selectedModels().setAll("resnet18", "no-such-model", "mobilenet_v2");

        choice.loadCatalog();

        assertEquals(store.models().names(), choice.modelNames());
        assertEquals(List.of("resnet18", "mobilenet_v2"), choice.selectedModels(), "the order chosen is kept");
        assertEquals("", messages.messageProperty().get());
    }

    @Test
    void aFailedCatalogLoadIsAnError() {
        store.close();

        choice.loadCatalog();

        assertTrue(messages.messageIsErrorProperty().get());
        assertTrue(messages.messageProperty().get().startsWith("Cannot load the model catalog: "),
                messages.messageProperty().get());
        assertTrue(choice.modelNames().isEmpty());
    }

    @Test
    void completeNeedsAModelABackendAndATarget() {
        assertFalse(choice.completeBinding().get(), "no model");
        choice.selectedModels().setAll("mobilenet_v2");
        assertTrue(choice.completeBinding().get(), "cpu is chosen by default");
        choice.cpuProperty().set(false);
        assertFalse(choice.completeBinding().get(), "no backend");
        choice.webglProperty().set(true);
        assertTrue(choice.completeBinding().get());
        choice.selectedTargetProperty().set("");
        assertFalse(choice.completeBinding().get(), "no target");
    }

    @Test
    void usablePhonesBecomeTargets() {
        choice.offerPhones(List.of(phone("emulator-5554", true), phone("R58M123", false)),
                Map.of("emulator-5554", "device", "R58M123", "unauthorized"));
        assertEquals(List.of(LocalChromiumTarget.NAME, "adb:emulator-5554"), choice.targets(), "unauthorized: not offered");
        assertEquals("", choice.targetProblemProperty().get(), "local Chromium is chosen");
    }

    @Test
    void aChosenPhoneThatLeftStaysChosenAndSaysWhyStartWaits() {
        choice.offerPhones(List.of(phone("emulator-5554", true)), Map.of("emulator-5554", "device"));
        choice.selectedTargetProperty().set("adb:emulator-5554");
        assertEquals("", choice.targetProblemProperty().get());

        choice.offerPhones(List.of(), null); // the workspace is hidden: the list is not known
        assertEquals("adb:emulator-5554", choice.selectedTargetProperty().get(), "not replaced by local Chromium");
        assertEquals(List.of(LocalChromiumTarget.NAME, "adb:emulator-5554"), choice.targets(), "still shown as chosen");
        assertTrue(choice.targetProblemProperty().get().startsWith("waiting for the adb server's list"),
                choice.targetProblemProperty().get());

        choice.offerPhones(List.of(phone("emulator-5554", false)), Map.of("emulator-5554", "offline"));
        assertEquals("adb:emulator-5554", choice.selectedTargetProperty().get());
        assertEquals("phone emulator-5554 is disconnected (adb lists it offline); Start waits until it is back",
                choice.targetProblemProperty().get());
        assertEquals("adb:emulator-5554 (disconnected)", choice.targetLabel("adb:emulator-5554"));

        choice.offerPhones(List.of(), Map.of());
        assertTrue(choice.targetProblemProperty().get().contains("the adb server no longer lists it"),
                choice.targetProblemProperty().get());

        choice.offerPhones(List.of(phone("emulator-5554", true)), Map.of("emulator-5554", "device"));
        assertEquals("", choice.targetProblemProperty().get(), "back: usable again");
        assertEquals("adb:emulator-5554", choice.targetLabel("adb:emulator-5554"));
        assertEquals(List.of(LocalChromiumTarget.NAME, "adb:emulator-5554"), choice.targets(), "listed once");
    }

    @Test
    void aGonePhoneLeavesTheListOnceAnotherTargetIsChosen() {
        choice.offerPhones(List.of(phone("emulator-5554", true)), Map.of("emulator-5554", "device"));
        choice.selectedTargetProperty().set("adb:emulator-5554");
        choice.offerPhones(List.of(), Map.of());

        choice.selectedTargetProperty().set(LocalChromiumTarget.NAME);

        assertEquals(List.of(LocalChromiumTarget.NAME), choice.targets());
        assertEquals("", choice.targetProblemProperty().get());
    }

    @Test
    void readTakesTheChoiceAsItIsWhenStartIsPressed() {
        choice.selectedModels().setAll("mobilenet_v2", "resnet18");
        choice.webglProperty().set(true);
        choice.wasmProperty().set(true); // ticked after webgl, still listed in the fixed order
        choice.warmupRunsProperty().set(1);
        choice.timedRunsProperty().set(5);
        choice.minTimeMsProperty().set(25);
        choice.layerRangeProperty().set("0-3,7");

        ProfilingChoice.Snapshot chosen = choice.read();
        choice.selectedModels().clear();
        choice.selectedTargetProperty().set("adb:later");

        assertEquals(List.of("mobilenet_v2", "resnet18"), chosen.models(), "later edits do not reach a snapshot");
        assertEquals(LocalChromiumTarget.NAME, chosen.targetName());
        assertEquals(List.of("cpu", "wasm", "webgl"), chosen.settings().backends());
        assertEquals(1, chosen.settings().warmupRuns());
        assertEquals(5, chosen.settings().timedRuns());
        assertEquals(25, chosen.settings().minTimeMs(), 0);
        assertTrue(chosen.layers().includes(7) && chosen.layers().includes(3), chosen.layers().toString());
        assertFalse(chosen.layers().includes(4) || chosen.layers().includes(8), chosen.layers().toString());
    }

    @Test
    void readNamesWhatIsWrong() {
        choice.selectedModels().setAll("mobilenet_v2");
        choice.layerRangeProperty().set("3-x");
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class, choice::read);
        assertTrue(range.getMessage().contains("'3-x' is not an index or a range"), range.getMessage());

        choice.layerRangeProperty().set("");
        choice.timedRunsProperty().set(0);
        IllegalArgumentException runs = assertThrows(IllegalArgumentException.class, choice::read);
        assertTrue(runs.getMessage().contains("timed runs must be 1..10000, not 0"), runs.getMessage());
    }

    @Test
    void prepareReadsTheModelsFromTheCatalogAndOpensNoTargetYet() {
        choice.selectedModels().setAll("mobilenet_v2");
        choice.layerRangeProperty().set("0-2");

        ProfilingChoice.Prepared prepared = choice.prepare(choice.read());

        List<ModelSelection> models = prepared.request().models();
        assertEquals(1, models.size());
        assertEquals("mobilenet_v2", models.get(0).model().name());
        assertEquals(List.of(0, 1, 2), models.get(0).selectedLayers().stream().map(l -> l.layerIndex()).toList());
        LocalChromiumTarget local = assertInstanceOf(LocalChromiumTarget.class, prepared.target());
        assertEquals(dir.resolve("chromium"), local.executable(), "the Chromium given to the workspace");

        choice.selectedTargetProperty().set("adb:emulator-5554");
        AdbPhoneTarget phone = assertInstanceOf(AdbPhoneTarget.class, choice.prepare(choice.read()).target());
        assertEquals("adb:emulator-5554", phone.name());
    }

    @Test
    void prepareNamesTheModelThatDoesNotFit() {
        choice.selectedModels().setAll("mobilenet_v2", "gone");
        choice.layerRangeProperty().set("0");
        ProfilingChoice.Snapshot withGone = choice.read();
        IllegalStateException gone = assertThrows(IllegalStateException.class, () -> choice.prepare(withGone));
        assertEquals("model 'gone' is no longer in the catalog", gone.getMessage());

        choice.selectedModels().setAll("mobilenet_v2");
        choice.layerRangeProperty().set("5000-");
        ProfilingChoice.Snapshot beyond = choice.read();
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class, () -> choice.prepare(beyond));
        assertTrue(range.getMessage().contains("mobilenet_v2 has layers 0-"), range.getMessage());

        choice.selectedModels().setAll("mobilenet_v2");
        choice.layerRangeProperty().set("");
        choice.selectedTargetProperty().set("cloud-browser");
        ProfilingChoice.Snapshot unknown = choice.read();
        IllegalArgumentException target = assertThrows(IllegalArgumentException.class, () -> choice.prepare(unknown));
        assertTrue(target.getMessage().contains("unknown profiling target 'cloud-browser'"), target.getMessage());
    }
}
