package org.aodnn.profilinglab.adb.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.aodnn.db.Store;
import org.aodnn.db.cli.CommandFailure;
import org.aodnn.db.cli.Json;
import org.aodnn.profilinglab.adb.client.AdbDevice;
import org.aodnn.profilinglab.adb.client.AdbException;
import org.aodnn.profilinglab.adb.control.ControlException;
import org.aodnn.profilinglab.adb.control.DeviceControl;
import org.aodnn.profilinglab.adb.shell.DeviceCommandException;
import org.aodnn.profilinglab.adb.state.CpuPolicy;
import org.aodnn.profilinglab.adb.state.DeviceOutputException;
import org.aodnn.profilinglab.adb.state.DeviceSnapshots;
import org.aodnn.profilinglab.adb.state.DeviceState;
import org.aodnn.profilinglab.adb.state.DeviceStateJson;
import org.aodnn.profilinglab.adb.state.DeviceStateReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code aodnn device show|set-freq|keep-screen-on|pause-charging|resume-charging|reset|connect}: one phone's
 * state and controls.
 */
@Command(name = "device", mixinStandardHelpOptions = true,
        description = "Show and control one Android device over adb.",
        subcommands = {DeviceCommand.Show.class, DeviceCommand.SetFreq.class, PhoneSettingCommands.KeepScreenOn.class,
            PhoneSettingCommands.PauseCharging.class, PhoneSettingCommands.ResumeCharging.class,
            DeviceCommand.Reset.class, DeviceCommand.Connect.class})
public final class DeviceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    static RuntimeException failure(RuntimeException e) {
        if (e instanceof CommandFailure f) {
            return f;
        }
        if (e instanceof AdbException || e instanceof DeviceCommandException || e instanceof ControlException
                || e instanceof DeviceOutputException) {
            return new CommandFailure(e.getMessage());
        }
        return e;
    }

    /** {@code device show SERIAL [--json]}: reads the state, stores it as a snapshot, prints it. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Read a device's state (CPUs, clocks, battery, thermal, screen, browsers) and store it.")
    static final class Show extends OnePhoneCommand {

        @Override
        public Integer call() {
            DeviceState state;
            try (AdbDevice d = adb.open(serial)) {
                state = DeviceStateReader.read(d);
            } catch (RuntimeException e) {
                throw failure(e);
            }
            long snapshotId;
            try (Store s = store.open()) {
                snapshotId = new DeviceSnapshots(s).store(state);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode doc = DeviceStateJson.toJson(state);
                doc.put("snapshotId", snapshotId);
                Json.print(out, doc);
                return 0;
            }
            DeviceStateText.print(out, state);
            out.flush();
            return 0;
        }
    }

    /** {@code device set-freq SERIAL --policy N [--governor G] [--min KHZ] [--max KHZ]}: lasting until reset. */
    @Command(name = "set-freq", mixinStandardHelpOptions = true,
            description = "Set a CPU policy's governor and frequency limits (needs root). The change lasts until "
                    + "'aodnn device reset SERIAL'; the original values are recorded first.")
    static final class SetFreq extends OnePhoneCommand {
        @Option(names = "--policy", required = true, paramLabel = "N", description = "cpufreq policy number")
        int policy;
        @Option(names = "--governor", paramLabel = "G", description = "e.g. performance, powersave, userspace, schedutil")
        String governor;
        @Option(names = "--min", paramLabel = "KHZ", description = "scaling_min_freq in kHz")
        Long min;
        @Option(names = "--max", paramLabel = "KHZ", description = "scaling_max_freq in kHz")
        Long max;

        @Override
        public Integer call() {
            if (policy < 0) {
                throw new CommandFailure("--policy " + policy + " is out of range (0 or more)", 2);
            }
            requirePositiveKhz("--min", min);
            requirePositiveKhz("--max", max);
            if (min != null && max != null && min > max) {
                throw new CommandFailure("--min " + min + " kHz is above --max " + max + " kHz", 2);
            }
            CpuPolicy after;
            try (AdbDevice d = adb.open(serial); Store s = store.open()) {
                after = new DeviceControl(d, s, "cli").setFrequency(policy, governor, min, max);
            } catch (RuntimeException e) {
                throw failure(e);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode doc = Json.object();
                doc.put("serial", serial);
                doc.set("policy", Json.MAPPER.valueToTree(after));
                Json.print(out, doc);
            } else {
                out.printf("%s policy%d: governor %s, min %d kHz, max %d kHz, now %s kHz (until 'aodnn device reset %s')%n",
                        serial, after.id(), after.governor(), after.scalingMinKhz(), after.scalingMaxKhz(),
                        after.curFreqKhz(), serial);
                out.flush();
            }
            return 0;
        }
    }

    private static void requirePositiveKhz(String option, Long khz) {
        if (khz != null && khz < 1) {
            throw new CommandFailure(option + " " + khz + " is out of range (at least 1 kHz)", 2);
        }
    }

    /** {@code device reset SERIAL}: applies every recorded original value. */
    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = "Put back every recorded original setting of a device (after set-freq, or a crashed session).")
    static final class Reset extends OnePhoneCommand {

        @Override
        public Integer call() {
            List<String> restored;
            try (AdbDevice d = adb.open(serial); Store s = store.open()) {
                restored = new DeviceControl(d, s, "cli").restoreAll();
            } catch (RuntimeException e) {
                throw failure(e);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode doc = Json.object();
                doc.put("serial", serial);
                doc.set("restored", Json.MAPPER.valueToTree(restored));
                Json.print(out, doc);
            } else {
                out.println(restored.isEmpty() ? serial + ": nothing to restore"
                        : serial + ": restored " + String.join(", ", restored));
                out.flush();
            }
            return 0;
        }
    }

    /** {@code device connect HOST:PORT}: {@code adb connect}, e.g. to a virtual phone. */
    @Command(name = "connect", mixinStandardHelpOptions = true,
            description = "Connect the adb server to a network device, e.g. a virtual phone at 127.0.0.1:5600.")
    static final class Connect implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        AdbOptions adb = new AdbOptions();
        @Parameters(paramLabel = "HOST:PORT")
        String target;

        @Override
        public Integer call() {
            if (!target.matches("[^:]+:\\d{1,5}")) {
                throw new CommandFailure("'" + target + "' is not HOST:PORT");
            }
            try {
                spec.commandLine().getOut().println(adb.server().connectDevice(target));
            } catch (IOException | AdbException e) {
                throw new CommandFailure(e.getMessage());
            }
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
