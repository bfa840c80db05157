package org.aodnn.profilinglab.adb.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.aodnn.profilinglab.adb.AdbTestBed;
import org.aodnn.profilinglab.adb.shell.ShellResult;
import org.aodnn.profilinglab.virtualphone.VirtualPhone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real adb server with the virtual phone: discovery, shell v2 exit codes, push, reverse forwarding. */
class AdbServerClientIntegrationTest {

    @TempDir
    static Path state;
    static AdbTestBed bed;

    @BeforeAll
    static void start() throws Exception {
        bed = AdbTestBed.start(state.resolve("phone"), true);
    }

    @AfterAll
    static void stop() {
        if (bed != null) {
            bed.close();
        }
    }

    @Test
    void listsTheVirtualPhoneWithItsModel() throws Exception {
        List<AdbDeviceEntry> devices = bed.server.devices();
        AdbDeviceEntry phone = devices.stream().filter(d -> d.serial().equals(bed.serial)).findFirst().orElseThrow();
        assertTrue(phone.usable());
        assertTrue(phone.model().contains("Virtual"), phone.model());
        assertEquals("aodnn_vphone", phone.details().get("product"));
        assertTrue(bed.server.version() >= 39);
    }

    @Test
    void shellV2KeepsStreamsApartAndReportsExitCodes() {
        try (AdbDevice d = AdbDevice.open(bed.server, bed.serial)) {
            ShellResult r = d.run("echo out; echo err 1>&2; exit 7");
            assertEquals("out\n", r.stdout());
            assertEquals("err\n", r.stderr());
            assertEquals(7, r.exitCode());
            ShellResult missing = d.run("no-such-command");
            assertEquals(127, missing.exitCode());
            assertTrue(missing.stderr().contains("not found"), missing.stderr());
            assertEquals("AoDNN Virtual Phone (simulated)\n", d.run("getprop ro.product.model").stdout());
        }
    }

    @Test
    void pushStoresTheFileOnThePhone(@TempDir Path tmp) throws Exception {
        Path local = tmp.resolve("weights.bin");
        byte[] data = new byte[200_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        Files.write(local, data);
        try (AdbDevice d = AdbDevice.open(bed.server, bed.serial)) {
            d.push(local.toFile(), "/data/local/tmp/aodnn/weights.bin");
            assertEquals(0, d.run("test -f /data/local/tmp/aodnn/weights.bin").exitCode());
        }
        assertTrue(java.util.Arrays.equals(data,
                Files.readAllBytes(state.resolve("phone/storage/data/local/tmp/aodnn/weights.bin"))));
    }

    @Test
    void reverseForwardReachesThisComputersPort() throws Exception {
        try (ServerSocket console = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            int phonePort = AdbTestBed.freePort();
            bed.server.reverse(bed.serial, phonePort, console.getLocalPort());
            Thread echo = new Thread(() -> {
                try (Socket s = console.accept()) {
                    byte[] b = new byte[5];
                    new java.io.DataInputStream(s.getInputStream()).readFully(b);
                    s.getOutputStream().write(("got " + new String(b, StandardCharsets.US_ASCII)).getBytes());
                } catch (Exception e) {
                    // the assertion below fails
                }
            });
            echo.start();
            // What a browser on the phone does: connect to the phone's own loopback port.
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), phonePort)) {
                s.setSoTimeout(10_000);
                OutputStream out = s.getOutputStream();
                out.write("hello".getBytes(StandardCharsets.US_ASCII));
                InputStream in = s.getInputStream();
                assertEquals("got hello", new String(in.readNBytes(9), StandardCharsets.US_ASCII));
            }
            echo.join(5_000);
            bed.server.removeReverse(bed.serial, phonePort);
            assertThrows(java.io.IOException.class, () -> {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), phonePort)) {
                    s.getOutputStream().write(1);
                }
            });
        }
    }

    @Test
    void unknownDeviceAndStoppedPhoneFailClearly(@TempDir Path tmp) throws Exception {
        AdbException e = assertThrows(AdbException.class, () -> AdbDevice.open(bed.server, "no-such-serial"));
        assertTrue(e.getMessage().contains("no device no-such-serial"), e.getMessage());
        VirtualPhone other = VirtualPhone.start(0, tmp.resolve("other"), false);
        String serial = other.adbSerial();
        bed.server.connectDevice(serial);
        bed.awaitState(serial, AdbDeviceEntry.ONLINE, Duration.ofSeconds(10));
        other.close();
        // The server notices the phone is gone; the list keeps working for the other phone.
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        boolean gone = false;
        while (System.nanoTime() < end && !gone) {
            gone = bed.server.devices().stream().noneMatch(d -> d.serial().equals(serial) && d.usable());
            Thread.sleep(100);
        }
        assertTrue(gone, "the stopped phone is still listed online");
        assertTrue(bed.server.devices().stream().anyMatch(d -> d.serial().equals(bed.serial) && d.usable()));
        assertFalse(bed.server.devices().isEmpty());
    }
}
