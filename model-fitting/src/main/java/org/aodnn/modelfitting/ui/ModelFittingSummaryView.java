package org.aodnn.modelfitting.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;

/** Thin controller of {@code ModelFittingSummaryView.fxml}. */
public final class ModelFittingSummaryView {

    @FXML
    private ListView<String> summaryList;
    @FXML
    private Label statusLabel;

    private final ModelFittingSummaryViewModel viewModel;
    private final Parent root;

    public ModelFittingSummaryView(ModelFittingSummaryViewModel viewModel) {
        this.viewModel = viewModel;
        FXMLLoader loader = new FXMLLoader(ModelFittingSummaryView.class.getResource("ModelFittingSummaryView.fxml"));
        loader.setController(this);
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load ModelFittingSummaryView.fxml", e);
        }
    }

    public Parent root() {
        return root;
    }

    public ModelFittingSummaryViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        summaryList.setItems(viewModel.lines());
        statusLabel.textProperty().bind(viewModel.statusProperty());
    }
}
