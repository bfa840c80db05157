package org.aodnn.edgeconnector.ui;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.stage.FileChooser;
import org.aodnn.edgeconnector.publish.Rollout;

/**
 * Thin controller of {@code EdgeView.fxml}: binds the controls to the {@link EdgeViewModel} and forwards
 * button presses; it holds no state of its own. The view model is activated while the view is in a scene
 * that is shown by the app's workspace switcher (which calls {@link EdgeViewModel#activate()}).
 */
public final class EdgeView {

    @FXML private TextField nodeName;
    @FXML private TextField nodeUrl;
    @FXML private TextField nodeGroup;
    @FXML private PasswordField nodeToken;
    @FXML private Button addNode;
    @FXML private Button editNode;
    @FXML private Button removeNode;
    @FXML private Label nodeProblem;
    @FXML private TableView<NodeRow> nodesTable;
    @FXML private TableColumn<NodeRow, String> nameColumn;
    @FXML private TableColumn<NodeRow, String> urlColumn;
    @FXML private TableColumn<NodeRow, String> groupColumn;
    @FXML private TableColumn<NodeRow, String> healthColumn;
    @FXML private TableColumn<NodeRow, String> versionColumn;
    @FXML private TableColumn<NodeRow, String> uptimeColumn;
    @FXML private TableColumn<NodeRow, String> countColumn;
    @FXML private TableColumn<NodeRow, String> deployedColumn;
    @FXML private TableColumn<NodeRow, String> resultColumn;
    @FXML private TableColumn<NodeRow, String> publishColumn;
    @FXML private ComboBox<PolicyChoice> policyChoice;
    @FXML private Button buildManifest;
    @FXML private TableView<ManifestRow> manifestsTable;
    @FXML private TableColumn<ManifestRow, String> modelColumn;
    @FXML private TableColumn<ManifestRow, String> manifestVersionColumn;
    @FXML private TableColumn<ManifestRow, String> shaColumn;
    @FXML private TableColumn<ManifestRow, String> keyColumn;
    @FXML private TableColumn<ManifestRow, String> createdColumn;
    @FXML private TableColumn<ManifestRow, String> policyColumn;
    @FXML private TableColumn<ManifestRow, String> signatureColumn;
    @FXML private Label publishManifest;
    @FXML private ToggleGroup targetToggle;
    @FXML private RadioButton targetSelected;
    @FXML private RadioButton targetGroup;
    @FXML private ComboBox<String> groupChoice;
    @FXML private ToggleGroup rolloutToggle;
    @FXML private RadioButton rolloutAll;
    @FXML private RadioButton rolloutCanary;
    @FXML private CheckBox skipUnreachable;
    @FXML private Button publishButton;
    @FXML private Button cancelButton;
    @FXML private ProgressBar publishProgress;
    @FXML private Label diffTitle;
    @FXML private ListView<String> diffList;
    @FXML private Label statusLabel;

    private final EdgeViewModel viewModel;
    private final Parent root;

