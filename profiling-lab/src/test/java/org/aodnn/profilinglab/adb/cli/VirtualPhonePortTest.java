package org.aodnn.profilinglab.adb.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.aodnn.profilinglab.adb.client.EmulatorScan;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The virtual phone's default port is outside the adb server's emulator scan, where it would be listed twice. */
class VirtualPhonePortTest {

    @Test
    void theDefaultPortIsNotScannedForEmulators() {
        String port = new CommandLine(new VirtualPhoneCommand()).getCommandSpec().findOption("--port").defaultValue();
        assertFalse(EmulatorScan.scans(Integer.parseInt(port)), "default port " + port);
    }
}
