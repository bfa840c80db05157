package org.aodnn.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.aodnn.db.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real window on a temporary database (Monocle, headless) and visits every workspace. */
class WorkbenchWindowTest {

    @TempDir
    Path dir;
    private Store store;
    private UiTaskExecutor executor;
    private WorkbenchWindow window;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        store = Store.open(dir.resolve("ui"));
        executor = new UiTaskExecutor();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            window = new WorkbenchWindow(store, executor, false);
            window.show(stage, () -> { });
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        executor.close();
        store.close();
    }

    @Test
    void everyWorkspaceOpensAndShowsWhatIsStored() throws Exception {
        Label database = robot.lookup("#database-label").queryAs(Label.class);
        assertTrue(database.getText().contains(dir.resolve("ui").toString()), database.getText());

        robot.clickOn("#nav-policy-editor");
        TableView<?> models = robot.lookup("#model-table").queryTableView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> models.getItems().size() == 18);
        TableView<?> layers = robot.lookup("#layer-table").queryTableView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !layers.getItems().isEmpty());

        robot.clickOn("#nav-profiling-lab");
        TableView<?> profiles = robot.lookup("#profile-table").queryTableView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !profiles.getItems().isEmpty());
        assertEquals(Workspaces.PROFILING_LAB, window.viewModel().selectedProperty().get().title());

        robot.clickOn("#nav-model-fitting");
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> fittingModels = robot.lookup("#model-list").queryListView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !fittingModels.getItems().isEmpty());

        robot.clickOn("#nav-edge");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Workspaces.EDGE, window.viewModel().selectedProperty().get().title());
        TableView<?> manifests = robot.lookup("#manifests-table").queryTableView();
        assertTrue(manifests.isVisible());
        assertTrue(manifests.getItems().isEmpty(), "a new database has no manifests");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.viewModel().tasks().isEmpty());
    }
}
