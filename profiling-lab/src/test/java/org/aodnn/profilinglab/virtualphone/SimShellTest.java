package org.aodnn.profilinglab.virtualphone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated phone's shell: the syntax device scripts use, mksh's errors and exit codes, sysfs rules. */
class SimShellTest {

    @TempDir
    Path state;
    VirtualDevice device;

    @BeforeEach
    void boot() throws Exception {
        device = new VirtualDevice("VPHONE1", true, state, "/nonexistent/chromium");
    }

    private String[] run(String script) throws Exception {
        ShellOutput.Buffer out = new ShellOutput.Buffer();
        ShellOutput.Buffer err = new ShellOutput.Buffer();
        int status = device.shell().run(script, new byte[0], out, err,
                new ShellContext(false, "/", device.environment()));
        return new String[] {out.text(), err.text(), String.valueOf(status)};
    }

    @Test
    void listsPipesQuotesAndSubstitution() throws Exception {
        assertEquals("a b\n", run("echo a b")[0]);
        assertEquals("x\ny\n", run("echo x; false || echo y; true && false && echo no")[0]);
        assertEquals("it's $HOME / \n", run("echo \"it's\" '$HOME' $HOME \"\"")[0]);
        assertEquals("14\n", run("echo $(getprop ro.build.version.release)")[0]);
        assertEquals("1\n", run("getprop | grep -c 'ro.product.model'")[0]);
        assertEquals("3\n", run("sh -c 'exit 3'; echo $?")[0]);
        assertEquals("a\nb\nc\n", run("for x in a b c; do echo $x; done")[0]);
        assertEquals("yes\n", run("if test -f /proc/cpuinfo; then echo yes; else echo no; fi")[0]);
        assertEquals("2\n", run("i=0; while [ $i != 2 ]; do i=$(echo 2); done; echo $i")[0]);
    }

    @Test
    void unknownCommandsAndSyntaxErrorsLikeMksh() throws Exception {
        String[] r = run("frobnicate");
        assertEquals("127", r[2]);
        assertTrue(r[1].contains("frobnicate: inaccessible or not found"), r[1]);
        String[] s = run("echo 'unclosed");
        assertEquals("1", s[2]);
        assertTrue(s[1].contains("syntax error"), s[1]);
    }

    @Test
    void globsOverSysfsAndGrepPrefixesFileNames() throws Exception {
        String out = run("grep . /sys/devices/system/cpu/cpufreq/policy*/scaling_governor")[0];
        assertEquals("/sys/devices/system/cpu/cpufreq/policy0/scaling_governor:schedutil\n"
                + "/sys/devices/system/cpu/cpufreq/policy4/scaling_governor:schedutil\n"
                + "/sys/devices/system/cpu/cpufreq/policy7/scaling_governor:schedutil\n", out);
        assertEquals("policy0\npolicy4\npolicy7\n", run("ls /sys/devices/system/cpu/cpufreq")[0]);
    }

    @Test
    void sysfsWritesNeedRootAndValidValues() throws Exception {
        String gov = "/sys/devices/system/cpu/cpufreq/policy4/scaling_governor";
        String[] denied = run("echo performance > " + gov);
        assertEquals("1", denied[2]);
        assertTrue(denied[1].contains("Permission denied"), denied[1]);
        assertEquals("0", run("su 0 sh -c 'echo userspace > " + gov + "'")[2]);
        assertEquals("userspace\n", run("cat " + gov)[0]);
        String[] bad = run("su -c 'echo turbo > " + gov + "'");
        assertEquals("1", bad[2]);
        assertTrue(bad[1].contains("Invalid argument"), bad[1]);
        // Frequencies resolve to the table and clamp to the hardware range, as the kernel does.
        String max = "/sys/devices/system/cpu/cpufreq/policy4/scaling_max_freq";
        run("su 0 sh -c 'echo 2000000 > " + max + "'");
        assertEquals("1996800\n", run("cat " + max)[0]);
        run("su 0 sh -c 'echo 99999999 > " + max + "'");
        assertEquals("2419200\n", run("cat " + max)[0]);
        assertTrue(run("cat /sys/devices/system/cpu/cpufreq/policy0/cpuinfo_cur_freq")[1].contains("Permission denied"));
    }

    @Test
    void unrootedPhoneHasNoSu(@TempDir Path other) throws Exception {
        VirtualDevice retail = new VirtualDevice("VPHONE2", false, other, "/nonexistent/chromium");
        ShellOutput.Buffer err = new ShellOutput.Buffer();
        int status = retail.shell().run("su 0 id", new byte[0], new ShellOutput.Buffer(), err,
                new ShellContext(false, "/", retail.environment()));
        assertEquals(127, status);
    }

    @Test
    void governorsDriveTheClockAndTheBatteryFollowsThePowerModel() throws Exception {
        String cur = "/sys/devices/system/cpu/cpufreq/policy7/scaling_cur_freq";
        run("su 0 sh -c 'echo powersave > /sys/devices/system/cpu/cpufreq/policy7/scaling_governor'");
        assertEquals("844800\n", run("cat " + cur)[0]);
        run("su 0 sh -c 'echo performance > /sys/devices/system/cpu/cpufreq/policy7/scaling_governor'");
        assertEquals("2841600\n", run("cat " + cur)[0]);
        // On USB power the charger feeds the battery (positive current_now); suspending input makes it discharge.
        device.tick();
        assertTrue(Long.parseLong(run("cat /sys/class/power_supply/battery/current_now")[0].strip()) > 0);
        run("su 0 sh -c 'echo 1 > /sys/class/power_supply/battery/input_suspend'");
        device.tick();
        assertTrue(Long.parseLong(run("cat /sys/class/power_supply/battery/current_now")[0].strip()) < 0);
        assertEquals("Not charging\n", run("cat /sys/class/power_supply/battery/status")[0]);
        assertTrue(run("dumpsys battery")[0].contains("technology: Li-ion (simulated)"));
    }

    @Test
    void amStartWithoutChromiumSaysWhatToInstall() throws Exception {
        String[] r = run("am start -a android.intent.action.VIEW -d http://127.0.0.1:1/x com.android.chrome");
        assertEquals("1", r[2]);
        assertTrue(r[0].startsWith("Starting: Intent { act=android.intent.action.VIEW"), r[0]);
        assertTrue(r[1].contains("chromium"), r[1]);
        assertTrue(run("am start -d http://x org.mozilla.firefox")[1].contains("unable to resolve"));
    }

    @Test
    void settingsPersistInTheStateDirectory() throws Exception {
        run("settings put system screen_brightness 77");
        VirtualDevice rebooted = new VirtualDevice("VPHONE1", true, state, "/nonexistent/chromium");
        assertEquals("77", rebooted.setting("system", "screen_brightness"));
        assertEquals("null\n", run("settings get global no_such_key")[0]);
    }
}
