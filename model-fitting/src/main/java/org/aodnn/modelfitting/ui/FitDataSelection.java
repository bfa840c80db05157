package org.aodnn.modelfitting.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * Which stored measurements a fit trains on: the devices (stored profiles: the edge server, phones, the
 * reference browser), the quantity (latency, or energy where a device measured it), the backends and models,
 * all as tick lists, and the count of rows the ticks leave. Several devices may be ticked: rows of the same
 * backend on different devices train one platform predictor, with the device's threads and CPU frequency
 * as features (Eq. 1). Loading reads the database on the executor.
 */
final class FitDataSelection {

    private final Store store;
    private final TaskExecutor executor;
    private final WorkspaceMessages messages;

    // the extractor makes a tick a list change, so loads, the row count and canFit follow every tick
    private final ObservableList<SelectableItem> devices =
            FXCollections.observableArrayList(i -> new Observable[] {i.selectedProperty()});
    private final ReadOnlyStringWrapper devicesSummary = new ReadOnlyStringWrapper(this, "devicesSummary", "");
    private final ObservableList<SelectableItem> backends =
            FXCollections.observableArrayList(i -> new Observable[] {i.selectedProperty()});
    private final ObservableList<SelectableItem> models =
            FXCollections.observableArrayList(i -> new Observable[] {i.selectedProperty()});
    private final ReadOnlyStringWrapper selectionSummary = new ReadOnlyStringWrapper(this, "selectionSummary", "");
    private final javafx.beans.property.ReadOnlyObjectWrapper<SelectionKey> key =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "key", SelectionKey.NONE);
    private final ObjectProperty<Quantity> quantity = new SimpleObjectProperty<>(this, "quantity", Quantity.LATENCY);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private List<ProfileSummary> profileSummaries = List.of();
    private StoredRows.ProfileRows loadedRows = StoredRows.ProfileRows.EMPTY;
    // the ticked devices the loaded rows belong to; a tick change that leaves them as they are loads nothing
    private List<String> loadedDevices = List.of();
    // a load whose generation is no longer current was overtaken by a later choice and is dropped
    private long loadGeneration;
    // true while the device list is rebuilt or re-ticked in code, so one load follows, not one per tick
    private boolean adjustingDevices;

    FitDataSelection(Store store, TaskExecutor executor, WorkspaceMessages messages) {
        this.store = store;
        this.executor = executor;
        this.messages = messages;
        devices.addListener((ListChangeListener<SelectableItem>) c -> {
            if (!adjustingDevices) {
                loadTickedDevices(false);
            }
        });
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

    /**
     * Reads the stored profiles; keeps the ticked devices that still exist, else ticks the device with the most
     * rows (the one measured most thoroughly, not whichever name sorts first).
     */
    void reloadProfiles() {
        loading.set(true);
        executor.execute(BackgroundTask.of("Reading stored measurement profiles", () -> store.measurements().profiles()),
                TaskCallbacks.<List<ProfileSummary>>of(list -> {
                    loading.set(false);
                    profileSummaries = list;
                    List<String> names = list.stream().map(ProfileSummary::platform).distinct().toList();
                    Set<String> keep = tickedDevices();
                    boolean anyKept = names.stream().anyMatch(keep::contains);
                    String largest = list.stream().collect(Collectors.groupingBy(ProfileSummary::platform,
                                    LinkedHashMap::new, Collectors.summingInt(ProfileSummary::rows)))
                            .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
                    adjustingDevices = true;
                    devices.setAll(names.stream().map(n -> new SelectableItem(n,
                            anyKept ? keep.contains(n) : n.equals(largest))).toList());
                    adjustingDevices = false;
                    if (names.isEmpty()) {
                        messages.status("No measurements are stored yet: profile a device or import a layer CSV first.");
                    }
                    // the devices' rows may have changed even where the ticks did not: read them again
                    loadTickedDevices(true);
                }, e -> {
                    loading.set(false);
                    messages.error("Cannot read the stored measurements: " + WorkspaceMessages.describe(e));
                }));
    }

    /** Ticks exactly the named devices (one load follows); names not stored are ignored. */
    void selectDevices(List<String> names) {
        adjustingDevices = true;
        devices.forEach(d -> d.setSelected(names.contains(d.name())));
        adjustingDevices = false;
        loadTickedDevices(false);
    }

    private void loadTickedDevices(boolean evenIfUnchanged) {
        List<String> chosen = devices.stream().filter(SelectableItem::isSelected).map(SelectableItem::name).toList();
        if (!evenIfUnchanged && chosen.equals(loadedDevices)) {
            return;
        }
        long generation = ++loadGeneration;
        // what was loaded for other ticks no longer applies, whether or not this load succeeds
        loadedDevices = List.of();
        loadedRows = StoredRows.ProfileRows.EMPTY;
        if (chosen.isEmpty()) {
            loadedDevices = chosen;
            loading.set(false);
            backends.clear();
            models.clear();
            devicesSummary.set(devices.isEmpty() ? "" : "Tick at least one device.");
            updateSelectionSummary();
            return;
        }
        loading.set(true);
        messages.error("");
        String what = String.join(", ", chosen);
        executor.execute(BackgroundTask.of("Loading measurements of " + what, () -> {
            List<StoredRows.ProfileRows> parts = new ArrayList<>();
            for (String device : chosen) {
                parts.add(StoredRows.ofProfile(store, device));
            }
            return StoredRows.ProfileRows.concat(parts);
        }), TaskCallbacks.<StoredRows.ProfileRows>of(loaded -> {
            if (generation != loadGeneration) {
                return; // the ticks changed meanwhile; a later load is under way
            }
            loadedDevices = chosen;
            loadedRows = loaded;
            loading.set(false);
            keepTicks(backends, loaded.latency().stream().map(LayerSample::platform));
            keepTicks(models, loaded.latency().stream().map(LayerSample::model));
            devicesSummary.set(describe(chosen));
            messages.status("Loaded " + loaded.latency().size() + " measurements of " + what
                    + (loaded.energy().isEmpty() ? "" : ", " + loaded.energy().size() + " of them with energy") + ".");
            updateSelectionSummary();
        }, e -> {
            if (generation != loadGeneration) {
                return;
            }
            loading.set(false);
            backends.clear();
            models.clear();
            devicesSummary.set("");
            updateSelectionSummary();
            messages.error("Cannot load the measurements of " + what + ": " + WorkspaceMessages.describe(e));
        }));
    }

    /** Offers these names, sorted; a name offered before keeps its tick, a new one comes ticked. */
    private static void keepTicks(ObservableList<SelectableItem> items, java.util.stream.Stream<String> names) {
        Map<String, Boolean> before = new HashMap<>();
        items.forEach(i -> before.put(i.name(), i.isSelected()));
        items.setAll(names.collect(Collectors.toCollection(TreeSet::new)).stream()
                .map(n -> new SelectableItem(n, before.getOrDefault(n, true))).toList());
    }

    private String describe(List<String> chosen) {
        List<String> perDevice = new ArrayList<>();
        int rows = 0;
        for (String device : chosen) {
            Map<String, TreeSet<Integer>> threads = new TreeMap<>();
            for (ProfileSummary p : profileSummaries) {
                if (p.platform().equals(device)) {
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
            perDevice.add(chosen.size() == 1 ? parts : device + ": " + parts);
        }
        int withEnergy = loadedRows.energy().size();
        return String.format(Locale.ROOT, "%d rows, %d models: %s; %s", rows, models.size(),
                String.join("; ", perDevice), withEnergy == 0 ? "no energy measured" : withEnergy + " rows with energy");
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
        key.set(new SelectionKey(loadedDevices, tickedBackends(), tickedModels(), quantity.get()));
        if (quantity.get() == Quantity.LATENCY) {
            selectionSummary.set(selectedRows().size() + " rows selected");
            return;
        }
        int withEnergy = selectedRows().size();
        int ticked = onTicks(loadedRows.latency()).size();
        selectionSummary.set(loadedRows.latency().isEmpty() ? "0 rows selected"
                : loadedRows.energy().isEmpty() ? "No energy measured on the ticked devices: energy comes from phone"
                        + " runs that read the battery (Profiling Lab, Phones)."
                : withEnergy + " rows with energy selected (" + (ticked - withEnergy) + " ticked rows without energy_mj"
                        + " left out)");
    }

    /** The ticked devices' rows of the chosen quantity on the ticked backends and models: what a fit trains on. */
    List<LayerSample> selectedRows() {
        return onTicks(loadedRows.of(quantity.get()));
    }

    private List<LayerSample> onTicks(List<LayerSample> rows) {
        Set<String> b = tickedBackends();
        Set<String> m = tickedModels();
        return rows.stream().filter(r -> b.contains(r.platform()) && m.contains(r.model())).toList();
    }

    /** Whether the ticked devices have any rows of the chosen quantity at all (other ticks aside). */
    boolean hasRows() {
        return !loadedRows.of(quantity.get()).isEmpty();
    }

    /** Whether the ticked devices have rows at all, whatever they measured. */
    boolean hasAnyRows() {
        return !loadedRows.latency().isEmpty();
    }

    /** The ticked devices in list order, as loaded. */
    List<String> loadedDevices() {
        return loadedDevices;
    }

    Set<String> tickedDevices() {
        return ticked(devices);
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

    ObservableList<SelectableItem> devices() {
        return devices;
    }

    ReadOnlyStringProperty devicesSummaryProperty() {
        return devicesSummary.getReadOnlyProperty();
    }

    ObservableList<SelectableItem> backends() {
        return backends;
    }

    ObservableList<SelectableItem> models() {
        return models;
    }

    /** What is ticked (devices loaded, backends, models, quantity): a fit's data, short of the rows themselves. */
    javafx.beans.property.ReadOnlyObjectProperty<SelectionKey> keyProperty() {
        return key.getReadOnlyProperty();
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
