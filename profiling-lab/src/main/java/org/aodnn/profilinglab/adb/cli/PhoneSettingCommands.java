package org.aodnn.profilinglab.adb.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import org.aodnn.db.Store;
import org.aodnn.db.cli.CommandFailure;
import org.aodnn.db.cli.Json;
import org.aodnn.profilinglab.adb.client.AdbDevice;
import org.aodnn.profilinglab.adb.control.DeviceControl;
import org.aodnn.profilinglab.adb.state.DeviceState;
import org.aodnn.profilinglab.adb.state.DeviceStateReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The Phones tab's measurement settings as commands ({@code device keep-screen-on|pause-charging|resume-charging}):
 * each records the original first, as the window does, so {@code device reset} puts everything back.
 */
final class PhoneSettingCommands {

    private PhoneSettingCommands() {
    }

    /** One device, one change through {@link DeviceControl}, then the state read back. */
    abstract static class Change extends OnePhoneCommand {

        /** Makes the change; returns what was done, or throws a {@link CommandFailure} saying why not. */
        abstract String change(DeviceControl control);

        /** Checks the options before the phone is opened (bad usage is said even with the phone away). */
        void checkOptions() {
        }

        @Override
        public Integer call() {
            checkOptions();
            String done;
            DeviceState state;
            try (AdbDevice d = adb.open(serial); Store s = store.open()) {
                done = change(new DeviceControl(d, s, "cli"));
                state = DeviceStateReader.read(d);
            } catch (RuntimeException e) {
                throw DeviceCommand.failure(e);
            }
            String battery = state.battery() == null ? "unknown" : state.battery().status();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode doc = Json.object();
                doc.put("serial", serial);
                doc.put("done", done);
                doc.put("battery", battery);
                if (state.brightness() == null) {
                    doc.putNull("brightness");
                } else {
                    doc.put("brightness", state.brightness());
                }
                Json.print(out, doc);
            } else {
                out.println(serial + ": " + done + " (battery " + battery + ", brightness "
                        + (state.brightness() == null ? "n/a" : state.brightness()) + ")");
                out.flush();
            }
            return 0;
        }
    }

    @Command(name = "keep-screen-on", mixinStandardHelpOptions = true,
            description = "Keep the screen on (while plugged in) at a fixed manual brightness; originals recorded.")
    static final class KeepScreenOn extends Change {
        @Option(names = "--brightness", paramLabel = "0-255", defaultValue = "128",
                description = "manual brightness (default ${DEFAULT-VALUE})")
        int brightness;

        @Override
        void checkOptions() {
            if (brightness < 0 || brightness > 255) {
                throw new CommandFailure("--brightness " + brightness + ": expected 0 to 255", 2);
            }
        }

        @Override
        String change(DeviceControl control) {
            control.keepScreenOn(brightness);
            return "screen kept on at brightness " + brightness;
        }
    }

    @Command(name = "pause-charging", mixinStandardHelpOptions = true,
            description = "Stop charging through the phone's charging switch (root needed), so energy excludes the charger.")
    static final class PauseCharging extends Change {
        @Override
        String change(DeviceControl control) {
            String sw = control.pauseCharging();
            if (sw == null) {
                throw new CommandFailure(serial + ": " + (control.root() == null
                        ? "no root access; pausing charging needs a rooted phone or a userdebug build"
                        : "none of the known charging switches") + "; nothing was changed");
            }
            return "charging paused through " + sw;
        }
    }

    @Command(name = "resume-charging", mixinStandardHelpOptions = true,
            description = "Put the charging switch back as it was before pause-charging; other recorded changes stay.")
    static final class ResumeCharging extends Change {
        @Override
        String change(DeviceControl control) {
            List<String> restored = control.resumeCharging();
            if (restored.isEmpty()) {
                throw new CommandFailure(serial + ": charging was not paused by the Workbench; nothing to resume");
            }
            return "charging resumed: " + String.join(", ", restored);
        }
    }
}
