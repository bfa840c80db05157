package org.aodnn.profilinglab.ui;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.aodnn.profilinglab.adb.state.CpuPolicy;
import org.aodnn.profilinglab.adb.state.DeviceState;

/**
 * The chosen phone's cpufreq policies, and the governor and limits the operator edits for one of them. The live
 * refresh replaces the policy rows every few seconds (the clocks move) but leaves the edited choices alone, or the
 * operator's half-made choice would be undone under the mouse; a first read, an action's read-back and choosing
 * another policy put that policy's own values into the choices.
 */
final class CpuPolicyEditor {

    static final int NO_POLICY = -1;

    private final ObservableList<CpuPolicy> policies = FXCollections.observableArrayList();
    private final IntegerProperty selectedPolicyId = new SimpleIntegerProperty(NO_POLICY);
    private final ObservableList<String> governorChoices = FXCollections.observableArrayList();
    private final ObservableList<Long> frequencyChoices = FXCollections.observableArrayList();
    private final StringProperty governor = new SimpleStringProperty();
    private final ObjectProperty<Long> minKhz = new SimpleObjectProperty<>();
    private final ObjectProperty<Long> maxKhz = new SimpleObjectProperty<>();
    private final BooleanBinding policySelected;

    /** {@code liveStates}: serial → the last state the live refresh read; {@code chosenSerial}: the chosen phone. */
    CpuPolicyEditor(ObservableMap<String, DeviceState> liveStates, ObservableValue<String> chosenSerial) {
        // made before the listener below, so that it hears a new selection first (as the controls' enabling does)
        policySelected = selectedPolicyId.greaterThanOrEqualTo(0);
        selectedPolicyId.addListener((obs, old, now) -> editPolicy());
        liveStates.addListener((MapChangeListener<String, DeviceState>) c -> {
            if (c.wasAdded() && c.getKey().equals(chosenSerial.getValue())) {
                show(c.getValueAdded(), false);
            }
        });
    }

    /** Another phone (or none) was chosen: no policies until its state is read. */
    void clear() {
        policies.clear();
        selectedPolicyId.set(NO_POLICY);
        editPolicy();
    }

    /**
     * Shows the state's policies, keeping the edited one when it still exists (else the first is edited).
     * {@code edit}: also put the edited policy's values into the choices (after an action or a load).
     */
    void show(DeviceState state, boolean edit) {
        int keep = selectedPolicyId.get();
        policies.setAll(state.policies());
        if (policy(keep) == null) {
            selectedPolicyId.set(policies.isEmpty() ? NO_POLICY : policies.get(0).id());
        } else if (edit) {
            editPolicy();
        }
    }

    private void editPolicy() {
        CpuPolicy p = policy(selectedPolicyId.get());
        if (p == null) {
            governorChoices.clear();
            frequencyChoices.clear();
            governor.set(null);
            minKhz.set(null);
            maxKhz.set(null);
            return;
        }
        governorChoices.setAll(p.availableGovernors());
        frequencyChoices.setAll(p.availableFreqsKhz());
        governor.set(p.governor());
        minKhz.set(p.scalingMinKhz());
        maxKhz.set(p.scalingMaxKhz());
    }

    /** The edited policy as last read, null for none. */
    CpuPolicy editedPolicy() {
        return policy(selectedPolicyId.get());
    }

    private CpuPolicy policy(int id) {
        return policies.stream().filter(p -> p.id() == id).findFirst().orElse(null);
    }

    /** The change from the edited policy as read to the choices; see {@link FrequencyChange#between}. */
    FrequencyChange change(String serial, CpuPolicy now) {
        return FrequencyChange.between(serial, now, governor.get(), minKhz.get(), maxKhz.get());
    }

    ObservableList<CpuPolicy> policies() {
        return policies;
    }

    IntegerProperty selectedPolicyIdProperty() {
        return selectedPolicyId;
    }

    /** True while a policy is edited. */
    BooleanBinding policySelectedBinding() {
        return policySelected;
    }

    ObservableList<String> governorChoices() {
        return governorChoices;
    }

    ObservableList<Long> frequencyChoices() {
        return frequencyChoices;
    }

    StringProperty governorProperty() {
        return governor;
    }

    ObjectProperty<Long> minKhzProperty() {
        return minKhz;
    }

    ObjectProperty<Long> maxKhzProperty() {
        return maxKhz;
    }
}
