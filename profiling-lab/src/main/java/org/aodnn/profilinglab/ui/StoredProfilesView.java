package org.aodnn.profilinglab.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.aodnn.db.repo.MeasurementRepository.ProfileSummary;

/** Thin controller of {@code StoredProfilesView.fxml}. */
public final class StoredProfilesView {

    @FXML
    private TableView<ProfileSummary> profileTable;
    @FXML
    private TableColumn<ProfileSummary, String> platformColumn;
    @FXML
    private TableColumn<ProfileSummary, String> targetColumn;
    @FXML
    private TableColumn<ProfileSummary, String> backendColumn;
    @FXML
    private TableColumn<ProfileSummary, String> browserColumn;
    @FXML
    private TableColumn<ProfileSummary, Number> threadsColumn;
    @FXML
    private TableColumn<ProfileSummary, Number> modelsColumn;
    @FXML
    private TableColumn<ProfileSummary, Number> rowsColumn;
    @FXML
    private Label statusLabel;

    private final StoredProfilesViewModel viewModel;
    private final Parent root;

    public StoredProfilesView(StoredProfilesViewModel viewModel) {
        this.viewModel = viewModel;
        FXMLLoader loader = new FXMLLoader(StoredProfilesView.class.getResource("StoredProfilesView.fxml"));
        loader.setController(this);
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load StoredProfilesView.fxml", e);
        }
    }

    public Parent root() {
        return root;
    }

    public StoredProfilesViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        profileTable.setItems(viewModel.profiles());
        platformColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().platform()));
        targetColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().target()));
        backendColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().backend()));
        browserColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().browser()));
        threadsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().threads()));
        modelsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().models()));
        rowsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().rows()));
        statusLabel.textProperty().bind(viewModel.statusProperty());
    }
}
