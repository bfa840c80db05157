package org.aodnn.profilinglab.adb.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.aodnn.db.Store;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.db.domain.LayerMeasurement;
import org.aodnn.db.domain.PowerSampleRow;
import org.aodnn.db.domain.ProfilingSessionInfo;
import org.aodnn.db.domain.ProfilingStatus;
import org.aodnn.db.repo.DeviceRestoreRepository;
import org.aodnn.db.repo.LayerTimingRepository;
import org.aodnn.db.repo.LayerWindowRepository;
import org.aodnn.db.repo.PowerSampleRepository;
import org.aodnn.db.repo.ProfilingSessionRepository;
import org.aodnn.profilinglab.adb.AdbTestBed;
import org.aodnn.profilinglab.adb.client.AdbDevice;
import org.aodnn.profilinglab.adb.client.AdbDeviceEntry;
import org.aodnn.profilinglab.adb.control.DeviceControl;
import org.aodnn.profilinglab.virtualphone.VirtualPhone;
import org.aodnn.profilinglab.adb.energy.SessionEnergy;
import org.aodnn.profilinglab.adb.state.DeviceState;
import org.aodnn.profilinglab.adb.state.DeviceStateReader;
import org.aodnn.profilinglab.job.JobLayer;
import org.aodnn.profilinglab.job.LayerSelection;
import org.aodnn.profilinglab.job.ModelSelection;
import org.aodnn.profilinglab.job.ProfilingSettings;
import org.aodnn.profilinglab.session.ProfilingListener;
import org.aodnn.profilinglab.session.ProfilingRequest;
import org.aodnn.profilinglab.session.SessionOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole phone runs: the real adb server, the virtual phone, its browser played by this computer's headless
 * Chromium reaching the console's profiling server through adb reverse, energy from the simulated battery.
 */
class PhoneProfilingIntegrationTest {

    static ProfilingSettings quick() {
        return ProfilingSettings.defaults(List.of("wasm")).withRuns(1, 2).withMinTimeMs(60).withMaxRuns(20)
                .withThroughputBytes(List.of(1L << 20));
    }

    @Test
    void fullRunStoresRowsEnergyPerLayerAndPutsThePhoneBack(@TempDir Path tmp) throws Exception {
        try (AdbTestBed bed = AdbTestBed.start(tmp.resolve("phone"), true);
             Store store = Store.open(tmp.resolve("db/workbench"))) {
            DnnModel model = store.models().find("mobilenet_v3_small").orElseThrow();
            ProfilingRequest request = new ProfilingRequest(
                    List.of(new ModelSelection(model, LayerSelection.parse("0-11"))), quick());
            AdbPhoneTarget target = new AdbPhoneTarget(bed.server, bed.serial, store,
                    PhoneRunOptions.defaults().withBaseline(Duration.ofSeconds(2)));
            // As the workspace and 'aodnn profile --target adb:SERIAL' run it: the session, then its energy.
            PhoneProfiling.Outcome run = new PhoneProfiling(store, target, request, null).run(null);
            SessionOutcome outcome = run.session();

            assertEquals(ProfilingStatus.COMPLETED, outcome.status(), outcome.message());
            long session = outcome.sessionId();
            List<LayerMeasurement> rows = store.measurements().findBySession(session);
            assertEquals(12, rows.size());
            for (LayerMeasurement m : rows) {
                assertEquals("android-aodnn-aodnn-virtual-phone-simulated", m.key().platform());
                assertTrue(m.latencyMs() > 0);
            }
            PhoneEnergyRun.Result energy = run.energy();
            assertEquals(energy, PhoneEnergyRun.finish(store, target, session), "attributed once per session");
            assertTrue(energy.simulated());
            assertTrue(energy.sampleRateHz() >= 10, "sampled at " + energy.sampleRateHz() + " Hz");
            assertNotNull(energy.baselineMw());
            assertFalse(energy.chargingWhileMeasuring(), "charging was paused through input_suspend");
            long withEnergy = rows.stream().filter(m -> m.energyMj() != null).count();
            assertEquals(12, withEnergy, "every layer's window is covered by samples");
            double total = rows.stream().mapToDouble(LayerMeasurement::energyMj).sum();
            assertTrue(total > 0, "the layers' work added energy above the idle baseline: " + total);
            assertTrue(rows.stream().allMatch(m -> m.cpuFreqKhz() != null && m.throttled() != null));
            List<PowerSampleRow> samples = new PowerSampleRepository(store.dsl()).bySession(session);
            assertEquals(energy.samples(), samples.size());
            assertTrue(samples.stream().allMatch(p -> p.source().equals(SessionEnergy.SOURCE_SIMULATED)));
            assertTrue(samples.stream().allMatch(p -> p.currentMa() > 0 && p.voltageMv() > 3000));
            var windows = new LayerWindowRepository(store.dsl()).bySession(session);
            assertEquals(12, windows.size());
            // Energy went to the windows the page reported (shifted onto the phone's clock, lengths kept).
            var timings = new LayerTimingRepository(store.dsl()).bySession(session);
            assertEquals(12, timings.size());
            for (var t : timings) {
                assertTrue(t.hasPageWindow(), "the page reported the window of layer " + t.layerIndex());
                var w = windows.stream().filter(x -> x.layerIndex() == t.layerIndex() && x.backend().equals(t.backend()))
                        .findFirst().orElseThrow();
                assertEquals(t.windowEndUs() - t.windowStartUs(), w.endUs() - w.startUs(), "window of " + t.layerIndex());
                assertTrue(t.windowEndUs() - t.windowStartUs() >= (long) (t.reps() * m(rows, t.layerIndex()).latencyMinMs() * 1000) - 1000,
                        "the window holds its timed runs");
            }

            // The phone is back as it was: nothing left to restore, charging on, brightness and browser as before.
            assertTrue(new DeviceRestoreRepository(store.dsl()).pending(bed.serial).isEmpty());
            try (AdbDevice d = AdbDevice.open(bed.server, bed.serial)) {
                DeviceState after = DeviceStateReader.read(d);
                assertEquals("charging", after.battery().status());
                assertEquals(102, after.brightness());
                assertEquals("0", d.run("settings get global stay_on_while_plugged_in").stdout().strip());
            }
        }
    }

