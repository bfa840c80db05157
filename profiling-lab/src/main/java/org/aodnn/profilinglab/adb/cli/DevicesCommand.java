package org.aodnn.profilinglab.adb.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.aodnn.db.cli.CommandFailure;
import org.aodnn.db.cli.Json;
import org.aodnn.profilinglab.adb.client.AdbDeviceEntry;
import org.aodnn.profilinglab.adb.client.AdbException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code aodnn devices [--json]}: the phones the adb server sees, in any state (unauthorized ones included). */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "List Android devices known to the adb server (starts the server when it is not running).")
public final class DevicesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AdbOptions adb = new AdbOptions();

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Override
    public Integer call() {
        List<AdbDeviceEntry> devices;
        try {
            devices = adb.server().devices();
        } catch (IOException | AdbException e) {
            throw new CommandFailure("cannot list devices from the adb server at " + adb.address() + ": "
                    + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode doc = Json.object();
            doc.put("adbServer", adb.address().toString());
            ArrayNode arr = doc.putArray("devices");
            for (AdbDeviceEntry d : devices) {
                ObjectNode o = arr.addObject();
                o.put("serial", d.serial());
                o.put("state", d.state());
                o.put("usable", d.usable());
                d.details().forEach(o::put);
                o.put("simulated", d.model() != null && d.model().contains("simulated"));
            }
            Json.print(out, doc);
        } else if (devices.isEmpty()) {
            out.println("No devices attached to the adb server at " + adb.address()
                    + " (USB debugging on? for the virtual phone: adb connect 127.0.0.1:PORT)");
        } else {
            out.printf("%-24s %-14s %s%n", "SERIAL", "STATE", "MODEL");
            for (AdbDeviceEntry d : devices) {
                String model = d.model() == null ? "" : d.model().replace('_', ' ');
                out.printf("%-24s %-14s %s%n", d.serial(), d.state(), model);
            }
        }
        out.flush();
        return 0;
    }
}
