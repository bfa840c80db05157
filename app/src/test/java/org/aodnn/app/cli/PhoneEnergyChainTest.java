package org.aodnn.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.aodnn.db.Store;
import org.aodnn.db.csv.CsvTable;
import org.aodnn.db.task.CurrentThreadTaskExecutor;
import org.aodnn.modelfitting.predictor.PredictorDocument;
import org.aodnn.modelfitting.predictor.PredictorJson;
import org.aodnn.modelfitting.predictor.Quantity;
import org.aodnn.modelfitting.ui.ModelFittingViewModel;
import org.aodnn.modelfitting.ui.SelectableItem;
import org.aodnn.profilinglab.adb.client.AdbDeviceEntry;
import org.aodnn.profilinglab.adb.client.AdbServerAddress;
import org.aodnn.profilinglab.adb.client.AdbServerClient;
import org.aodnn.profilinglab.virtualphone.VirtualPhone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mobile energy the whole way, on the project's virtual phone (a SIMULATED device: its battery and CPU are
 * simulated, its browser is this computer's headless Chromium) behind the real adb server on a private port:
 * profiled with energy per layer through {@code aodnn profile}, written as layer-CSV with {@code energy_mj},
 * fitted into an energy predictor by {@code aodnn fit --quantity energy}, and fitted again from the stored
 * profile by the Model Fitting workspace's view model, which must agree with the CLI on the same rows.
 */
class PhoneEnergyChainTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void phoneEnergyIsProfiledStoredAndFittedByTheCliAndTheWorkspace() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        AdbServerClient server = new AdbServerClient(AdbServerAddress.fromEnvironment().withPort(port)
                .withReadTimeout(Duration.ofSeconds(20)));
        server.ensureRunning();
        try (VirtualPhone phone = VirtualPhone.start(0, dir.resolve("phone"), true)) {
            String serial = phone.adbSerial();
            server.connectDevice(serial);
            awaitOnline(server, serial);

            Path db = dir.resolve("lab");
            CliRunner lab = new CliRunner(db);
            Path csv = dir.resolve("phone.csv");
            CliRunner.Result profiled = lab.run("profile", "--target", "adb:" + serial, "--adb-port",
                    Integer.toString(port), "--model", "squeezenet1_1,mobilenet_v3_small", "--layers", "0-7",
                    "--backend", "wasm", "--warmup", "1", "--reps", "2", "--min-time-ms", "60", "--out",
                    csv.toString(), "--json");
            assertEquals(0, profiled.exitCode(), profiled.err() + profiled.out());
            JsonNode energy = new ObjectMapper().readTree(profiled.out()).get("energy");
            assertTrue(energy.get("simulated").asBoolean(), "the virtual phone's battery is labelled simulated");
            assertEquals(16, energy.get("layers").asInt());
            assertEquals(16, energy.get("layersWithEnergy").asInt(), energy.toString());
            assertTrue(energy.get("samples").asInt() > 3 && energy.get("baselineMw").asDouble() > 0, energy.toString());

            CsvTable table = CsvTable.read(csv);
            assertTrue(table.hasColumn("energy_mj"), "the layer-CSV carries energy_mj: " + table.header());
            assertEquals(16, table.rows().size(), "8 layers of 2 models");
            for (CsvTable.Row row : table.rows()) {
                assertTrue(row.optional("energy_mj").isPresent() && row.nonNegativeDouble("energy_mj") > 0,
                        "every layer has a (simulated) energy, line " + row.line());
            }

            Path predictor = dir.resolve("phone-energy.json");
            CliRunner.Result fitted = lab.run("fit", "--quantity", "energy", "--data", csv.toString(), "--out",
                    predictor.toString(), "--json");
            assertEquals(0, fitted.exitCode(), fitted.err());
            JsonNode report = JSON.readTree(fitted.out());
            assertEquals("energy_mj", report.get("quantity").asText());
            assertEquals("mJ", report.get("unit").asText());
            assertEquals(0, report.get("rowsWithoutValue").asInt());
            assertEquals("browser/wasm", report.get("platforms").get(0).asText());
            PredictorDocument fromCli = PredictorJson.read(predictor);

            // the same rows, read back from the database by the workspace: the same training data
            try (Store store = Store.open(db)) {
                ModelFittingViewModel vm = new ModelFittingViewModel(store, new CurrentThreadTaskExecutor());
                vm.activate();
                String device = vm.devices().stream().map(SelectableItem::name)
                        .filter(n -> !n.equals("edge-server") && !n.equals("reference-browser")).findFirst()
                        .orElseThrow(() -> new AssertionError("the phone's profile is not offered: " + vm.devices()));
                vm.selectDevices(List.of(device));
                vm.quantityProperty().set(Quantity.ENERGY);
                assertEquals(16, vm.selectedRows().size(), vm.selectionSummaryProperty().get());
                vm.fit();
                assertEquals("", vm.errorProperty().get());
                PredictorDocument fromWorkspace = vm.outcomeProperty().get().document();
                assertEquals(PredictorDocument.QUANTITY_ENERGY, fromWorkspace.quantity());
                assertEquals(fromCli.fingerprint(), fromWorkspace.fingerprint(),
                        "the CSV export and the stored profile are the same training rows");
            }
        } finally {
            server.kill();
        }
    }

    private static void awaitOnline(AdbServerClient server, String serial) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            if (server.devices().stream().anyMatch(d -> d.serial().equals(serial)
                    && d.state().equals(AdbDeviceEntry.ONLINE))) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("the virtual phone " + serial + " did not come online");
    }
}
