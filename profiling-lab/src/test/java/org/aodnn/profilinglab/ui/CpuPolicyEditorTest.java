package org.aodnn.profilinglab.ui;

import static org.aodnn.profilinglab.ui.PhoneStates.policy;
import static org.aodnn.profilinglab.ui.PhoneStates.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.aodnn.profilinglab.adb.state.CpuPolicy;
import org.aodnn.profilinglab.adb.state.DeviceState;
import org.junit.jupiter.api.Test;

/**
 * The chosen phone's policies and the edited choices: the first policy is edited at first with its own values;
 * the live refresh of that phone replaces the rows but keeps what the operator chose and has not applied yet,
 * while a read-back puts the phone's values back; another phone's refresh is not shown; an edited policy that
 * disappears hands the edit to the first one.
 */
class CpuPolicyEditorTest {

    private static final String SERIAL = "127.0.0.1:5555";

    private final ObservableMap<String, DeviceState> liveStates = FXCollections.observableHashMap();
    private final SimpleStringProperty chosen = new SimpleStringProperty(SERIAL);
    private final CpuPolicyEditor editor = new CpuPolicyEditor(liveStates, chosen);

    @Test
    void theFirstPolicyIsEditedWithItsOwnValues() {
        assertFalse(editor.policySelectedBinding().get());

        liveStates.put(SERIAL, state(SERIAL, "adbd", 102, policy(0, "schedutil", 300_000L),
                policy(4, "performance", 1_804_800L)));

        assertEquals(List.of(0, 4), editor.policies().stream().map(CpuPolicy::id).toList());
        assertEquals(0, editor.selectedPolicyIdProperty().get());
        assertTrue(editor.policySelectedBinding().get());
        assertEquals(PhoneStates.GOVERNORS, editor.governorChoices());
        assertEquals(PhoneStates.FREQS, editor.frequencyChoices());
        assertEquals("schedutil", editor.governorProperty().get());
        assertEquals(300_000L, editor.minKhzProperty().get());
        assertEquals(1_804_800L, editor.maxKhzProperty().get());

        editor.selectedPolicyIdProperty().set(4);
        assertEquals("performance", editor.governorProperty().get(), "choosing a policy shows its own values");
        assertEquals(4, editor.editedPolicy().id());
    }

    @Test
    void theLiveRefreshKeepsTheOperatorsChoicesAndAReadBackPutsThePhonesValuesBack() {
        liveStates.put(SERIAL, state(SERIAL, "adbd", 102, policy(0, "schedutil", 300_000L)));
        editor.governorProperty().set("performance");
        editor.maxKhzProperty().set(1_248_000L);

        liveStates.put(SERIAL, state(SERIAL, "adbd", 102, policy(0, "schedutil", 1_248_000L)));

        assertEquals(1_248_000L, editor.policies().get(0).curFreqKhz(), "the rows follow the moving clock");
        assertEquals("performance", editor.governorProperty().get(), "the unapplied choice stays");
        assertEquals(1_248_000L, editor.maxKhzProperty().get());

        editor.show(state(SERIAL, "adbd", 102, policy(0, "schedutil", 1_248_000L)), true);
        assertEquals("schedutil", editor.governorProperty().get(), "a read-back shows what the phone has");
        assertEquals(1_804_800L, editor.maxKhzProperty().get());
    }

    @Test
    void anotherPhonesRefreshIsNotShown() {
        liveStates.put(SERIAL, state(SERIAL, "adbd", 102, policy(0, "schedutil", 300_000L)));

        liveStates.put("emulator-5554", state("emulator-5554", "adbd", 102, policy(0, "powersave", 300_000L),
                policy(7, "powersave", 300_000L)));

        assertEquals(List.of(0), editor.policies().stream().map(CpuPolicy::id).toList());
        assertEquals("schedutil", editor.policies().get(0).governor());
    }

    @Test
    void anEditedPolicyThatIsGoneHandsTheEditToTheFirst() {
        liveStates.put(SERIAL, state(SERIAL, "adbd", 102, policy(0, "schedutil", 300_000L),
                policy(4, "performance", 1_804_800L)));
        editor.selectedPolicyIdProperty().set(4);

        liveStates.put(SERIAL, state(SERIAL, "adbd", 102, policy(0, "powersave", 300_000L)));

        assertEquals(0, editor.selectedPolicyIdProperty().get());
        assertEquals("powersave", editor.governorProperty().get());

        editor.show(state(SERIAL, "adbd", 102), true);
        assertEquals(CpuPolicyEditor.NO_POLICY, editor.selectedPolicyIdProperty().get(), "a phone without cpufreq");
        assertNull(editor.governorProperty().get());
        assertTrue(editor.governorChoices().isEmpty());
        assertFalse(editor.policySelectedBinding().get());
    }

    @Test
    void clearingLeavesNothingToEdit() {
        liveStates.put(SERIAL, state(SERIAL, "adbd", 102, policy(0, "schedutil", 300_000L)));

        editor.clear();

        assertTrue(editor.policies().isEmpty());
        assertEquals(CpuPolicyEditor.NO_POLICY, editor.selectedPolicyIdProperty().get());
        assertNull(editor.editedPolicy());
        assertTrue(editor.governorChoices().isEmpty());
        assertTrue(editor.frequencyChoices().isEmpty());
        assertNull(editor.governorProperty().get());
        assertNull(editor.minKhzProperty().get());
        assertNull(editor.maxKhzProperty().get());
    }

    @Test
    void theChangeIsMadeFromTheChoices() {
        liveStates.put(SERIAL, state(SERIAL, "adbd", 102, policy(0, "schedutil", 300_000L)));
        editor.governorProperty().set("powersave");

        assertEquals(new FrequencyChange(0, "powersave", null, null), editor.change(SERIAL, editor.editedPolicy()));
    }
}