    @Test
    void phoneVanishingMidRunInterruptsTheSessionAndKeepsItsRows(@TempDir Path tmp) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (AdbTestBed bed = AdbTestBed.start(tmp.resolve("phone"), true);
             Store store = Store.open(tmp.resolve("db/workbench"))) {
            DnnModel model = store.models().find("mobilenet_v3_small").orElseThrow();
            ProfilingRequest request = new ProfilingRequest(
                    List.of(new ModelSelection(model, LayerSelection.parse("0-40"))), quick(), 0, Duration.ofSeconds(60));
            AdbPhoneTarget target = new AdbPhoneTarget(bed.server, bed.serial, store,
                    PhoneRunOptions.defaults().withBaseline(Duration.ofSeconds(1)));
            CountDownLatch firstRows = new CountDownLatch(3);
            PhoneProfiling run = new PhoneProfiling(store, target, request, new ProfilingListener() {
                @Override
                public void layerMeasured(LayerMeasurement row, JobLayer layer) {
                    firstRows.countDown();
                }
            });
            Future<PhoneProfiling.Outcome> result = pool.submit(() -> run.run(null));
            assertTrue(firstRows.await(90, TimeUnit.SECONDS), "no layer results arrived from the phone");
            bed.phone.close(); // the phone is unplugged
            PhoneProfiling.Outcome outcome = result.get(90, TimeUnit.SECONDS);

            assertEquals(ProfilingStatus.INTERRUPTED, outcome.session().status(), outcome.session().message());
            long session = outcome.session().sessionId();
            ProfilingSessionInfo info = new ProfilingSessionRepository(store.dsl()).find(session).orElseThrow();
            assertEquals(ProfilingStatus.INTERRUPTED, info.status());
            List<LayerMeasurement> rows = store.measurements().findBySession(session);
            assertTrue(rows.size() >= 3 && rows.size() < 41, rows.size() + " rows kept");
            // The device is shown as gone.
            assertTrue(bed.server.devices().stream().noneMatch(d -> d.serial().equals(bed.serial) && d.usable()));
            // The changes the run made could not be undone on a vanished phone: they stay recorded for the next start.
            assertFalse(new DeviceRestoreRepository(store.dsl()).pending(bed.serial).isEmpty());
            assertTrue(new PowerSampleRepository(store.dsl()).bySession(session).size() > 0, "samples until the end are kept");

            // The phone comes back (same port, same storage): it still has the run's settings until the recorded
            // originals are applied, as 'aodnn device reset' (or the next run's start) does.
            try (VirtualPhone back = VirtualPhone.start(bed.phone.port(), tmp.resolve("phone"), true)) {
                bed.server.connectDevice(back.adbSerial());
                bed.awaitState(back.adbSerial(), AdbDeviceEntry.ONLINE, Duration.ofSeconds(20));
                try (AdbDevice d = AdbDevice.open(bed.server, back.adbSerial())) {
                    assertEquals("128", d.run("settings get system screen_brightness").stdout().strip());
                    new DeviceControl(d, store, "cli").restoreAll();
                    assertEquals("102", d.run("settings get system screen_brightness").stdout().strip());
                    assertEquals("0", d.run("settings get global stay_on_while_plugged_in").stdout().strip());
                }
                assertTrue(new DeviceRestoreRepository(store.dsl()).pending(bed.serial).isEmpty());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static LayerMeasurement m(List<LayerMeasurement> rows, int layerIndex) {
        return rows.stream().filter(r -> r.key().layerIndex() == layerIndex).findFirst().orElseThrow();
    }
}
