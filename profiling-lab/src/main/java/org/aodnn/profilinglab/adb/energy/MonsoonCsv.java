package org.aodnn.profilinglab.adb.energy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aodnn.db.csv.CsvFormatException;
import org.aodnn.db.csv.CsvTable;

/**
 * Reads a Monsoon power-monitor CSV export (PowerTool and the Monsoon Python API): a time column
 * ({@code Time(ms)}, {@code Time(s)}, {@code Time (us)}), the main channel's current ({@code Main(mA)},
 * {@code Main Avg Current (mA)}) and voltage ({@code Main Voltage(V)}), or its power ({@code Main Avg Power (mW)}).
 * Units come from the parenthesised part of each header. Times are relative to the capture start; the caller
 * places them on the device time line. Any bad cell fails the whole import, naming line and column.
 */
public final class MonsoonCsv {

    private static final Pattern UNIT = Pattern.compile("\\(\\s*([a-zA-Zµ]+)\\s*\\)");

    /** One sample: µs since the capture started, and the reading. */
    public record Sample(long offsetUs, double voltageMv, double currentMa, double powerMw) {
    }

    private MonsoonCsv() {
    }

    public static List<Sample> read(Path file) throws IOException {
        CsvTable t = CsvTable.read(file);
        String time = find(t, "time");
        String current = findMain(t, "(ma)", "current");
        String voltage = findMain(t, "voltage", null);
        String power = findMain(t, "power", null);
        if (time == null) {
            throw new CsvFormatException(t.source(), 1, "Time", "no time column (expected e.g. 'Time(ms)')");
        }
        if (power == null && (current == null || voltage == null)) {
            throw new CsvFormatException(t.source(), 1, "Main(mA)",
                    "need the main channel's current and voltage (e.g. 'Main(mA)', 'Main Voltage(V)') or its power");
        }
        double timeToUs = switch (unit(time, "s")) {
            case "ms" -> 1_000;
            case "us", "µs" -> 1;
            case "s" -> 1_000_000;
            default -> throw new CsvFormatException(t.source(), 1, time, "unknown time unit");
        };
        double currentToMa = current == null ? 0 : switch (unit(current, "ma")) {
            case "ma" -> 1;
            case "a" -> 1000;
            case "ua", "µa" -> 0.001;
            default -> throw new CsvFormatException(t.source(), 1, current, "unknown current unit");
        };
        double voltageToMv = voltage == null ? 0 : switch (unit(voltage, "v")) {
            case "v" -> 1000;
            case "mv" -> 1;
            default -> throw new CsvFormatException(t.source(), 1, voltage, "unknown voltage unit");
        };
        double powerToMw = power == null ? 0 : switch (unit(power, "mw")) {
            case "mw" -> 1;
            case "w" -> 1000;
            default -> throw new CsvFormatException(t.source(), 1, power, "unknown power unit");
        };
        List<Sample> out = new ArrayList<>();
        long previous = Long.MIN_VALUE;
        for (CsvTable.Row r : t.rows()) {
            long us = Math.round(r.nonNegativeDouble(time) * timeToUs);
            if (us < previous) {
                throw r.problem(time, "time goes backwards (" + r.text(time) + ")");
            }
            previous = us;
            double mv = voltage == null ? Double.NaN : r.nonNegativeDouble(voltage) * voltageToMv;
            double ma = current == null ? Double.NaN : number(r, current) * currentToMa;
            double mw = power != null ? number(r, power) * powerToMw : mv * ma / 1000.0;
            if (current == null) {
                ma = mv > 0 ? mw / mv * 1000.0 : Double.NaN;
            }
            out.add(new Sample(us, mv, ma, mw));
        }
        if (out.isEmpty()) {
            throw new CsvFormatException(t.source(), 2, time, "the file has no samples");
        }
        return out;
    }

    /** Currents can be slightly negative around zero (measurement noise), so only finiteness is checked. */
    private static double number(CsvTable.Row r, String column) {
        String s = r.text(column).trim();
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v)) {
                throw r.problem(column, "'" + s + "' is not a finite number");
            }
            return v;
        } catch (NumberFormatException e) {
            throw r.problem(column, "'" + s + "' is not a number");
        }
    }

    private static String find(CsvTable t, String word) {
        for (String h : t.header()) {
            if (h.toLowerCase(Locale.ROOT).contains(word)) {
                return h;
            }
        }
        return null;
    }

    /** A main-channel column by a word in its name (USB and Aux channels are other measurements). */
    private static String findMain(CsvTable t, String word, String alternative) {
        for (String h : t.header()) {
            String l = h.toLowerCase(Locale.ROOT);
            if (l.contains("usb") || l.contains("aux") || l.contains("time")) {
                continue;
            }
            if (word.equals("(ma)") && l.startsWith("main") && !l.contains("voltage") && !l.contains("power")
                    && (l.contains("(ma)") || l.contains("(a)") || l.contains("(ua)") || l.contains("current"))) {
                return h;
            }
            if (!word.equals("(ma)") && l.contains(word)) {
                return h;
            }
            if (alternative != null && l.contains(alternative) && !l.contains("voltage") && !l.contains("power")) {
                return h;
            }
        }
        return null;
    }

    private static String unit(String header, String fallback) {
        Matcher m = UNIT.matcher(header);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : fallback;
    }
}
