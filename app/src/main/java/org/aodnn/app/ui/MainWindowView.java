package org.aodnn.app.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PopOver;
import org.controlsfx.control.TaskProgressView;

/** The main window: workspace navigation on the left, the workspace, and a status bar with the task area. */
public final class MainWindowView {

    @FXML
    private VBox navigation;
    @FXML
    private StackPane content;
    @FXML
    private Label databaseLabel;
    @FXML
    private Label taskLabel;
    @FXML
    private ProgressBar taskProgress;
    @FXML
    private Button tasksButton;

    private final MainWindowViewModel viewModel;
    private final Parent root;
    private final ToggleGroup group = new ToggleGroup();

    public MainWindowView(MainWindowViewModel viewModel) {
        this.viewModel = viewModel;
        FXMLLoader loader = new FXMLLoader(MainWindowView.class.getResource("MainWindow.fxml"));
        loader.setController(this);
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load MainWindow.fxml", e);
        }
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        for (Workspace workspace : viewModel.workspaces()) {
            ToggleButton button = new ToggleButton(workspace.title());
            button.setId("nav-" + workspace.title().toLowerCase().replace(' ', '-'));
            button.getStyleClass().add("nav-button");
            button.setMaxWidth(Double.MAX_VALUE);
            button.setToggleGroup(group);
            button.setUserData(workspace);
            URL icon = MainWindowView.class.getResource("/org/aodnn/assets/icons/" + workspace.icon());
            if (icon != null) {
                ImageView image = new ImageView(new Image(icon.toExternalForm(), 20, 20, true, true));
                button.setGraphic(image);
            }
            navigation.getChildren().add(button);
        }
        // A toggle group allows "no selection"; the window always shows one workspace.
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                viewModel.selectedProperty().set((Workspace) now.getUserData());
            }
        });
        viewModel.selectedProperty().addListener((obs, old, now) -> {
            if (now != null) {
                content.getChildren().setAll(now.view());
                group.getToggles().stream().filter(t -> t.getUserData() == now).findFirst()
                        .ifPresent(t -> t.setSelected(true));
            }
        });
        databaseLabel.textProperty().bind(viewModel.databaseLocationProperty());
        taskLabel.textProperty().bind(viewModel.taskSummaryProperty());
        taskProgress.visibleProperty().bind(Bindings.isNotEmpty(viewModel.tasks()));
        viewModel.tasks().addListener((javafx.collections.ListChangeListener<javafx.concurrent.Task<?>>) c -> {
            taskProgress.progressProperty().unbind();
            if (viewModel.tasks().size() == 1) {
                taskProgress.progressProperty().bind(viewModel.tasks().get(0).progressProperty());
            } else {
                taskProgress.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
            }
        });
        TaskProgressView<javafx.concurrent.Task<?>> taskView = new TaskProgressView<>();
        Bindings.bindContent(taskView.getTasks(), viewModel.tasks());
        taskView.setPrefSize(460, 300);
        // the popover is a window of its own: give it the Workbench's styles (wrapping task texts, see the CSS)
        java.net.URL css = MainWindowView.class.getResource("/org/aodnn/assets/css/workbench.css");
        if (css != null) {
            taskView.getStylesheets().add(css.toExternalForm());
        }
        PopOver popOver = new PopOver(taskView);
        popOver.setArrowLocation(PopOver.ArrowLocation.BOTTOM_RIGHT);
        popOver.setTitle("Background tasks");
        tasksButton.setOnAction(e -> {
            if (popOver.isShowing()) {
                popOver.hide();
            } else {
                popOver.show(tasksButton);
            }
        });
    }
}
