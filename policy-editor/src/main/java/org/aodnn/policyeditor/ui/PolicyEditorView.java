package org.aodnn.policyeditor.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;
import org.aodnn.db.task.Activatable;
import org.aodnn.policyeditor.policy.InputSize;
import org.aodnn.policyeditor.solver.NetworkProfile;
import org.aodnn.policyeditor.source.EnergySource;
import org.aodnn.policyeditor.source.LayerSource;
import org.aodnn.policyeditor.ui.chart.CutChart;
import org.aodnn.policyeditor.ui.chart.ParetoChart;
import org.aodnn.policyeditor.ui.chart.SweepChart;

/**
 * Thin controller of {@code PolicyEditorView.fxml}: binds the controls to {@link PolicyEditorViewModel}
 * and redraws the three charts whenever the evaluation changes. A second tab shows the model catalog.
 */
public final class PolicyEditorView {

    @FXML
    private Label statusLabel;
    @FXML
    private ComboBox<String> modelBox;
    @FXML
    private ComboBox<LayerSource> mobileBox;
    @FXML
    private ComboBox<LayerSource> edgeBox;
    @FXML
    private TextField policyNameField;
    @FXML
    private Button saveButton;
    @FXML
    private Label unsavedLabel;
    @FXML
    private ComboBox<String> policyBox;
    @FXML
    private Button undoButton;
    @FXML
    private Button redoButton;
    @FXML
    private ComboBox<NetworkProfile> networkBox;
    @FXML
    private Label networkEditedLabel;
    @FXML
    private Button networkResetButton;
    @FXML
    private TextField alphaUpField;
    @FXML
    private TextField alphaDownField;
    @FXML
    private TextField betaField;
    @FXML
    private Label upLabel;
    @FXML
    private Slider upSlider;
    @FXML
    private Label downLabel;
    @FXML
    private Slider downSlider;
    @FXML
    private CheckBox cachedBox;
    @FXML
    private TextField inputSizeField;
    @FXML
    private ComboBox<EnergySource> energyBox;
    @FXML
    private Label powerLabel;
    @FXML
    private Slider powerSlider;
    @FXML
    private Label tMaxLabel;
    @FXML
    private Slider tMaxSlider;
    @FXML
    private TextField tMaxField;
    @FXML
    private Label eMaxLabel;
    @FXML
    private TextField eMaxField;
    @FXML
    private TextField etaField;
    @FXML
    private Slider eMaxSlider;
    @FXML
    private CheckBox etaLinkBox;
    @FXML
    private Label etaLabel;
    @FXML
    private Slider etaSlider;
    @FXML
    private StackPane cutChartHolder;
    @FXML
    private StackPane sweepChartHolder;
    @FXML
    private StackPane paretoChartHolder;
    @FXML
    private TextArea readoutArea;
    @FXML
    private Tab catalogTab;


    private final PolicyEditorViewModel viewModel;
    private final CatalogView catalog;
    private final Parent root;
    private final CutChart cutChart = new CutChart();
    private final SweepChart sweepChart = new SweepChart();
    private final ParetoChart paretoChart = new ParetoChart();

