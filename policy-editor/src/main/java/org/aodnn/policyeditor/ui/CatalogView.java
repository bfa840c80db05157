package org.aodnn.policyeditor.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.aodnn.db.domain.ModelLayer;
import org.aodnn.db.domain.ModelSummary;

/** Thin controller of {@code CatalogView.fxml}: binds the tables to {@link CatalogViewModel}. */
public final class CatalogView {

    @FXML
    private TableView<ModelSummary> modelTable;
    @FXML
    private TableColumn<ModelSummary, String> nameColumn;
    @FXML
    private TableColumn<ModelSummary, Number> layersColumn;
    @FXML
    private TableColumn<ModelSummary, String> paramsColumn;
    @FXML
    private TableColumn<ModelSummary, String> flopsColumn;
    @FXML
    private TableView<ModelLayer> layerTable;
    @FXML
    private TableColumn<ModelLayer, Number> indexColumn;
    @FXML
    private TableColumn<ModelLayer, String> layerNameColumn;
    @FXML
    private TableColumn<ModelLayer, String> typeColumn;
    @FXML
    private TableColumn<ModelLayer, String> outShapeColumn;
    @FXML
    private TableColumn<ModelLayer, Number> layerParamsColumn;
    @FXML
    private TableColumn<ModelLayer, String> cutColumn;
    @FXML
    private Label statusLabel;

    private final CatalogViewModel viewModel;
    private final Parent root;

    public CatalogView(CatalogViewModel viewModel) {
        this.viewModel = viewModel;
        FXMLLoader loader = new FXMLLoader(CatalogView.class.getResource("CatalogView.fxml"));
        loader.setController(this);
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load CatalogView.fxml", e);
        }
    }

    public Parent root() {
        return root;
    }

    public CatalogViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        modelTable.setItems(viewModel.models());
        nameColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        layersColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().layers()));
        paramsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(
                String.format("%.2f M", c.getValue().params() / 1e6)));
        flopsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(
                String.format("%.2f G", c.getValue().flops() / 1e9)));
        modelTable.getSelectionModel().selectedItemProperty().addListener(
                (obs, old, now) -> viewModel.selectedModelProperty().set(now));
        viewModel.selectedModelProperty().addListener((obs, old, now) -> {
            if (now != modelTable.getSelectionModel().getSelectedItem()) {
                modelTable.getSelectionModel().select(now);
            }
        });
        layerTable.setItems(viewModel.layers());
        indexColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().layerIndex()));
        layerNameColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().layerName()));
        typeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().geometry().layerType()));
        outShapeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().geometry().outShape()));
        layerParamsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().geometry().params()));
        cutColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().cutAfter() ? "✂ valid cut" : ""));
        statusLabel.textProperty().bind(viewModel.statusProperty());
    }
}
