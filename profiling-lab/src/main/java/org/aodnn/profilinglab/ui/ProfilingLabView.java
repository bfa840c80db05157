package org.aodnn.profilinglab.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
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
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.aodnn.db.domain.ProfilingSessionInfo;
import org.aodnn.db.repo.MeasurementRepository.ProfileSummary;
import org.controlsfx.control.CheckListView;

/** Thin controller of {@code ProfilingLabView.fxml}: binds the controls to {@link ProfilingLabViewModel}. */
public final class ProfilingLabView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    @FXML private ComboBox<String> targetCombo;
    @FXML private Label targetProblemLabel;
    @FXML private CheckBox cpuCheck;
    @FXML private CheckBox wasmCheck;
    @FXML private CheckBox webglCheck;
    @FXML private Spinner<Integer> warmupSpinner;
    @FXML private Spinner<Integer> repsSpinner;
    @FXML private Spinner<Double> minTimeSpinner;
    @FXML private TextField layerField;
    @FXML private Button startButton;
    @FXML private Button cancelButton;
    @FXML private ProgressBar progressBar;
    @FXML private Label layersLabel;
    @FXML private Label progressLabel;
    @FXML private Label environmentLabel;
    @FXML private Label messageLabel;
    @FXML private CheckListView<String> modelList;

    @FXML private Label resultsTitleLabel;
    @FXML private TableView<ResultRow> resultTable;
    @FXML private TableColumn<ResultRow, String> modelColumn;
    @FXML private TableColumn<ResultRow, Number> layerColumn;
    @FXML private TableColumn<ResultRow, String> layerNameColumn;
    @FXML private TableColumn<ResultRow, String> typeColumn;
    @FXML private TableColumn<ResultRow, String> backendColumn;
    @FXML private TableColumn<ResultRow, Double> medianColumn;
    @FXML private TableColumn<ResultRow, Double> minColumn;
    @FXML private TableColumn<ResultRow, Double> maxColumn;
    @FXML private TableColumn<ResultRow, Double> stddevColumn;
    @FXML private TableColumn<ResultRow, Number> repsColumn;
    @FXML private TableColumn<ResultRow, Double> energyColumn;
    @FXML private TableColumn<ResultRow, String> throttledColumn;
    @FXML private LineChart<Number, Number> latencyChart;
    @FXML private NumberAxis layerAxis;
    @FXML private NumberAxis latencyAxis;

    @FXML private TableView<ProfilingSessionInfo> sessionTable;
    @FXML private TableColumn<ProfilingSessionInfo, Number> sessionIdColumn;
    @FXML private TableColumn<ProfilingSessionInfo, String> sessionStatusColumn;
    @FXML private TableColumn<ProfilingSessionInfo, String> sessionTargetColumn;
    @FXML private TableColumn<ProfilingSessionInfo, String> sessionModelsColumn;
    @FXML private TableColumn<ProfilingSessionInfo, String> sessionBackendsColumn;
    @FXML private TableColumn<ProfilingSessionInfo, String> sessionBrowserColumn;
    @FXML private TableColumn<ProfilingSessionInfo, String> sessionStartedColumn;
    @FXML private TableColumn<ProfilingSessionInfo, String> sessionEndedColumn;
    @FXML private TableColumn<ProfilingSessionInfo, String> sessionRowsColumn;
    @FXML private TableColumn<ProfilingSessionInfo, String> sessionMessageColumn;

    @FXML private Label phonesStatusLabel;
    @FXML private TableView<DeviceRow> phoneTable;
    @FXML private TableColumn<DeviceRow, String> phoneSerialColumn;
    @FXML private TableColumn<DeviceRow, String> phoneStateColumn;
    @FXML private TableColumn<DeviceRow, String> phoneModelColumn;
    @FXML private TableColumn<DeviceRow, String> phoneGovernorColumn;
    @FXML private TableColumn<DeviceRow, String> phoneFreqColumn;
    @FXML private TableColumn<DeviceRow, String> phoneBatteryColumn;
    @FXML private TableColumn<DeviceRow, String> phoneTempColumn;
    @FXML private TableColumn<DeviceRow, String> phoneProblemColumn;
    @FXML private VBox phoneControlsBox;

    @FXML private Label profilesStatusLabel;
    @FXML private TableView<ProfileSummary> profileTable;
    @FXML private TableColumn<ProfileSummary, String> profilePlatformColumn;
    @FXML private TableColumn<ProfileSummary, String> profileTargetColumn;
    @FXML private TableColumn<ProfileSummary, String> profileBackendColumn;
    @FXML private TableColumn<ProfileSummary, String> profileBrowserColumn;
    @FXML private TableColumn<ProfileSummary, Number> profileThreadsColumn;
    @FXML private TableColumn<ProfileSummary, Number> profileModelsColumn;
    @FXML private TableColumn<ProfileSummary, Number> profileRowsColumn;

    private final ProfilingLabViewModel viewModel;
    private final Parent root;
    // Bidirectional bindings hold their ends weakly: keep the object views of the number properties alive.
    private ObjectProperty<Integer> warmupValue;
    private ObjectProperty<Integer> repsValue;
    private ObjectProperty<Double> minTimeValue;
    private boolean syncingModels;
    private boolean replacingPhoneRows;

    public ProfilingLabView(ProfilingLabViewModel viewModel) {
        this.viewModel = viewModel;
        FXMLLoader loader = new FXMLLoader(ProfilingLabView.class.getResource("ProfilingLabView.fxml"));
        loader.setController(this);
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load ProfilingLabView.fxml", e);
        }
    }

    public Parent root() {
        return root;
    }

    public ProfilingLabViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        bindChoices();
        bindProgress();
        bindResults();
        bindSessions();
        bindPhones();
        bindProfiles();
    }

    @FXML
    private void start() {
        viewModel.start();
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }

    private void bindChoices() {
        targetCombo.setItems(viewModel.targets());
        targetCombo.valueProperty().bindBidirectional(viewModel.selectedTargetProperty());
        // a chosen phone that went away stays chosen, marked: the box names it rather than going blank
        TargetCell shownTarget = new TargetCell();
        targetCombo.setButtonCell(shownTarget);
        targetCombo.setCellFactory(list -> new TargetCell());
        viewModel.targetProblemProperty().addListener((obs, old, now) -> shownTarget.refresh());
        // why Start is disabled, beside the target (a disabled button shows no tooltip)
        targetProblemLabel.textProperty().bind(viewModel.targetProblemProperty());
        targetProblemLabel.managedProperty().bind(viewModel.targetProblemProperty().isNotEmpty());
        cpuCheck.selectedProperty().bindBidirectional(viewModel.cpuProperty());
        wasmCheck.selectedProperty().bindBidirectional(viewModel.wasmProperty());
        webglCheck.selectedProperty().bindBidirectional(viewModel.webglProperty());
        warmupSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 1000));
        repsSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 10_000));
        minTimeSpinner.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 600_000, 60, 10));
        warmupValue = viewModel.warmupRunsProperty().asObject();
        repsValue = viewModel.timedRunsProperty().asObject();
        minTimeValue = viewModel.minTimeMsProperty().asObject();
        warmupSpinner.getValueFactory().valueProperty().bindBidirectional(warmupValue);
        repsSpinner.getValueFactory().valueProperty().bindBidirectional(repsValue);
        minTimeSpinner.getValueFactory().valueProperty().bindBidirectional(minTimeValue);
        layerField.textProperty().bindBidirectional(viewModel.layerRangeProperty());
        startButton.disableProperty().bind(viewModel.canStartProperty().not());
        cancelButton.disableProperty().bind(viewModel.runningProperty().not());
        for (var control : new javafx.scene.Node[] {targetCombo, cpuCheck, wasmCheck, webglCheck, warmupSpinner,
                repsSpinner, minTimeSpinner, layerField, modelList}) {
            control.disableProperty().bind(viewModel.runningProperty());
        }

        // The checked models mirror the view model's list both ways (the catalog may reload under the checks).
        modelList.setItems(viewModel.modelNames());
        modelList.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> {
            if (!syncingModels) {
                syncingModels = true;
                viewModel.selectedModels().setAll(modelList.getCheckModel().getCheckedItems());
                syncingModels = false;
            }
        });
        viewModel.selectedModels().addListener((ListChangeListener<String>) c -> checkModels());
        viewModel.modelNames().addListener((ListChangeListener<String>) c -> checkModels());
        checkModels();
    }

    private void checkModels() {
        if (syncingModels) {
            return;
        }
        syncingModels = true;
        modelList.getCheckModel().clearChecks();
        viewModel.selectedModels().forEach(m -> modelList.getCheckModel().check(m));
        syncingModels = false;
    }

    private void bindProgress() {
        progressBar.progressProperty().bind(viewModel.progressProperty());
        progressBar.visibleProperty().bind(viewModel.runningProperty().or(viewModel.layersPlannedProperty().greaterThan(0)));
        layersLabel.textProperty().bind(Bindings.createStringBinding(() -> viewModel.layersPlannedProperty().get() == 0
                        ? "" : viewModel.layersDoneProperty().get() + " of " + viewModel.layersPlannedProperty().get()
                        + " layer results" + (viewModel.layersSkippedProperty().get() == 0 ? ""
                        : " (" + viewModel.layersSkippedProperty().get() + " skipped)"),
                viewModel.layersDoneProperty(), viewModel.layersPlannedProperty(), viewModel.layersSkippedProperty()));
        progressLabel.textProperty().bind(viewModel.progressTextProperty());
        environmentLabel.textProperty().bind(viewModel.environmentProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        Tooltip detail = new Tooltip();
        detail.setWrapText(true);
        detail.setMaxWidth(900);
        detail.textProperty().bind(viewModel.messageDetailProperty());
        messageLabel.setTooltip(detail);
        messageLabel.styleProperty().bind(Bindings.when(viewModel.messageIsErrorProperty())
                .then("-fx-text-fill: #b00020;").otherwise(""));
    }

    private void bindResults() {
        resultsTitleLabel.textProperty().bind(viewModel.resultsTitleProperty());
        resultTable.setItems(viewModel.results());
        value(modelColumn, ResultRow::model);
        value(layerColumn, ResultRow::layerIndex);
        value(layerNameColumn, ResultRow::layerName);
        value(typeColumn, ResultRow::layerType);
        value(backendColumn, ResultRow::backend);
        milliseconds(medianColumn, ResultRow::medianMs);
        milliseconds(minColumn, ResultRow::minMs);
        milliseconds(maxColumn, ResultRow::maxMs);
        milliseconds(stddevColumn, ResultRow::stddevMs);
        value(repsColumn, ResultRow::reps);
        milliseconds(energyColumn, ResultRow::energyMj);
        value(throttledColumn, r -> r.throttled() == null ? "" : r.throttled() ? "yes" : "no");
        LatencyChart.bind(latencyChart, layerAxis, latencyAxis, viewModel.results());
    }

    private void bindSessions() {
        sessionTable.setItems(viewModel.sessions());
        value(sessionIdColumn, ProfilingSessionInfo::id);
        value(sessionStatusColumn, viewModel::sessionStatus);
        value(sessionTargetColumn, ProfilingSessionInfo::target);
        value(sessionBackendsColumn, ProfilingSessionInfo::backends);
        value(sessionBrowserColumn, ProfilingSessionInfo::browser);
        value(sessionStartedColumn, s -> time(s.startedAt()));
        value(sessionEndedColumn, s -> time(s.endedAt()));
        value(sessionRowsColumn, SessionRows::describe);
        value(sessionModelsColumn, SessionRows::models);
        value(sessionMessageColumn, ProfilingSessionInfo::message);
        sessionTable.getSelectionModel().selectedItemProperty()
                .addListener((obs, old, now) -> viewModel.selectedSessionProperty().set(now));
        viewModel.selectedSessionProperty().addListener((obs, old, now) -> {
            if (now == null) {
                sessionTable.getSelectionModel().clearSelection();
            } else if (sessionTable.getSelectionModel().getSelectedItem() != now) {
                sessionTable.getSelectionModel().select(now);
            }
        });
    }

    private void bindPhones() {
        phonesStatusLabel.textProperty().bind(viewModel.phones().statusProperty());
        // Listeners run in the order added: the table's own (which may move or clear its selection when a row is
        // replaced on a refresh) runs between this one and the one below, so that change is not the operator's.
        viewModel.phones().devices().addListener((ListChangeListener<DeviceRow>) c -> replacingPhoneRows = true);
        phoneTable.setItems(viewModel.phones().devices());
        value(phoneSerialColumn, DeviceRow::serial);
        value(phoneStateColumn, DeviceRow::adbState);
        value(phoneModelColumn, DeviceRow::model);
        value(phoneGovernorColumn, DeviceRow::governor);
        value(phoneFreqColumn, DeviceRow::frequencies);
        value(phoneBatteryColumn, DeviceRow::battery);
        value(phoneTempColumn, DeviceRow::temperature);
        value(phoneProblemColumn, DeviceRow::problem);

        PhoneControlsViewModel controls = viewModel.phoneControls();
        Parent controlsRoot = new PhoneControlsView(controls).root();
        VBox.setVgrow(controlsRoot, Priority.ALWAYS);
        phoneControlsBox.getChildren().setAll(controlsRoot);
        // Rows are replaced on every refresh, which may clear the table's selection: the controls follow the
        // serial, and only a phone that left the list (handled by the view model) ends its selection.
        phoneTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && !replacingPhoneRows) {
                controls.selectedSerialProperty().set(now.serial());
            }
        });
        viewModel.phones().devices().addListener((ListChangeListener<DeviceRow>) c -> {
            replacingPhoneRows = false;
            selectPhoneRow();
        });
        controls.selectedSerialProperty().addListener((obs, old, now) -> selectPhoneRow());
    }

    private void selectPhoneRow() {
        String serial = viewModel.phoneControls().selectedSerialProperty().get();
        DeviceRow selected = phoneTable.getSelectionModel().getSelectedItem();
        if (serial == null) {
            phoneTable.getSelectionModel().clearSelection();
        } else if (selected == null || !selected.serial().equals(serial)
                || !viewModel.phones().devices().contains(selected)) {
            viewModel.phones().devices().stream().filter(d -> d.serial().equals(serial)).findFirst()
                    .ifPresent(d -> phoneTable.getSelectionModel().select(d));
        }
    }

    private void bindProfiles() {
        StoredProfilesViewModel profiles = viewModel.storedProfiles();
        profilesStatusLabel.textProperty().bind(profiles.statusProperty());
        profileTable.setItems(profiles.profiles());
        value(profilePlatformColumn, ProfileSummary::platform);
        value(profileTargetColumn, ProfileSummary::target);
        value(profileBackendColumn, ProfileSummary::backend);
        value(profileBrowserColumn, ProfileSummary::browser);
        value(profileThreadsColumn, ProfileSummary::threads);
        value(profileModelsColumn, ProfileSummary::models);
        value(profileRowsColumn, ProfileSummary::rows);
    }

    /** A target as the view model words it ("adb:SERIAL (disconnected)" for a chosen phone that went away). */
    private final class TargetCell extends ListCell<String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : viewModel.targetLabel(item));
        }

        /** The phone's availability changed while the item stayed the same. */
        void refresh() {
            updateItem(getItem(), isEmpty());
        }
    }

    private static <R, T> void value(TableColumn<R, T> column, Function<R, T> getter) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(getter.apply(c.getValue())));
    }

    /** Milliseconds (or millijoules) with three decimals; empty where the row has no value. */
    private static <R> void milliseconds(TableColumn<R, Double> column, Function<R, Double> getter) {
        value(column, getter);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : String.format(Locale.ROOT, "%.3f", item));
            }
        });
    }

    private static String time(OffsetDateTime t) {
        return t == null ? "" : TIME.format(t.atZoneSameInstant(java.time.ZoneId.systemDefault()));
    }
}
