package org.aodnn.profilinglab.adb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.aodnn.db.cli.CommandFailure;
import org.aodnn.db.cli.Json;
import org.aodnn.profilinglab.adb.AdbTestBed;
import org.aodnn.profilinglab.adb.client.AdbDeviceEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code aodnn devices}, {@code device show|set-freq|keep-screen-on|...|reset|connect} and {@code virtual-phone} end to end. */
class DeviceCommandsIntegrationTest {

    @TempDir
    static Path dir;
    static AdbTestBed bed;

    @BeforeAll
    static void start() throws Exception {
        bed = AdbTestBed.start(dir.resolve("phone"), true);
    }

    @AfterAll
    static void stop() {
        if (bed != null) {
            bed.close();
        }
    }

    record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return Json.MAPPER.readTree(out);
        }
    }

    static Run run(Callable<Integer> command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        // As the app does: a CommandFailure is one line on stderr and a non-zero exit.
        cl.setExecutionExceptionHandler((e, c, p) -> {
            if (e instanceof CommandFailure f) {
                c.getErr().println(f.getMessage());
                return f.exitCode();
            }
            throw e;
        });
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    List<String> adb(String... rest) {
        List<String> a = new ArrayList<>(List.of(rest));
        a.addAll(List.of("--adb-port", String.valueOf(bed.server.address().port())));
        return a;
    }

    String db() {
        return dir.resolve("db/workbench").toString();
    }

    @Test
    void devicesListsTheVirtualPhone() throws Exception {
        Run r = run(new DevicesCommand(), adb("--json").toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        JsonNode phone = null;
        for (JsonNode d : r.json().get("devices")) {
            if (d.get("serial").asText().equals(bed.serial)) {
                phone = d;
            }
        }
        assertTrue(phone != null, r.out());
        assertEquals("device", phone.get("state").asText());
        assertTrue(phone.get("usable").asBoolean());
        assertTrue(phone.get("simulated").asBoolean());
        Run text = run(new DevicesCommand(), adb().toArray(String[]::new));
        assertTrue(text.out().contains("AoDNN Virtual Phone"), text.out());
    }

    @Test
    void showSetFreqAndReset() throws Exception {
        Run show = run(new DeviceCommand(), adb("show", bed.serial, "--json", "--db", db()).toArray(String[]::new));
        assertEquals(0, show.exit(), show.err());
        JsonNode s = show.json();
        assertTrue(s.get("simulated").asBoolean());
        assertEquals(3, s.get("policies").size());
        assertTrue(s.get("snapshotId").asLong() > 0);

        Run set = run(new DeviceCommand(), adb("set-freq", bed.serial, "--policy", "4", "--governor", "userspace",
                "--max", "1555200", "--json", "--db", db()).toArray(String[]::new));
        assertEquals(0, set.exit(), set.err());
        assertEquals("userspace", set.json().get("policy").get("governor").asText());
        assertEquals(1_555_200L, set.json().get("policy").get("scalingMaxKhz").asLong());

        // A lasting change: still there when read again, until reset.
        Run again = run(new DeviceCommand(), adb("show", bed.serial, "--json", "--db", db()).toArray(String[]::new));
        assertEquals("userspace", again.json().get("policies").get(1).get("governor").asText());

        Run reset = run(new DeviceCommand(), adb("reset", bed.serial, "--json", "--db", db()).toArray(String[]::new));
        assertEquals(0, reset.exit(), reset.err());
        assertEquals(2, reset.json().get("restored").size());
        Run after = run(new DeviceCommand(), adb("show", bed.serial, "--json", "--db", db()).toArray(String[]::new));
        assertEquals("schedutil", after.json().get("policies").get(1).get("governor").asText());
        assertEquals(2_419_200L, after.json().get("policies").get(1).get("scalingMaxKhz").asLong());
        Run nothing = run(new DeviceCommand(), adb("reset", bed.serial, "--db", db()).toArray(String[]::new));
        assertTrue(nothing.out().contains("nothing to restore"), nothing.out());
    }

    @Test
    void screenAndChargingAreSetAndPutBackFromTheCommandLine() throws Exception {
        Run screen = run(new DeviceCommand(), adb("keep-screen-on", bed.serial, "--brightness", "140", "--json",
                "--db", db()).toArray(String[]::new));
        assertEquals(0, screen.exit(), screen.err());
        assertEquals(140, screen.json().get("brightness").asInt());
        Run pause = run(new DeviceCommand(), adb("pause-charging", bed.serial, "--json", "--db", db())
                .toArray(String[]::new));
        assertEquals(0, pause.exit(), pause.err());
        assertEquals("not-charging", pause.json().get("battery").asText());
        Run resume = run(new DeviceCommand(), adb("resume-charging", bed.serial, "--json", "--db", db())
                .toArray(String[]::new));
        assertEquals(0, resume.exit(), resume.err());
        assertEquals("charging", resume.json().get("battery").asText());
        assertEquals(140, resume.json().get("brightness").asInt(), "resuming charging leaves the screen as it is");
        Run again = run(new DeviceCommand(), adb("resume-charging", bed.serial, "--db", db()).toArray(String[]::new));
        assertEquals(1, again.exit());
        assertTrue(again.err().contains("nothing to resume"), again.err());
        Run badLevel = run(new DeviceCommand(), adb("keep-screen-on", bed.serial, "--brightness", "300", "--db", db())
                .toArray(String[]::new));
        assertEquals(2, badLevel.exit(), badLevel.err());
        Run reset = run(new DeviceCommand(), adb("reset", bed.serial, "--json", "--db", db()).toArray(String[]::new));
        assertEquals(0, reset.exit(), reset.err());
        assertEquals(3, reset.json().get("restored").size(), "brightness mode, brightness and stay-on put back");
    }

    @Test
    void operatorErrorsAreOneClearLine() {
        Run bad = run(new DeviceCommand(), adb("set-freq", bed.serial, "--policy", "4", "--max", "123", "--db", db())
                .toArray(String[]::new));
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("cannot run at 123 kHz"), bad.err());
        Run unknown = run(new DeviceCommand(), adb("show", "nope:1", "--db", db()).toArray(String[]::new));
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("no device nope:1"), unknown.err());
        Run port = run(new DevicesCommand(), "--adb-port", "70000");
        assertEquals(2, port.exit(), "an option out of its range is bad usage");
        assertTrue(port.err().contains("--adb-port 70000"), port.err());
        Run connect = run(new DeviceCommand(), adb("connect", "not-a-target").toArray(String[]::new));
        assertEquals(1, connect.exit());
    }

    @Test
    void numbersOutOfRangeAreBadUsageNamingTheOption() {
        String[][] cases = {
            {"--min", "-5", "--min -5 is out of range (at least 1 kHz)"},
            {"--max", "0", "--max 0 is out of range (at least 1 kHz)"},
        };
        for (String[] c : cases) {
            Run r = run(new DeviceCommand(), adb("set-freq", bed.serial, "--policy", "0", c[0], c[1], "--db", db())
                    .toArray(String[]::new));
            assertEquals(2, r.exit(), c[0] + " " + c[1] + ": " + r.err());
            assertTrue(r.err().contains(c[2]), r.err());
        }
        Run reversed = run(new DeviceCommand(), adb("set-freq", bed.serial, "--policy", "0", "--min", "2000000",
                "--max", "300000", "--db", db()).toArray(String[]::new));
        assertEquals(2, reversed.exit(), reversed.err());
        assertTrue(reversed.err().contains("--min 2000000 kHz is above --max 300000 kHz"), reversed.err());
        Run policy = run(new DeviceCommand(), adb("set-freq", bed.serial, "--policy", "-1", "--max", "300000",
                "--db", db()).toArray(String[]::new));
        assertEquals(2, policy.exit(), policy.err());
        assertTrue(policy.err().contains("--policy -1 is out of range"), policy.err());
        Run brightness = run(new DeviceCommand(), adb("keep-screen-on", bed.serial, "--brightness", "300", "--db", db())
                .toArray(String[]::new));
        assertEquals(2, brightness.exit(), brightness.err());
        Run phonePort = run(new VirtualPhoneCommand(), "--port", "70000");
        assertEquals(2, phonePort.exit(), phonePort.err());
        assertTrue(phonePort.err().contains("--port 70000"), phonePort.err());
    }

    @Test
    void virtualPhoneCommandRunsUntilStopped(@TempDir Path state) throws Exception {
        int port = AdbTestBed.freePort();
        VirtualPhoneCommand cmd = new VirtualPhoneCommand();
        Thread t = new Thread(() -> run(cmd, adb("--port", String.valueOf(port), "--state-dir", state.toString(),
                "--no-root", "--connect").toArray(String[]::new)));
        t.start();
        bed.awaitState("127.0.0.1:" + port, AdbDeviceEntry.ONLINE, Duration.ofSeconds(20));
        Run show = run(new DeviceCommand(), adb("show", "127.0.0.1:" + port, "--json", "--db", db()).toArray(String[]::new));
        assertEquals(0, show.exit(), show.err());
        assertEquals(false, show.json().get("rooted").asBoolean());
        cmd.stop();
        t.join(10_000);
        assertTrue(!t.isAlive(), "the virtual phone did not stop");
        bed.server.disconnectDevice("127.0.0.1:" + port);
    }
}
