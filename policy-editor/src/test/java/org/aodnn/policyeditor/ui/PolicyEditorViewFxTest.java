package org.aodnn.policyeditor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.aodnn.db.Store;
import org.aodnn.db.task.CurrentThreadTaskExecutor;
import org.aodnn.policyeditor.TinyPredictor;
import org.aodnn.policyeditor.policy.PolicySettings;
import org.aodnn.policyeditor.policy.PolicyStore;
import org.aodnn.policyeditor.solver.Evaluation;
import org.aodnn.policyeditor.solver.NetworkProfile;
import org.aodnn.policyeditor.source.LayerSource;
import org.aodnn.policyeditor.source.PredictorSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Policy Editor view in a real (headless) window: a stored predictor is picked from the browser latency
 * box, and the network profile's numbers are typed into their fields, undone from the Undo button, and a
 * bad entry is refused visibly. Tasks run on the FX thread (the database here is small and local).
 */
class PolicyEditorViewFxTest {

    static final PredictorSource WASM = new PredictorSource("tiny", "browser/wasm", 1);

    @TempDir
    static Path dir;
    private static Store store;
    private PolicyEditorView view;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void openStore() {
        store = Store.open(dir.resolve("fx"));
        TinyPredictor.store(store, "tiny");
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @BeforeEach
    void start() throws Exception {
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            view = new PolicyEditorView(new PolicyEditorViewModel(store, executor),
                    new CatalogView(new CatalogViewModel(store, executor)));
            stage.setScene(new Scene(view.root(), 1280, 800));
            stage.show();
        });
        FxToolkit.setupFixture(() -> view.activation().activate());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.cutChart().evaluation() != null);
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aStoredPredictorIsPickedFromTheBrowserLatencyBox() throws Exception {
        @SuppressWarnings("unchecked")
        ComboBox<LayerSource> mobile = robot.lookup("#mobile-box").queryAs(ComboBox.class);
        assertTrue(mobile.getItems().contains(WASM), mobile.getItems().toString());
        Evaluation before = view.cutChart().evaluation();
        robot.clickOn(mobile);
        robot.clickOn(WASM.describe());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(WASM, view.viewModel().mobileSourceProperty().get());
        assertNotSame(before, view.cutChart().evaluation());
        assertTrue(view.cutChart().evaluation().cuts().get(view.cutChart().evaluation().cuts().size() - 1).tMs()
                != before.cuts().get(before.cuts().size() - 1).tMs(), "local-only now uses predicted latencies");
    }

    @Test
    void typedNetworkValuesReEvaluateAreUndoneAndBadOnesAreRefused() throws Exception {
        TextField alphaUp = robot.lookup("#alpha-up-field").queryAs(TextField.class);
        assertEquals("283.17", alphaUp.getText());
        Evaluation before = view.cutChart().evaluation();

        replaceText(alphaUp, "600");
        assertEquals(NetworkProfile.WIFI.withAlphaUp(600), view.viewModel().networkProperty().get());
        assertEquals("600", alphaUp.getText());
        assertNotSame(before, view.cutChart().evaluation());
        assertTrue(view.cutChart().evaluation().cuts().get(0).eJ() > before.cuts().get(0).eJ(),
                "edge-only uploads the input with a higher radio power");
        @SuppressWarnings("unchecked")
        ComboBox<NetworkProfile> network = robot.lookup("#network-box").queryAs(ComboBox.class);
        assertEquals(NetworkProfile.WIFI, network.getValue(), "the box shows the Table I profile edited");
        assertEquals("Edited: differs from Table I wifi", label("#network-edited"));
        assertTrue(shownIn(network).startsWith("wifi (α_u 283.17"), shownIn(network));

        robot.clickOn("#undo");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(NetworkProfile.WIFI, view.viewModel().networkProperty().get());
        assertEquals("283.17", alphaUp.getText());
        assertEquals("", label("#network-edited"));
        assertTrue(robot.lookup("#network-reset").queryButton().isDisabled());

        TextField beta = robot.lookup("#beta-field").queryAs(TextField.class);
        replaceText(beta, "lots");
        assertEquals(NetworkProfile.WIFI, view.viewModel().networkProperty().get());
        assertEquals("lots", beta.getText(), "the bad entry stays to be corrected");
        assertTrue(beta.getStyle().contains("-fx-border-color"), beta.getStyle());
        String status = label("#policy-status");
        assertTrue(status.contains("β_p") && status.contains("not a number"), status);
        replaceText(beta, "150");
        assertEquals(150, view.viewModel().networkProperty().get().betaMw());
        assertEquals("", beta.getStyle());

        robot.clickOn("#network-reset");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(NetworkProfile.WIFI, view.viewModel().networkProperty().get());
        assertEquals("132.86", beta.getText());
        assertEquals("Undo network profile", view.viewModel().undoManager().undoTextProperty().get());

        robot.clickOn(network);
        robot.clickOn(shown(NetworkProfile.THREE_G));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(NetworkProfile.THREE_G, view.viewModel().networkProperty().get());
        assertEquals("868.98", alphaUp.getText());
    }

    @Test
    void comingBackToTheEditorKeepsTheModelTheBoundsAndTheUndoHistory() throws Exception {
        PolicyEditorViewModel vm = view.viewModel();
        @SuppressWarnings("unchecked")
        ComboBox<String> modelBox = robot.lookup("#model-box").queryAs(ComboBox.class);
        robot.interact(() -> modelBox.setValue("mobilenet_v3_small")); // as picked from the box's list
        assertEquals("mobilenet_v3_small", vm.modelProperty().get());
        robot.interact(() -> vm.tMaxMsProperty().set(vm.tMaxMsProperty().get() * 0.75));
        double tMax = vm.tMaxMsProperty().get();
        double eMax = vm.eMaxJProperty().get();
        String undo = vm.undoManager().undoTextProperty().get();

        // another workspace shown, then this one again: the choices are read anew from the database
        robot.interact(() -> view.activation().deactivate());
        robot.interact(() -> view.activation().activate());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("mobilenet_v3_small", vm.modelProperty().get());
        assertEquals("mobilenet_v3_small", modelBox.getValue());
        assertEquals(tMax, vm.tMaxMsProperty().get(), 1e-9);
        assertEquals(eMax, vm.eMaxJProperty().get(), 1e-9);
        assertEquals(undo, vm.undoManager().undoTextProperty().get());
        assertEquals("mobilenet_v3_small", view.cutChart().evaluation() == null ? null
                : vm.problemProperty().get().model());
    }

    @Test
    void aLoadedPolicysBoundsBeyondTheSlidersStayAsSaved() throws Exception {
        PolicyEditorViewModel vm = view.viewModel();
        javafx.scene.control.Slider tMax = robot.lookup("#tmax-slider").queryAs(javafx.scene.control.Slider.class);
        double far = vm.tMaxLimitProperty().get() * 10;
        PolicySettings now = vm.currentSettings();
        PolicySettings wide = new PolicySettings(now.model(), now.mobileLatency(), now.edgeLatency(),
                now.mobileEnergy(), now.network(), now.upMbps(), now.downMbps(), now.weightsCached(), far,
                vm.eMaxLimitProperty().get() * 10, 0, true, null);
        robot.interact(() -> new PolicyStore(store).save("wide", wide));
        robot.interact(() -> vm.loadPolicy("wide"));
        WaitForAsyncUtils.waitForFxEvents();
        // the slider (its value two-way bound to T_max) must not clamp the bound to its old range
        assertEquals(far, vm.tMaxMsProperty().get(), 1e-9);
        assertEquals(far, tMax.getValue(), 1e-9);
        assertEquals(wide, vm.currentSettings(), "a re-save would store the policy as it was saved");
    }

    @Test
    void theInputSizeIsTypedShownUndoneAndABadOneRefused() throws Exception {
        PolicyEditorViewModel vm = view.viewModel();
        TextField size = robot.lookup("#input-size-field").queryAs(TextField.class);
        assertEquals("", size.getText());
        assertEquals("own: 602,112 B (602.1 kB)", size.getPromptText());
        double edgeOnly = view.cutChart().evaluation().cuts().get(0).tMs();

        replaceText(size, "4 MB");
        assertEquals(4_000_000L, vm.inputBytesProperty().get());
        assertEquals("4000000", size.getText(), "shown as the bytes it means");
        assertTrue(size.getTooltip().getText().contains("Set for this policy: 4,000,000 B (4.0 MB)."),
                size.getTooltip().getText());
        assertTrue(view.cutChart().evaluation().cuts().get(0).tMs() > edgeOnly, "edge-only uploads more");
        assertEquals("Undo input size", robot.lookup("#undo").queryButton().getText());

        replaceText(size, "big");
        assertEquals(4_000_000L, vm.inputBytesProperty().get());
        assertTrue(size.getStyle().contains("-fx-border-color"), size.getStyle());
        assertTrue(label("#policy-status").startsWith("Input size: 'big'"), label("#policy-status"));

        robot.clickOn("#undo");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, vm.inputBytesProperty().get());
        assertEquals("", size.getText());
        assertEquals("", size.getStyle());
        assertEquals(edgeOnly, view.cutChart().evaluation().cuts().get(0).tMs(), 1e-9);
    }

    @Test
    void boundsAreTypedAndPickingTheLoadedPolicyAgainRevertsEdits() throws Exception {
        PolicyEditorViewModel vm = view.viewModel();
        TextField tMax = robot.lookup("#tmax-field").queryAs(TextField.class);
        javafx.scene.control.Slider slider = robot.lookup("#tmax-slider").queryAs(javafx.scene.control.Slider.class);
        double far = vm.tMaxLimitProperty().get() * 4;
        replaceText(tMax, String.valueOf(far));
        assertEquals(far, vm.tMaxMsProperty().get(), 1e-9);
        assertEquals(far, slider.getValue(), 1e-9, "the slider widened to the typed bound");
        assertEquals("Undo T_max", robot.lookup("#undo").queryButton().getText());

        robot.interact(() -> new PolicyStore(store).save("typed", vm.currentSettings()));
        robot.interact(() -> vm.policies().setAll(new PolicyStore(store).list().stream()
                .map(PolicyStore.PolicySummary::name).toList()));
        @SuppressWarnings("unchecked")
        ComboBox<String> policies = robot.lookup("#policy-box").queryAs(ComboBox.class);
        robot.interact(() -> policies.setValue("typed"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, policies.getValue(), "the box is emptied after loading");
        replaceText(tMax, "12.5");
        assertEquals("12.5", tMax.getText());
        robot.interact(() -> policies.setValue("typed")); // the same policy again: its saved bound back
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(far, vm.tMaxMsProperty().get(), 1e-9);
        assertEquals(BoundParameter.T_MAX.format(far), tMax.getText());
    }

    private static String shown(NetworkProfile n) {
        return String.format(java.util.Locale.ROOT, "%s (α_u %.2f, α_d %.2f, β %.2f mW)", n.name(),
                n.alphaUpMwPerMbps(), n.alphaDownMwPerMbps(), n.betaMw());
    }

    private String label(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** The text of the combo box's button (the cell showing its value). */
    private static String shownIn(ComboBox<?> box) {
        return box.lookupAll(".list-cell").stream().filter(n -> n.getParent() == box)
                .map(n -> ((ListCell<?>) n).getText()).findFirst().orElse("no button cell");
    }

    private void replaceText(TextField field, String text) {
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.write(text);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