    public PolicyEditorView(PolicyEditorViewModel viewModel, CatalogView catalog) {
        this.viewModel = viewModel;
        this.catalog = catalog;
        FXMLLoader loader = new FXMLLoader(PolicyEditorView.class.getResource("PolicyEditorView.fxml"));
        loader.setController(this);
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load PolicyEditorView.fxml", e);
        }
    }

    public Parent root() {
        return root;
    }

    /** The workspace's activation: the editor and the catalog tab load together. */
    public Activatable activation() {
        return new Activatable() {
            @Override
            public void activate() {
                viewModel.activate();
                catalog.viewModel().activate();
            }

            @Override
            public void deactivate() {
                viewModel.deactivate();
                catalog.viewModel().deactivate();
            }
        };
    }

    public PolicyEditorViewModel viewModel() {
        return viewModel;
    }

    public CutChart cutChart() {
        return cutChart;
    }

    @FXML
    private void initialize() {
        catalogTab.setContent(catalog.root());
        cutChart.setId("cut-chart");
        sweepChart.setId("sweep-chart");
        paretoChart.setId("pareto-chart");
        cutChartHolder.getChildren().add(cutChart);
        sweepChartHolder.getChildren().add(sweepChart);
        paretoChartHolder.getChildren().add(paretoChart);

        statusLabel.textProperty().bind(viewModel.statusProperty());
        modelBox.setItems(viewModel.models());
        modelBox.valueProperty().bindBidirectional(viewModel.modelProperty());
        StringConverter<LayerSource> sourceNames = converter(LayerSource::describe);
        mobileBox.setItems(viewModel.latencySources());
        mobileBox.setConverter(sourceNames);
        mobileBox.valueProperty().bindBidirectional(viewModel.mobileSourceProperty());
        edgeBox.setItems(viewModel.latencySources());
        edgeBox.setConverter(sourceNames);
        edgeBox.valueProperty().bindBidirectional(viewModel.edgeSourceProperty());
        networkBox.setItems(viewModel.networks());
        networkBox.setConverter(converter(n -> String.format(Locale.ROOT, "%s (α_u %.2f, α_d %.2f, β %.2f mW)",
                n.name(), n.alphaUpMwPerMbps(), n.alphaDownMwPerMbps(), n.betaMw())));
        bindNetworkBox();
        networkField(alphaUpField, NetworkParameter.ALPHA_UP);
        networkField(alphaDownField, NetworkParameter.ALPHA_DOWN);
        networkField(betaField, NetworkParameter.BETA);
        cachedBox.selectedProperty().bindBidirectional(viewModel.weightsCachedProperty());
        bindInputSize();

        slider(upSlider, viewModel.upMbpsProperty(), "uplink");
        slider(downSlider, viewModel.downMbpsProperty(), "downlink");
        energyBox.setItems(viewModel.energySources());
        energyBox.setConverter(converter(e -> PolicyEditorViewModel.isComputePower(e)
                ? "compute power × mobile latency (slider below)" : e.describe()));
        energyBox.valueProperty().bindBidirectional(viewModel.energySourceProperty());
        slider(powerSlider, viewModel.computePowerMwProperty(), "compute power");
        // the power only matters while the energy is derived from it
        BooleanBinding fixedEnergy = Bindings.createBooleanBinding(
                () -> !PolicyEditorViewModel.isComputePower(viewModel.energySourceProperty().get()),
                viewModel.energySourceProperty());
        powerSlider.disableProperty().bind(fixedEnergy);
        powerLabel.disableProperty().bind(fixedEnergy);
        slider(tMaxSlider, viewModel.tMaxMsProperty(), "T_max");
        slider(eMaxSlider, viewModel.eMaxJProperty(), "E_max");
        slider(etaSlider, viewModel.etaProperty(), "η");
        tMaxSlider.maxProperty().bind(viewModel.tMaxLimitProperty());
        eMaxSlider.maxProperty().bind(viewModel.eMaxLimitProperty());
        etaSlider.maxProperty().bind(viewModel.etaLimitProperty());
        etaLinkBox.selectedProperty().bindBidirectional(viewModel.etaLinkedProperty());
        etaSlider.disableProperty().bind(viewModel.etaLinkedProperty());
        label(upLabel, "Uplink %.1f Mbit/s", viewModel.upMbpsProperty());
        label(downLabel, "Downlink %.1f Mbit/s", viewModel.downMbpsProperty());
        label(powerLabel, "Browser compute power %.0f mW", viewModel.computePowerMwProperty());
        boundField(tMaxLabel, tMaxField, BoundParameter.T_MAX, viewModel.tMaxMsProperty());
        boundField(eMaxLabel, eMaxField, BoundParameter.E_MAX, viewModel.eMaxJProperty());
        boundField(etaLabel, etaField, BoundParameter.ETA, viewModel.etaProperty());
        etaField.disableProperty().bind(viewModel.etaLinkedProperty());

        undoButton.disableProperty().bind(viewModel.undoManager().canUndoProperty().not());
        redoButton.disableProperty().bind(viewModel.undoManager().canRedoProperty().not());
        undoButton.textProperty().bind(viewModel.undoManager().undoTextProperty());
        redoButton.textProperty().bind(viewModel.undoManager().redoTextProperty());
        // the whole label when a fixed-width button cuts a long one
        undoButton.setTooltip(new Tooltip());
        undoButton.getTooltip().textProperty().bind(undoButton.textProperty());
        redoButton.setTooltip(new Tooltip());
        redoButton.getTooltip().textProperty().bind(redoButton.textProperty());
        undoButton.setOnAction(e -> viewModel.undoManager().undo());
        redoButton.setOnAction(e -> viewModel.undoManager().redo());

        policyNameField.textProperty().bindBidirectional(viewModel.policyNameProperty());
        unsavedLabel.visibleProperty().bind(viewModel.unsavedProperty());
        unsavedLabel.managedProperty().bind(viewModel.unsavedProperty());
        saveButton.setOnAction(e -> {
            String replaces = viewModel.replaceWarning();
            if (replaces == null || confirmReplace(replaces)) {
                viewModel.savePolicy();
            }
        });
        policyBox.setItems(viewModel.policies());
        policyBox.setOnAction(e -> {
            String picked = policyBox.getValue();
            if (picked != null) {
                viewModel.loadPolicy(picked);
                // the box is a command, not a state: emptied, picking the same policy again reloads it (reverts
                // edits), and a refreshed list after a Save does not pick (and load) it again
                javafx.application.Platform.runLater(() -> policyBox.setValue(null));
            }
        });
        // a long message must not squeeze the title away; the whole text is in the tooltip
        Tooltip statusTip = new Tooltip();
        statusTip.textProperty().bind(viewModel.statusProperty());
        statusLabel.setTooltip(statusTip);

        readoutArea.textProperty().bind(viewModel.readoutProperty());
        viewModel.evaluationProperty().addListener((o, old, now) -> {
            cutChart.setEvaluation(now);
            paretoChart.setEvaluation(now);
        });
        viewModel.sweepProperty().addListener((o, old, now) -> sweepChart.setSweep(now, viewModel.upMbpsProperty().get(),
                viewModel.problemProperty().get() == null ? 0 : viewModel.problemProperty().get().layerCount()));
    }

    /** Binds a slider both ways; a drag becomes one undoable edit, recorded on release. */
    private void slider(Slider slider, DoubleProperty property, String label) {
        slider.valueProperty().bindBidirectional(property);
        slider.valueChangingProperty().addListener((o, was, changing) -> {
            if (changing) {
                viewModel.beginDrag(property);
            } else {
                viewModel.endDrag(property, label);
            }
        });
    }

    /**
     * The box lists the Table I profiles and shows the one the current profile derives from (same name);
     * picking one sets the profile to its Table I values. The edited numbers live in the three fields, a
     * label says when they differ from Table I, and the reset button restores them (an undoable edit).
     */
    private void bindNetworkBox() {
        boolean[] syncing = {false};
        Runnable sync = () -> {
            NetworkProfile now = viewModel.networkProperty().get();
            NetworkProfile base = viewModel.networks().stream()
                    .filter(n -> now != null && n.name().equals(now.name())).findFirst().orElse(null);
            syncing[0] = true;
            networkBox.setValue(base);
            syncing[0] = false;
            boolean edited = now != null && !now.equals(base);
            networkEditedLabel.setText(!edited ? "" : base == null ? "Custom profile '" + now.name() + "'"
                    : "Edited: differs from Table I " + now.name());
            networkResetButton.setDisable(!edited || base == null);
        };
        sync.run();
        viewModel.networkProperty().addListener(o -> sync.run());
        networkBox.valueProperty().addListener((o, old, picked) -> {
            if (!syncing[0] && picked != null && !picked.equals(viewModel.networkProperty().get())) {
                viewModel.networkProperty().set(picked);
            }
        });
        networkResetButton.setOnAction(e -> viewModel.networkProperty().set(networkBox.getValue()));
    }

    /**
     * A field for one network parameter: shows the current profile's value; Enter or leaving the field
     * commits the text as one undoable edit. A bad entry stays visible, marked in red, with the reason in
     * the status line, until it is corrected or the profile changes.
     */
    private void networkField(TextField field, NetworkParameter parameter) {
        Runnable show = () -> {
            NetworkProfile n = viewModel.networkProperty().get();
            field.setText(n == null ? "" : format(parameter.get(n)));
            field.setStyle("");
        };
        show.run();
        viewModel.networkProperty().addListener(o -> show.run());
        field.setTooltip(new javafx.scene.control.Tooltip(parameter.label() + " in " + parameter.unit()));
        EditField.bind(field, text -> viewModel.editNetwork(parameter, text), show);
    }

    /**
     * The input upload size: the field shows the size set for the policy (empty for the model's own, which the
     * prompt text gives); Enter or leaving the field commits the text as one undoable edit, and a bad entry
     * stays visible in red with the reason in the status line, as in the network fields.
     */
    private void bindInputSize() {
        Runnable show = () -> {
            Long bytes = viewModel.inputBytesProperty().get();
            inputSizeField.setText(bytes == null ? "" : bytes.toString());
            inputSizeField.setStyle("");
        };
        show.run();
        viewModel.inputBytesProperty().addListener(o -> show.run());
        // empty while the model's own size is used: the prompt says which size that is; the tooltip says both
        inputSizeField.promptTextProperty().bind(Bindings.createStringBinding(() -> {
            Long own = viewModel.modelInputBytesProperty().get();
            return own == null ? "model's own" : "own: " + InputSize.describe(own);
        }, viewModel.modelInputBytesProperty()));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(() -> {
            Long own = viewModel.modelInputBytesProperty().get();
            Long set = viewModel.inputBytesProperty().get();
            return "Bytes uploaded when the whole model runs on the edge (cut 0)."
                    + (set == null ? "" : "\nSet for this policy: " + InputSize.describe(set) + ".")
                    + (own == null ? "" : "\nThe model's own: " + InputSize.describe(own) + " (4 bytes per input value).")
                    + "\nType bytes, or a size with kB, MB, KiB or MiB; clear the field for the model's own.";
        }, viewModel.modelInputBytesProperty(), viewModel.inputBytesProperty()));
        inputSizeField.setTooltip(tip);
        EditField.bind(inputSizeField, viewModel::editInputSize, show);
    }

    /**
     * A bound's field beside its slider: shows the value as the slider moves (unless the operator is typing in
     * it); Enter or leaving the field commits a changed text as one undoable edit. The shown text committed
     * unchanged is no edit (it is rounded). A bad entry stays in red with the reason in the status line.
     */
    private void boundField(Label label, TextField field, BoundParameter parameter, DoubleProperty value) {
        label.setText(parameter.label() + " (" + parameter.unit() + ")");
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        String[] shown = {""};
        Runnable show = () -> {
            shown[0] = parameter.format(value.get());
            field.setText(shown[0]);
            field.setStyle("");
        };
        show.run();
        value.addListener(o -> {
            if (!field.isFocused() || field.getText().equals(shown[0])) {
                show.run();
            }
        });
        field.setTooltip(new Tooltip("Type " + parameter.label() + " in " + parameter.unit()
                + " and press Enter; the slider widens to reach it"));
        // the shown text is rounded: committed unchanged, it is no edit
        EditField.bind(field, text -> text.trim().equals(shown[0]) || viewModel.editBound(parameter, text), show);
    }

    private boolean confirmReplace(String what) {
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                what, javafx.scene.control.ButtonType.CANCEL, javafx.scene.control.ButtonType.OK);
        alert.setTitle("Replace saved policy");
        alert.setHeaderText("Replace the saved policy?");
        alert.initOwner(root.getScene() == null ? null : root.getScene().getWindow());
        return alert.showAndWait().filter(javafx.scene.control.ButtonType.OK::equals).isPresent();
    }

    /** Exact and plain (no exponent), so committing the shown text again is never an edit. */
    private static String format(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static void label(Label label, String format, DoubleProperty value) {
        label.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, format, value.get()), value));
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }
}
