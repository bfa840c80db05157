package org.aodnn.modelfitting.ui;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.aodnn.db.domain.StoredPredictor;
import org.aodnn.modelfitting.predictor.Quantity;

/**
 * The Model Fitting workspace: a thin controller of {@code ModelFittingView.fxml} that binds the controls to
 * {@link ModelFittingViewModel} and asks for export files; everything else happens in the view model.
 */
public final class ModelFittingView {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @FXML private Label statusLabel;
    @FXML private Label errorLabel;
    @FXML private Label staleLabel;
    @FXML private ListView<SelectableItem> deviceList;
    @FXML private Label devicesSummaryLabel;
    @FXML private ListView<SelectableItem> backendList;
    @FXML private ListView<SelectableItem> modelList;
    @FXML private Button allModelsButton;
    @FXML private Button noModelsButton;
    @FXML private Label selectionLabel;
    @FXML private ComboBox<String> modeChoice;
    @FXML private ComboBox<String> evaluationChoice;
    @FXML private ComboBox<Quantity> quantityChoice;
    @FXML private ComboBox<CalibrationBase> calibrationChoice;
    @FXML private Button fitButton;
    @FXML private Button cancelButton;
    @FXML private ProgressBar progressBar;
    @FXML private Label taskMessageLabel;
    @FXML private ListView<StoredPredictor> storedList;
    @FXML private TextField saveNameField;
    @FXML private CheckBox replaceCheck;
    @FXML private Button saveButton;
    @FXML private Button exportFitButton;
    @FXML private Button exportSelectedButton;
    @FXML private Button deleteButton;
    @FXML private ComboBox<String> chartPlatformChoice;
    @FXML private ComboBox<String> residualFeatureChoice;
    @FXML private ComboBox<String> curveTypeChoice;
    @FXML private ComboBox<String> curveFeatureChoice;
    @FXML private Label chartNoteLabel;
    @FXML private Label curveNoteLabel;
    @FXML private LineChart<Number, Number> measuredChart;
    @FXML private NumberAxis measuredXAxis;
    @FXML private NumberAxis measuredYAxis;
    @FXML private LineChart<Number, Number> residualChart;
    @FXML private NumberAxis residualXAxis;
    @FXML private LineChart<Number, Number> cvChart;
    @FXML private NumberAxis cvXAxis;
    @FXML private NumberAxis cvYAxis;
    @FXML private LineChart<Number, Number> curveChart;
    @FXML private NumberAxis curveXAxis;
    @FXML private NumberAxis curveYAxis;
    @FXML private Label metricsCaptionLabel;
    @FXML private TableView<MetricsTableRow> metricsTable;
    @FXML private TableColumn<MetricsTableRow, String> platformColumn;
    @FXML private TableColumn<MetricsTableRow, String> familyColumn;
    @FXML private TableColumn<MetricsTableRow, String> methodColumn;
    @FXML private TableColumn<MetricsTableRow, String> rowsColumn;
    @FXML private TableColumn<MetricsTableRow, String> rmseColumn;
    @FXML private TableColumn<MetricsTableRow, String> mapeColumn;
    @FXML private TableColumn<MetricsTableRow, String> medianApeColumn;
    @FXML private TableColumn<MetricsTableRow, String> within5Column;
    @FXML private TableColumn<MetricsTableRow, String> within10Column;
    @FXML private TableColumn<MetricsTableRow, String> modelLevelColumn;

    private final ModelFittingViewModel viewModel;
    private final Parent root;

