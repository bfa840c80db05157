package org.aodnn.profilinglab.adb.state;

/**
 * Whether the display is on, from {@code dumpsys power}: {@code wakefulness} is Awake, Asleep, Dozing or
 * Dreaming; {@code displayState} the display power state (ON, OFF, DOZE) when printed. {@code on} is null when
 * neither was found.
 */
public record ScreenState(Boolean on, String wakefulness, String displayState) {
}
