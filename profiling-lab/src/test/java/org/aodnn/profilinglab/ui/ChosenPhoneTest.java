package org.aodnn.profilinglab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

/**
 * The phone the controls work on: it is unchosen when it leaves the live list or is no longer online (not when
 * another phone's row changes), it is locked only while the lab profiles that very phone, and its description
 * says what its first read found.
 */
class ChosenPhoneTest {

    private final ObservableList<DeviceRow> devices = FXCollections.observableArrayList(row("A", true), row("B", true));
    private final SimpleStringProperty profiling = new SimpleStringProperty();
    private final ChosenPhone phone = new ChosenPhone(devices, profiling);

    private static DeviceRow row(String serial, boolean online) {
        return new DeviceRow(serial, online ? "device" : "offline", "Pixel 7 (simulated)", "", "", "", "", true, online,
                "");
    }

    @Test
    void aPhoneThatLeavesTheListOrGoesOfflineIsUnchosen() {
        phone.serialProperty().set("A");
        devices.set(1, row("B", false));
        assertEquals("A", phone.serial(), "another phone's row changing keeps the choice");
        devices.set(0, row("A", true));
        assertEquals("A", phone.serial(), "its own refreshed row keeps the choice");

        devices.set(0, row("A", false));
        assertNull(phone.serial(), "an offline phone cannot be controlled");

        devices.set(1, row("B", true));
        phone.serialProperty().set("B");
        devices.remove(1);
        assertNull(phone.serial(), "an unplugged phone (or a hidden workspace's emptied list) is unchosen");
    }

    @Test
    void aPhoneIsLockedOnlyWhileTheLabProfilesIt() {
        phone.serialProperty().set("A");
        assertFalse(phone.profiled());

        profiling.set("local-chromium");
        assertFalse(phone.profiled(), "a session in the local browser leaves the phone free");
        profiling.set("adb:B");
        assertFalse(phone.profiled(), "a session on another phone leaves this one free");
        profiling.set("adb:A");
        assertTrue(phone.profiled());
        assertTrue(phone.profiledBinding().get());

        phone.serialProperty().set("B");
        assertFalse(phone.profiled());
        phone.serialProperty().set(null);
        assertFalse(phone.profiled(), "no phone chosen, nothing locked");
        profiling.set(null);
        phone.serialProperty().set("A");
        assertFalse(phone.profiled(), "the session ended");
    }

    @Test
    void theDescriptionSaysWhatTheReadFound() {
        assertEquals(ChosenPhone.NONE, phone.deviceProperty().get());
        phone.serialProperty().set("A");
        phone.reading("A");
        assertEquals("A: reading its state", phone.deviceProperty().get());
        assertFalse(phone.loaded());

        phone.read(PhoneStates.state("A", "su 0", 128, PhoneStates.policy(0, "schedutil", 300_000L)));
        assertTrue(phone.loaded());
        assertTrue(phone.rootedProperty().get());
        assertEquals("A: Google Pixel 7 (simulated), root via su 0, brightness 128", phone.deviceProperty().get());

        phone.read(PhoneStates.state("A", null, null));
        assertFalse(phone.rootedProperty().get());
        assertEquals("A: Google Pixel 7 (simulated), no root (frequency and charging controls refused), brightness n/a",
                phone.deviceProperty().get());

        phone.forget();
        assertFalse(phone.loaded());
        assertFalse(phone.rootedProperty().get());
        phone.unreadable("A");
        assertEquals("A: its state cannot be read (the reason is below)", phone.deviceProperty().get());
        phone.reading(null);
        assertEquals(ChosenPhone.NONE, phone.deviceProperty().get());
    }

    @Test
    void onlyTheChosenSerialIsChosen() {
        phone.serialProperty().set("A");
        assertTrue(phone.isChosen("A"));
        assertFalse(phone.isChosen("B"));
        phone.serialProperty().set(null);
        assertFalse(phone.isChosen("A"));
    }
}
