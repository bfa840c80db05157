package org.aodnn.app.ui;

import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.aodnn.db.DataHome;
import org.aodnn.db.Store;
import org.aodnn.db.cli.CommandFailure;
import org.aodnn.db.cli.StoreOptions;

/**
 * Opens the Workbench window: the database is opened (and migrated) before the toolkit starts, then the
 * JavaFX toolkit runs until the window closes, and the database is closed after it.
 */
public final class WorkbenchLauncher {

    public int launch(String dbOption) {
        String os = System.getProperty("os.name", "").toLowerCase();
        if (os.contains("linux") && isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"))) {
            throw new CommandFailure("no display to open the window on (DISPLAY is not set); "
                    + "run a command instead, see 'aodnn --help'");
        }
        String db = dbOption != null ? dbOption : System.getProperty(StoreOptions.DEFAULT_DB_PROPERTY);
        CountDownLatch closed = new CountDownLatch(1);
        try (Store store = Store.open(DataHome.fromEnvironment().database(db));
             UiTaskExecutor executor = new UiTaskExecutor()) {
            Platform.setImplicitExit(true);
            Platform.startup(() -> {
                Stage stage = new Stage();
                new WorkbenchWindow(store, executor).show(stage, closed::countDown);
            });
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Platform.exit();
        return 0;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
