package org.aodnn.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.scene.layout.Pane;
import org.aodnn.db.task.Activatable;
import org.junit.jupiter.api.Test;

/** Only the shown workspace is active; switching deactivates the previous one first. */
class MainWindowViewModelTest {

    private final List<String> events = new ArrayList<>();

    private Workspace workspace(String title) {
        return new Workspace(title, "x.png", new Pane(), new Activatable() {
            @Override
            public void activate() {
                events.add("on " + title);
            }

            @Override
            public void deactivate() {
                events.add("off " + title);
            }
        });
    }

    @Test
    void switchingWorkspacesDeactivatesThenActivates() {
        ObservableList<Task<?>> tasks = FXCollections.observableArrayList();
        MainWindowViewModel vm = new MainWindowViewModel("/tmp/x.mv.db", List.of(workspace("A"), workspace("B")), tasks);
        vm.select("A");
        vm.select("B");
        vm.shutdown();
        assertEquals(List.of("on A", "off A", "on B", "off B"), events);
        assertEquals("No background tasks", vm.taskSummaryProperty().get());
        assertEquals("Database: /tmp/x.mv.db", vm.databaseLocationProperty().get());
        assertThrows(IllegalArgumentException.class, () -> vm.select("C"));
    }
}
