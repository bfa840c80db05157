package org.aodnn.edgeconnector.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;

/** Thin controller of {@code EdgeSummaryView.fxml}. */
public final class EdgeSummaryView {

    @FXML
    private ListView<String> summaryList;
    @FXML
    private Label statusLabel;

    private final EdgeSummaryViewModel viewModel;
    private final Parent root;

    public EdgeSummaryView(EdgeSummaryViewModel viewModel) {
        this.viewModel = viewModel;
        FXMLLoader loader = new FXMLLoader(EdgeSummaryView.class.getResource("EdgeSummaryView.fxml"));
        loader.setController(this);
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load EdgeSummaryView.fxml", e);
        }
    }

    public Parent root() {
        return root;
    }

    public EdgeSummaryViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        summaryList.setItems(viewModel.lines());
        statusLabel.textProperty().bind(viewModel.statusProperty());
    }
}
