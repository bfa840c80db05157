package org.aodnn.app.ui;

import java.net.URL;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.aodnn.db.Store;

/** Puts the main window on a stage: workspaces, stylesheet, icon; cancels background work on close. */
public final class WorkbenchWindow {

    private final MainWindowViewModel viewModel;
    private final MainWindowView view;

    public WorkbenchWindow(Store store, UiTaskExecutor executor) {
        this(store, executor, true);
    }

    public WorkbenchWindow(Store store, UiTaskExecutor executor, boolean watchPhones) {
        viewModel = new MainWindowViewModel(store.file().toString(), Workspaces.create(store, executor, watchPhones),
                executor.runningTasks());
        view = new MainWindowView(viewModel);
    }

    public MainWindowViewModel viewModel() {
        return viewModel;
    }

    /** Shows the window; {@code onClosed} runs after it is closed and background work is cancelled. */
    public void show(Stage stage, Runnable onClosed) {
        Scene scene = new Scene(view.root());
        URL css = WorkbenchWindow.class.getResource("/org/aodnn/assets/css/workbench.css");
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        URL icon = WorkbenchWindow.class.getResource("/org/aodnn/assets/icons/aodnn.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon.toExternalForm()));
        }
        stage.setTitle("AoDNN Workbench");
        // below this the workspaces' controls and table columns are cut to "…" (the edge buttons, Save)
        stage.setMinWidth(1100);
        stage.setMinHeight(700);
        stage.setScene(scene);
        stage.setOnHidden(e -> {
            viewModel.shutdown();
            onClosed.run();
        });
        viewModel.select(Workspaces.POLICY_EDITOR);
        stage.show();
    }
}
