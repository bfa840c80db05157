package org.aodnn.profilinglab.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.StringConverter;
import org.aodnn.profilinglab.adb.state.CpuPolicy;

/** Thin controller of {@code PhoneControlsView.fxml}: binds the controls to {@link PhoneControlsViewModel}. */
public final class PhoneControlsView {

    @FXML private Label deviceLabel;
    @FXML private TableView<CpuPolicy> policyTable;
    @FXML private TableColumn<CpuPolicy, String> policyIdColumn;
    @FXML private TableColumn<CpuPolicy, String> policyCoresColumn;
    @FXML private TableColumn<CpuPolicy, String> policyGovernorColumn;
    @FXML private TableColumn<CpuPolicy, String> policyMinColumn;
    @FXML private TableColumn<CpuPolicy, String> policyMaxColumn;
    @FXML private TableColumn<CpuPolicy, String> policyNowColumn;
    @FXML private TableColumn<CpuPolicy, String> policyFreqsColumn;
    @FXML private TableColumn<CpuPolicy, String> policyGovernorsColumn;
    @FXML private Label policyLabel;
    @FXML private ComboBox<String> governorCombo;
    @FXML private ComboBox<Long> minCombo;
    @FXML private ComboBox<Long> maxCombo;
    @FXML private Button applyButton;
    @FXML private Spinner<Integer> brightnessSpinner;
    @FXML private Button screenButton;
    @FXML private Button chargingButton;
    @FXML private Button resumeChargingButton;
    @FXML private Button resetButton;
    @FXML private Button reloadButton;
    @FXML private Label statusLabel;
    @FXML private Label lockedLabel;

    private final PhoneControlsViewModel viewModel;
    private final Parent root;
    // Bidirectional bindings hold their ends weakly: keep the object view of the brightness alive.
    private ObjectProperty<Integer> brightnessValue;
    private boolean replacingRows;

    public PhoneControlsView(PhoneControlsViewModel viewModel) {
        this.viewModel = viewModel;
        FXMLLoader loader = new FXMLLoader(PhoneControlsView.class.getResource("PhoneControlsView.fxml"));
        loader.setController(this);
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load PhoneControlsView.fxml", e);
        }
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        deviceLabel.textProperty().bind(viewModel.deviceProperty());
        bindPolicies();

        governorCombo.setItems(viewModel.governorChoices());
        governorCombo.valueProperty().bindBidirectional(viewModel.governorProperty());
        for (ComboBox<Long> combo : List.of(minCombo, maxCombo)) {
            combo.setItems(viewModel.frequencyChoices());
            combo.setConverter(new StringConverter<>() {
                @Override
                public String toString(Long khz) {
                    return khz == null ? "" : FrequencyChange.mhz(khz);
                }

                @Override
                public Long fromString(String text) {
                    return null; // not editable: values come from the policy's table
                }
            });
        }
        minCombo.valueProperty().bindBidirectional(viewModel.minKhzProperty());
        maxCombo.valueProperty().bindBidirectional(viewModel.maxKhzProperty());
        policyLabel.textProperty().bind(Bindings.createStringBinding(() -> viewModel.selectedPolicyIdProperty().get() < 0
                ? "" : "policy" + viewModel.selectedPolicyIdProperty().get() + ":", viewModel.selectedPolicyIdProperty()));
        for (var control : new javafx.scene.Node[] {governorCombo, minCombo, maxCombo, applyButton}) {
            control.disableProperty().bind(viewModel.canSetFrequencyProperty().not());
        }

        brightnessSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 255));
        brightnessValue = viewModel.brightnessProperty().asObject();
        brightnessSpinner.getValueFactory().valueProperty().bindBidirectional(brightnessValue);
        for (var control : new javafx.scene.Node[] {brightnessSpinner, screenButton, chargingButton,
            resumeChargingButton, resetButton}) {
            control.disableProperty().bind(viewModel.canControlProperty().not());
        }
        reloadButton.disableProperty().bind(viewModel.selectedSerialProperty().isNull()
                .or(viewModel.busyProperty()).or(viewModel.profiledProperty()));
        lockedLabel.visibleProperty().bind(viewModel.profiledProperty());
        lockedLabel.managedProperty().bind(viewModel.profiledProperty());

        statusLabel.textProperty().bind(viewModel.statusProperty());
        statusLabel.styleProperty().bind(Bindings.when(viewModel.statusIsErrorProperty())
                .then("-fx-text-fill: #b00020;").otherwise(""));
    }

    private void bindPolicies() {
        // Listeners run in the order added: the table's own (which may move or clear its selection when the rows
        // are replaced on a refresh) runs between these two, so that selection change is not the operator's.
        viewModel.policies().addListener((ListChangeListener<CpuPolicy>) c -> replacingRows = true);
        policyTable.setItems(viewModel.policies());
        value(policyIdColumn, p -> "policy" + p.id());
        value(policyCoresColumn, p -> p.relatedCpus().stream().map(String::valueOf).collect(Collectors.joining(",")));
        value(policyGovernorColumn, p -> p.governor() == null ? "n/a" : p.governor());
        value(policyMinColumn, p -> FrequencyChange.mhz(p.scalingMinKhz()));
        value(policyMaxColumn, p -> FrequencyChange.mhz(p.scalingMaxKhz()));
        value(policyNowColumn, p -> FrequencyChange.mhz(p.curFreqKhz()));
        value(policyFreqsColumn, p -> p.availableFreqsKhz().stream().map(f -> String.valueOf(f / 1000))
                .collect(Collectors.joining(" ")));
        value(policyGovernorsColumn, p -> String.join(" ", p.availableGovernors()));
        // The table follows the edited policy by id: its rows are replaced on every refresh.
        policyTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && !replacingRows) {
                viewModel.selectedPolicyIdProperty().set(now.id());
            }
        });
        viewModel.selectedPolicyIdProperty().addListener((obs, old, now) -> selectPolicyRow());
        viewModel.policies().addListener((ListChangeListener<CpuPolicy>) c -> {
            replacingRows = false;
            selectPolicyRow();
        });
    }

    private void selectPolicyRow() {
        int id = viewModel.selectedPolicyIdProperty().get();
        CpuPolicy selected = policyTable.getSelectionModel().getSelectedItem();
        if (selected != null && selected.id() == id && viewModel.policies().contains(selected)) {
            return;
        }
        viewModel.policies().stream().filter(p -> p.id() == id).findFirst()
                .ifPresentOrElse(p -> policyTable.getSelectionModel().select(p),
                        () -> policyTable.getSelectionModel().clearSelection());
    }

    @FXML
    private void applyFrequency() {
        viewModel.applyFrequency();
    }

    @FXML
    private void keepScreenOn() {
        viewModel.keepScreenOn();
    }

    @FXML
    private void pauseCharging() {
        viewModel.pauseCharging();
    }

    @FXML
    private void resumeCharging() {
        viewModel.resumeCharging();
    }

    @FXML
    private void resetDevice() {
        viewModel.resetDevice();
    }

    @FXML
    private void reload() {
        viewModel.reload();
    }

    private static <R, T> void value(TableColumn<R, T> column, Function<R, T> getter) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(getter.apply(c.getValue())));
    }
}
