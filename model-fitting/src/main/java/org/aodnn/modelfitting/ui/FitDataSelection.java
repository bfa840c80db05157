package org.aodnn.modelfitting.ui;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.aodnn.db.Store;
import org.aodnn.db.repo.MeasurementRepository.ProfileSummary;
import org.aodnn.db.task.BackgroundTask;
import org.aodnn.db.task.TaskCallbacks;
import org.aodnn.db.task.TaskExecutor;
import org.aodnn.modelfitting.predictor.LayerSample;
import org.aodnn.modelfitting.predictor.Quantity;

/**
 * Which stored measurements a fit trains on: the profile (a measured platform), the quantity (latency, or
 * energy where the profile measured it), its backends and models as tick lists, and the count of rows the
 * ticks leave. Loading a profile reads the database on the executor.
 */
final class FitDataSelection {

    private final Store store;
    private final TaskExecutor executor;
    private final WorkspaceMessages messages;

    private final ObservableList<String> profiles = FXCollections.observableArrayList();
    private final StringProperty profile = new SimpleStringProperty(this, "profile");
    private final ReadOnlyStringWrapper profileSummary = new ReadOnlyStringWrapper(this, "profileSummary", "");
    // the extractor makes a tick a list change, so the row count and canFit follow every tick
    private final ObservableList<SelectableItem> backends =
            FXCollections.observableArrayList(i -> new Observable[] {i.selectedProperty()});
    private final ObservableList<SelectableItem> models =
            FXCollections.observableArrayList(i -> new Observable[] {i.selectedProperty()});
    private final ReadOnlyStringWrapper selectionSummary = new ReadOnlyStringWrapper(this, "selectionSummary", "");
    private final ObjectProperty<Quantity> quantity = new SimpleObjectProperty<>(this, "quantity", Quantity.LATENCY);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private List<ProfileSummary> profileSummaries = List.of();
    private StoredRows.ProfileRows profileRows = StoredRows.ProfileRows.EMPTY;
    // a load whose generation is no longer current was overtaken by a later choice and is dropped
    private long loadGeneration;

    FitDataSelection(Store store, TaskExecutor executor, WorkspaceMessages messages) {
        this.store = store;
        this.executor = executor;
        this.messages = messages;
        profile.addListener((obs, old, now) -> loadProfile(now));
        backends.addListener((ListChangeListener<SelectableItem>) c -> updateSelectionSummary());
        models.addListener((ListChangeListener<SelectableItem>) c -> updateSelectionSummary());
        quantity.addListener((obs, old, now) -> {
            if (now == null) {
                quantity.set(Quantity.LATENCY); // "no quantity" is not a choice
            } else {
                updateSelectionSummary();
            }
        });
    }

    /** Reads the stored profiles; keeps the chosen one if it still exists, else chooses the first. */
    void reloadProfiles() {
        loading.set(true);
        executor.execute(BackgroundTask.of("Reading stored measurement profiles", () -> store.measurements().profiles()),
                TaskCallbacks.<List<ProfileSummary>>of(list -> {
                    loading.set(false);
                    profileSummaries = list;
                    List<String> names = list.stream().map(ProfileSummary::platform).distinct().toList();
                    String keep = profile.get();
                    profiles.setAll(names);
                    if (names.isEmpty()) {
                        profile.set(null);
                        messages.status("No measurements are stored yet: profile a device or import a layer CSV first.");
                    } else if (keep != null && names.contains(keep)) {
                        // setting the same value fires no change, so the kept profile is re-read explicitly
                        loadProfile(keep);
                    } else {
                        profile.set(names.get(0));
                    }
                }, e -> {
                    loading.set(false);
                    messages.error("Cannot read the stored measurements: " + WorkspaceMessages.describe(e));
                }));
    }

    private void loadProfile(String name) {
        long generation = ++loadGeneration;
        profileRows = StoredRows.ProfileRows.EMPTY;
        backends.clear();
        models.clear();
        if (name == null) {
            profileSummary.set("");
            return;
        }
        loading.set(true);
        messages.error("");
        executor.execute(BackgroundTask.of("Loading measurements of " + name, () -> StoredRows.ofProfile(store, name)),
                TaskCallbacks.<StoredRows.ProfileRows>of(loaded -> {
                    if (generation != loadGeneration) {
                        return; // another profile was chosen meanwhile
                    }
                    profileRows = loaded;
                    List<LayerSample> rows = loaded.latency();
                    loading.set(false);
                    backends.setAll(rows.stream().map(LayerSample::platform).collect(Collectors.toCollection(TreeSet::new))
                            .stream().map(b -> new SelectableItem(b, true)).toList());
                    models.setAll(rows.stream().map(LayerSample::model).collect(Collectors.toCollection(TreeSet::new))
                            .stream().map(m -> new SelectableItem(m, true)).toList());
                    profileSummary.set(describeProfile(name));
                    messages.status("Loaded " + rows.size() + " measurements of " + name
                            + (loaded.energy().isEmpty() ? "" : ", " + loaded.energy().size() + " of them with energy") + ".");
                    updateSelectionSummary();
                }, e -> {
                    if (generation != loadGeneration) {
                        return;
                    }
                    loading.set(false);
                    messages.error("Cannot load the measurements of '" + name + "': " + WorkspaceMessages.describe(e));
                }));
    }