    public EdgeView(EdgeViewModel viewModel) {
        this.viewModel = viewModel;
        FXMLLoader loader = new FXMLLoader(EdgeView.class.getResource("EdgeView.fxml"));
        loader.setController(this);
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load EdgeView.fxml", e);
        }
    }

    public Parent root() {
        return root;
    }

    public EdgeViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        bindNodeForm();
        bindNodeTable();
        bindManifests();
        bindPublish();
        diffTitle.textProperty().bind(viewModel.diffTitleProperty());
        diffList.setItems(viewModel.diffLines());
        statusLabel.textProperty().bind(viewModel.statusProperty());
        viewModel.statusErrorProperty().addListener((o, was, error) -> styleStatus(error));
        styleStatus(viewModel.statusErrorProperty().get());
    }

    private void bindNodeForm() {
        NodeForm form = viewModel.nodeForm();
        nodeName.textProperty().bindBidirectional(form.nameProperty());
        nodeUrl.textProperty().bindBidirectional(form.urlProperty());
        nodeGroup.textProperty().bindBidirectional(form.groupProperty());
        nodeToken.textProperty().bindBidirectional(form.tokenProperty());
        nodeProblem.textProperty().bind(form.problemProperty());
        form.warningProperty().addListener((o, was, warn) -> styleNodeProblem(warn));
        styleNodeProblem(form.warningProperty().get());
        addNode.disableProperty().bind(form.validProperty().not());
        removeNode.disableProperty().bind(viewModel.selectedNodeProperty().isNull());
        editNode.disableProperty().bind(viewModel.selectedNodeProperty().isNull());
    }

    private void bindNodeTable() {
        nodesTable.setItems(viewModel.nodes());
        nodesTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        nameColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        urlColumn.setCellValueFactory(c -> c.getValue().urlProperty());
        groupColumn.setCellValueFactory(c -> c.getValue().groupProperty());
        healthColumn.setCellValueFactory(c -> c.getValue().healthProperty());
        healthColumn.setCellFactory(column -> new HealthCell());
        versionColumn.setCellValueFactory(c -> c.getValue().agentVersionProperty());
        uptimeColumn.setCellValueFactory(c -> c.getValue().uptimeProperty());
        countColumn.setCellValueFactory(c -> c.getValue().manifestCountProperty());
        deployedColumn.setCellValueFactory(c -> c.getValue().deployedProperty());
        resultColumn.setCellValueFactory(c -> c.getValue().lastResultProperty());
        publishColumn.setCellValueFactory(c -> c.getValue().publishStateProperty());
        // the focused row is the one compared; all selected rows are the publish targets
        nodesTable.getSelectionModel().selectedItemProperty()
                .addListener((o, a, b) -> viewModel.selectedNodeProperty().set(b));
        viewModel.selectedNodeProperty().addListener((o, a, b) -> {
            if (b == null) {
                nodesTable.getSelectionModel().clearSelection();
            } else if (!nodesTable.getSelectionModel().getSelectedItems().contains(b)) {
                nodesTable.getSelectionModel().select(b);
            }
        });
        nodesTable.getSelectionModel().getSelectedItems().addListener((ListChangeListener<NodeRow>) change ->
                viewModel.targetNodes().setAll(nodesTable.getSelectionModel().getSelectedItems().stream()
                        .map(NodeRow::name).toList()));
    }

    private void bindManifests() {
        policyChoice.setItems(viewModel.policies());
        policyChoice.valueProperty().bindBidirectional(viewModel.selectedPolicyProperty());
        buildManifest.disableProperty().bind(viewModel.canBuildProperty().not());
        manifestsTable.setItems(viewModel.manifests());
        text(modelColumn, ManifestRow::model);
        text(manifestVersionColumn, m -> Integer.toString(m.version()));
        text(shaColumn, ManifestRow::shortSha256);
        text(keyColumn, ManifestRow::keyId);
        text(createdColumn, ManifestRow::created);
        text(policyColumn, ManifestRow::policy);
        text(signatureColumn, ManifestRow::signature);
        manifestsTable.getSelectionModel().selectedItemProperty()
                .addListener((o, a, b) -> viewModel.selectedManifestProperty().set(b));
        viewModel.selectedManifestProperty().addListener((o, a, b) -> {
            if (b == null) {
                manifestsTable.getSelectionModel().clearSelection();
            } else if (manifestsTable.getSelectionModel().getSelectedItem() != b) {
                manifestsTable.getSelectionModel().select(b);
            }
        });
    }

    private void bindPublish() {
        publishManifest.textProperty().bind(Bindings.createStringBinding(() -> {
            ManifestRow m = viewModel.selectedManifestProperty().get();
            return m == null ? "Select a manifest in the table." : "Manifest: " + m.label() + " (" + m.shortSha256()
                    + ", " + m.signature() + ")";
        }, viewModel.selectedManifestProperty()));
        targetSelected.setUserData(TargetMode.SELECTED_NODES);
        targetGroup.setUserData(TargetMode.GROUP);
        bindToggle(targetToggle, viewModel.targetModeProperty().get() == TargetMode.GROUP ? targetGroup : targetSelected,
                t -> viewModel.targetModeProperty().set((TargetMode) t.getUserData()));
        groupChoice.setItems(viewModel.groups());
        groupChoice.valueProperty().bindBidirectional(viewModel.targetGroupProperty());
        groupChoice.disableProperty().bind(viewModel.targetModeProperty().isNotEqualTo(TargetMode.GROUP));
        rolloutAll.setUserData(Rollout.ALL_AT_ONCE);
        rolloutCanary.setUserData(Rollout.CANARY);
        bindToggle(rolloutToggle, viewModel.rolloutProperty().get() == Rollout.CANARY ? rolloutCanary : rolloutAll,
                t -> viewModel.rolloutProperty().set((Rollout) t.getUserData()));
        skipUnreachable.selectedProperty().bindBidirectional(viewModel.skipUnreachableProperty());
        skipUnreachable.setTooltip(new Tooltip("Off: a rollout with an unreachable target does not start."
                + " On: unreachable targets are skipped (and reported), the others get the manifest."));
        publishButton.disableProperty().bind(viewModel.canPublishProperty().not());
        cancelButton.disableProperty().bind(viewModel.publishingProperty().not());
        publishProgress.progressProperty().bind(viewModel.publishProgressProperty());
        publishProgress.visibleProperty().bind(viewModel.publishingProperty());
    }

    private static void bindToggle(ToggleGroup group, Toggle initial, java.util.function.Consumer<Toggle> onChange) {
        group.selectToggle(initial);
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                group.selectToggle(a); // one of the options is always chosen
            } else {
                onChange.accept(b);
            }
        });
    }

    private static <R> void text(TableColumn<R, String> column, Function<R, String> value) {
        column.setCellValueFactory(c -> constant(value.apply(c.getValue())));
    }

    private static ObservableValue<String> constant(String value) {
        return new ReadOnlyObjectWrapper<>(value);
    }

    /** The empty form's hint in the normal colour; only a problem with what was typed in warning colour. */
    private void styleNodeProblem(boolean warning) {
        nodeProblem.getStyleClass().remove("validation-warning");
        if (warning) {
            nodeProblem.getStyleClass().add("validation-warning");
        }
    }

    private void styleStatus(boolean error) {
        statusLabel.getStyleClass().remove("status-error");
        if (error) {
            statusLabel.getStyleClass().add("status-error");
        }
    }

    @FXML
    private void addNode() {
        viewModel.addNode();
    }

    @FXML
    private void editNode() {
        NodeRow row = viewModel.selectedNodeProperty().get();
        if (row != null) {
            NodeEditDialog.show(row, root.getScene() == null ? null : root.getScene().getWindow()).ifPresent(r ->
                    viewModel.updateNode(row.name(), r.url(), r.group(), r.token(), r.removeToken()));
        }
    }

    @FXML
    private void removeNode() {
        NodeRow row = viewModel.selectedNodeProperty().get();
        if (row != null && !confirmRemoval(row)) {
            return;
        }
        viewModel.removeSelectedNode();
    }

    /** Removing a node also deletes its deployment history in the console, so the operator confirms it. */
    private boolean confirmRemoval(NodeRow row) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                "The console forgets " + row.name() + " and its deployment history. The agent itself keeps running"
                        + " and keeps serving its manifests; add it again to publish to it. To fix its URL or token,"
                        + " use Edit instead: that keeps the history.",
                ButtonType.CANCEL, ButtonType.OK);
        confirm.setTitle("Remove edge node");
        confirm.setHeaderText("Remove the edge node '" + row.name() + "'?");
        if (root.getScene() != null) {
            confirm.initOwner(root.getScene().getWindow());
        }
        return confirm.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    @FXML
    private void checkHealth() {
        viewModel.checkHealth();
    }

    @FXML
    private void buildManifest() {
        viewModel.buildManifest();
    }

    @FXML
    private void openManifest() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a manifest");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Manifest (JSON)", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (file != null) {
            viewModel.openManifest(file.toPath());
        }
    }

    @FXML
    private void publish() {
        viewModel.publish();
    }

    @FXML
    private void cancelPublish() {
        viewModel.cancelPublish();
    }

    /** The health word in its status colour, with the check's message as tooltip. */
    private static final class HealthCell extends TableCell<NodeRow, String> {
        private static final String[] CLASSES = {"health-ok", "health-unreachable", "health-error", "health-unknown"};
        private static final String TOKEN_REFUSED = org.aodnn.edgeconnector.publish.NodeHealth.TOKEN_REFUSED;

        @Override
        protected void updateItem(String status, boolean empty) {
            super.updateItem(status, empty);
            getStyleClass().removeAll(CLASSES);
            if (empty || status == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(status.equals(TOKEN_REFUSED) ? "token refused" : status);
            getStyleClass().add(switch (status) {
                case "ok" -> "health-ok";
                case "unreachable" -> "health-unreachable";
                case "error", TOKEN_REFUSED -> "health-error";
                default -> "health-unknown";
            });
            NodeRow row = getTableRow() == null ? null : getTableRow().getItem();
            String message = row == null ? "" : row.healthMessageProperty().get();
            setTooltip(message.isBlank() ? null : new Tooltip(message));
        }
    }
}
