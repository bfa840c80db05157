package org.aodnn.profilinglab.adb.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.aodnn.db.cli.CommandFailure;
import org.aodnn.db.cli.Json;
import org.aodnn.profilinglab.adb.client.AdbDeviceEntry;
import org.aodnn.profilinglab.adb.client.AdbException;
import org.aodnn.profilinglab.adb.live.SameDevices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aodnn devices [--json]}: the phones the adb server sees, in any state (unauthorized ones included). A
 * phone the server lists under two names (see {@link SameDevices}) is listed once, as the Profiling Lab shows it,
 * with its other name beside it.
 */
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
        // matched by address only: reading every phone's serial number would make listing slow
        Map<String, String> sameAs = SameDevices.duplicates(devices, Map.of());
        Map<String, List<String>> otherNames = new HashMap<>();
        sameAs.forEach((duplicate, kept) -> otherNames.computeIfAbsent(kept, k -> new ArrayList<>()).add(duplicate));
        devices = devices.stream().filter(d -> !sameAs.containsKey(d.serial())).toList();
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
                ArrayNode also = o.putArray("alsoListedAs");
                otherNames.getOrDefault(d.serial(), List.of()).forEach(also::add);
            }
            Json.print(out, doc);
        } else if (devices.isEmpty()) {
            out.println("No devices attached to the adb server at " + adb.address()
                    + " (USB debugging on? for the virtual phone: adb connect 127.0.0.1:PORT)");
        } else {
            out.printf("%-24s %-14s %s%n", "SERIAL", "STATE", "MODEL");
            for (AdbDeviceEntry d : devices) {
                String model = d.model() == null ? "" : d.model().replace('_', ' ');
                List<String> also = otherNames.getOrDefault(d.serial(), List.of());
                out.printf("%-24s %-14s %s%s%n", d.serial(), d.state(), model,
                        also.isEmpty() ? "" : " (also listed as " + String.join(", ", also) + ")");
            }
        }
        out.flush();
        return 0;
    }
}
