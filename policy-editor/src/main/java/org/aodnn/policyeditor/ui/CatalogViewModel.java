package org.aodnn.policyeditor.ui;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.aodnn.db.Store;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.db.domain.ModelLayer;
import org.aodnn.db.domain.ModelSummary;
import org.aodnn.db.task.Activatable;
import org.aodnn.db.task.BackgroundTask;
import org.aodnn.db.task.TaskCallbacks;
import org.aodnn.db.task.TaskExecutor;

/**
 * The model catalog as the Policy Editor shows it: every stored network and the layer table of the
 * selected one (valid cut points marked). Loads from the database whenever the workspace is shown.
 */
public final class CatalogViewModel implements Activatable {

    private final Store store;
    private final TaskExecutor executor;
    private final ObservableList<ModelSummary> models = FXCollections.observableArrayList();
    private final ObservableList<ModelLayer> layers = FXCollections.observableArrayList();
    private final ObjectProperty<ModelSummary> selectedModel = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");

    public CatalogViewModel(Store store, TaskExecutor executor) {
        this.store = store;
        this.executor = executor;
        selectedModel.addListener((obs, old, now) -> loadLayers(now));
    }

    @Override
    public void activate() {
        executor.execute(BackgroundTask.of("Loading the model catalog", () -> store.models().list()),
                TaskCallbacks.<List<ModelSummary>>of(list -> {
                    ModelSummary previous = selectedModel.get();
                    models.setAll(list);
                    status.set(list.size() + " models in the catalog");
                    selectedModel.set(list.stream()
                            .filter(m -> previous != null && m.name().equals(previous.name()))
                            .findFirst().orElse(list.isEmpty() ? null : list.get(0)));
                }, error -> status.set("Cannot load the catalog: " + error.getMessage())));
    }

    @Override
    public void deactivate() {
        // Nothing polls here; a reload happens on the next activation.
    }

    private void loadLayers(ModelSummary model) {
        if (model == null) {
            layers.clear();
            return;
        }
        executor.execute(BackgroundTask.of("Loading " + model.name(),
                        () -> store.models().find(model.name()).map(DnnModel::layers).orElse(List.of())),
                TaskCallbacks.<List<ModelLayer>>of(layers::setAll,
                        error -> status.set("Cannot load " + model.name() + ": " + error.getMessage())));
    }

    public ObservableList<ModelSummary> models() {
        return models;
    }

    public ObservableList<ModelLayer> layers() {
        return layers;
    }

    public ObjectProperty<ModelSummary> selectedModelProperty() {
        return selectedModel;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