    public ModelFittingView(ModelFittingViewModel viewModel) {
        this.viewModel = viewModel;
        FXMLLoader loader = new FXMLLoader(ModelFittingView.class.getResource("ModelFittingView.fxml"));
        loader.setController(this);
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load ModelFittingView.fxml", e);
        }
    }

    public Parent root() {
        return root;
    }

    public ModelFittingViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        ModelFittingViewModel vm = viewModel;
        statusLabel.textProperty().bind(vm.statusProperty());
        errorLabel.textProperty().bind(vm.errorProperty());
        staleLabel.textProperty().bind(vm.staleNoteProperty());
        staleLabel.managedProperty().bind(staleLabel.textProperty().isNotEmpty()); // no empty line when current

        deviceList.setItems(vm.devices());
        deviceList.setCellFactory(CheckBoxListCell.forListView(SelectableItem::selectedProperty));
        devicesSummaryLabel.textProperty().bind(vm.devicesSummaryProperty());
        backendList.setItems(vm.backends());
        backendList.setCellFactory(CheckBoxListCell.forListView(SelectableItem::selectedProperty));
        modelList.setItems(vm.models());
        modelList.setCellFactory(CheckBoxListCell.forListView(SelectableItem::selectedProperty));
        selectionLabel.textProperty().bind(vm.selectionSummaryProperty());
        modeChoice.setItems(vm.modes());
        modeChoice.valueProperty().bindBidirectional(vm.modeProperty());
        evaluationChoice.setItems(vm.evaluations());
        evaluationChoice.valueProperty().bindBidirectional(vm.evaluationProperty());
        deviceList.disableProperty().bind(vm.runningProperty());
        quantityChoice.setItems(vm.quantities());
        quantityChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Quantity q) {
                return q == null ? "" : OutcomeCharts.valueName(q) + (q == Quantity.ENERGY ? " (phones with battery power)" : "");
            }

            @Override
            public Quantity fromString(String text) {
                throw new UnsupportedOperationException("not editable");
            }
        });
        quantityChoice.valueProperty().bindBidirectional(vm.quantityProperty());
        calibrationChoice.setItems(vm.calibrationBases());
        calibrationChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(CalibrationBase base) {
                return base == null ? "" : base.describe();
            }

            @Override
            public CalibrationBase fromString(String text) {
                throw new UnsupportedOperationException("not editable");
            }
        });
        calibrationChoice.valueProperty().bindBidirectional(vm.calibrationBaseProperty());
        calibrationChoice.disableProperty().bind(vm.quantityProperty().isNotEqualTo(Quantity.LATENCY));

        fitButton.disableProperty().bind(vm.canFitBinding().not());
        cancelButton.disableProperty().bind(vm.runningProperty().not());
        progressBar.progressProperty().bind(vm.progressProperty());
        progressBar.visibleProperty().bind(vm.runningProperty().or(vm.progressProperty().greaterThan(0)));
        taskMessageLabel.textProperty().bind(vm.taskMessageProperty());

        storedList.setItems(vm.storedPredictors());
        storedList.setCellFactory(list -> new StoredPredictorCell());
        storedList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != vm.selectedStoredProperty().get()) {
                vm.selectedStoredProperty().set(now);
            }
        });
        vm.selectedStoredProperty().addListener((obs, old, now) -> {
            if (now != storedList.getSelectionModel().getSelectedItem()) {
                storedList.getSelectionModel().select(now);
            }
        });
        saveNameField.textProperty().bindBidirectional(vm.saveNameProperty());
        replaceCheck.selectedProperty().bindBidirectional(vm.replaceExistingProperty());
        saveButton.disableProperty().bind(vm.outcomeProperty().isNull());
        exportFitButton.disableProperty().bind(vm.outcomeProperty().isNull());
        exportSelectedButton.disableProperty().bind(vm.selectedStoredProperty().isNull());
        deleteButton.disableProperty().bind(vm.selectedStoredProperty().isNull());

        chartPlatformChoice.setItems(vm.chartPlatforms());
        chartPlatformChoice.valueProperty().bindBidirectional(vm.chartPlatformProperty());
        residualFeatureChoice.setItems(vm.features());
        residualFeatureChoice.valueProperty().bindBidirectional(vm.residualFeatureProperty());
        curveTypeChoice.setItems(vm.curveTypes());
        curveTypeChoice.valueProperty().bindBidirectional(vm.curveTypeProperty());
        curveFeatureChoice.setItems(vm.features());
        curveFeatureChoice.valueProperty().bindBidirectional(vm.curveFeatureProperty());
        chartNoteLabel.textProperty().bind(vm.chartNoteProperty());
        curveNoteLabel.textProperty().bind(vm.curveNoteProperty());

        StringConverter<Number> powers = new PowerOfTenLabels();
        // Auto-ranging axes fall back to their bounds while a chart is empty: 0.01 ms to 100 ms, not 10^100.
        for (NumberAxis logAxis : new NumberAxis[] {measuredXAxis, measuredYAxis, cvYAxis, curveYAxis}) {
            logAxis.setLowerBound(-2);
            logAxis.setUpperBound(2);
        }
        cvXAxis.setLowerBound(1);
        cvXAxis.setUpperBound(4);
        measuredXAxis.setTickLabelFormatter(powers);
        measuredYAxis.setTickLabelFormatter(powers);
        cvYAxis.setTickLabelFormatter(powers);
        cvXAxis.setTickLabelFormatter(new WholeNumberLabels());
        curveYAxis.setTickLabelFormatter(powers);
        residualXAxis.tickLabelFormatterProperty().bind(Bindings.when(vm.residualLogXProperty())
                .<StringConverter<Number>>then(powers).otherwise(new NumberAxis.DefaultFormatter(residualXAxis)));
        curveXAxis.tickLabelFormatterProperty().bind(Bindings.when(vm.curveLogXProperty())
                .<StringConverter<Number>>then(powers).otherwise(new NumberAxis.DefaultFormatter(curveXAxis)));
        measuredXAxis.labelProperty().bind(Bindings.concat("measured ", vm.valueNameProperty(), " (log scale)"));
        measuredYAxis.labelProperty().bind(Bindings.concat("predicted ", vm.valueNameProperty(), " (log scale)"));
        curveYAxis.labelProperty().bind(Bindings.concat(vm.valueNameProperty(), " (log scale)"));
        residualXAxis.labelProperty().bind(vm.residualAxisLabelProperty());
        curveXAxis.labelProperty().bind(vm.curveAxisLabelProperty());
        measuredChart.setData(vm.measuredVsPredicted());
        residualChart.setData(vm.residuals());
        cvChart.setData(vm.cvMse());
        curveChart.setData(vm.curve());

        metricsCaptionLabel.textProperty().bind(vm.metricsCaptionProperty());
        metricsTable.setItems(vm.metrics());
        column(platformColumn, MetricsTableRow::platform);
        column(familyColumn, MetricsTableRow::family);
        column(methodColumn, MetricsTableRow::method);
        column(rowsColumn, MetricsTableRow::rows);
        column(rmseColumn, MetricsTableRow::rmse);
        column(mapeColumn, MetricsTableRow::mape);
        column(medianApeColumn, MetricsTableRow::medianApe);
        column(within5Column, MetricsTableRow::within5);
        column(within10Column, MetricsTableRow::within10);
        column(modelLevelColumn, MetricsTableRow::modelLevelWithin10);
    }

    private static void column(TableColumn<MetricsTableRow, String> column, Function<MetricsTableRow, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

    @FXML
    private void selectAllModels() {
        viewModel.selectAllModels(true);
    }

    @FXML
    private void selectNoModels() {
        viewModel.selectAllModels(false);
    }

    @FXML
    private void fit() {
        viewModel.fit();
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }

    @FXML
    private void save() {
        viewModel.save();
    }

    @FXML
    private void exportFit() {
        File file = chooseJsonFile("Export the fitted predictor", viewModel.saveNameProperty().get());
        if (file != null) {
            viewModel.exportFit(file.toPath());
        }
    }

    @FXML
    private void exportSelected() {
        StoredPredictor chosen = viewModel.selectedStoredProperty().get();
        File file = chooseJsonFile("Export stored predictor", chosen == null ? "" : chosen.name());
        if (file != null) {
            viewModel.exportSelected(file.toPath());
        }
    }

    @FXML
    private void deleteSelected() {
        viewModel.deleteSelected();
    }

    /** "latency ms" / "energy mJ", or the stored id when this build does not know it. */
    private static String quantity(StoredPredictor item) {
        try {
            return OutcomeCharts.valueName(Quantity.ofId(item.quantity()));
        } catch (IllegalArgumentException e) {
            return String.valueOf(item.quantity());
        }
    }

    private File chooseJsonFile(String title, String name) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Predictor JSON", "*.json"));
        chooser.setInitialFileName((name == null || name.isBlank() ? "predictor" : name.replaceAll("[^A-Za-z0-9._+-]", "_"))
                + ".json");
        return chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
    }

    /** A stored predictor as "name: platforms, quantity (created)". */
    private static final class StoredPredictorCell extends ListCell<StoredPredictor> {
        @Override
        protected void updateItem(StoredPredictor item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.name() + ": " + item.platform() + ", " + quantity(item)
                    + (item.createdAt() == null ? "" : " (" + CREATED.format(item.createdAt()) + ")"));
        }
    }
}