    private String describeProfile(String name) {
        Map<String, TreeSet<Integer>> threads = new TreeMap<>();
        int rows = 0;
        for (ProfileSummary p : profileSummaries) {
            if (p.platform().equals(name)) {
                rows += p.rows();
                String backend = p.backend().isEmpty() ? p.target() : p.target() + "/" + p.backend();
                threads.computeIfAbsent(backend, b -> new TreeSet<>()).add(p.threads());
            }
        }
        // thread counts are only worth showing where threads were varied (0 means "not applicable")
        String parts = threads.entrySet().stream()
                .map(e -> e.getKey() + (e.getValue().equals(Set.of(0)) ? "" : " (threads " + e.getValue().stream()
                        .map(String::valueOf).collect(Collectors.joining("/")) + ")"))
                .collect(Collectors.joining(", "));
        int withEnergy = profileRows.energy().size();
        return String.format(Locale.ROOT, "%d rows, %d models: %s; %s", rows, models.size(), parts,
                withEnergy == 0 ? "no energy measured" : withEnergy + " rows with energy");
    }

    void selectAllModels(boolean selected) {
        models.forEach(m -> m.setSelected(selected));
    }

    void selectModels(List<String> names) {
        models.forEach(m -> m.setSelected(names.contains(m.name())));
    }

    void selectBackends(List<String> names) {
        backends.forEach(b -> b.setSelected(names.contains(b.name())));
    }

    private void updateSelectionSummary() {
        if (quantity.get() == Quantity.LATENCY) {
            selectionSummary.set(selectedRows().size() + " rows selected");
            return;
        }
        int withEnergy = selectedRows().size();
        int ticked = onTicks(profileRows.latency()).size();
        selectionSummary.set(profileRows.latency().isEmpty() ? "0 rows selected"
                : profileRows.energy().isEmpty() ? "No energy measured in this profile: energy comes from phone runs"
                        + " that read the battery (Profiling Lab, Phones)."
                : withEnergy + " rows with energy selected (" + (ticked - withEnergy) + " ticked rows without energy_mj"
                        + " left out)");
    }

    /** The profile's rows of the chosen quantity on the ticked backends and models: what a fit trains on. */
    List<LayerSample> selectedRows() {
        return onTicks(profileRows.of(quantity.get()));
    }

    private List<LayerSample> onTicks(List<LayerSample> rows) {
        Set<String> b = tickedBackends();
        Set<String> m = tickedModels();
        return rows.stream().filter(r -> b.contains(r.platform()) && m.contains(r.model())).toList();
    }

    /** Whether the chosen profile has any rows of the chosen quantity at all (ticks aside). */
    boolean hasRows() {
        return !profileRows.of(quantity.get()).isEmpty();
    }

    /** Whether the chosen profile has rows at all, whatever they measured. */
    boolean hasAnyRows() {
        return !profileRows.latency().isEmpty();
    }

    Set<String> tickedBackends() {
        return ticked(backends);
    }

    Set<String> tickedModels() {
        return ticked(models);
    }

    private static Set<String> ticked(List<SelectableItem> items) {
        return items.stream().filter(SelectableItem::isSelected).map(SelectableItem::name)
                .collect(Collectors.toSet());
    }

    ObservableList<String> profiles() {
        return profiles;
    }

    StringProperty profileProperty() {
        return profile;
    }

    ReadOnlyStringProperty profileSummaryProperty() {
        return profileSummary.getReadOnlyProperty();
    }

    ObservableList<SelectableItem> backends() {
        return backends;
    }

    ObservableList<SelectableItem> models() {
        return models;
    }

    ReadOnlyStringProperty selectionSummaryProperty() {
        return selectionSummary.getReadOnlyProperty();
    }

    ObjectProperty<Quantity> quantityProperty() {
        return quantity;
    }

    ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
