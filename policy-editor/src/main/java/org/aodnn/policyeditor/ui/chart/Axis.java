package org.aodnn.policyeditor.ui.chart;

import java.util.ArrayList;
import java.util.List;

/** Maps data values to pixels on a linear or base-10 log axis and proposes readable tick values. */
public record Axis(double min, double max, boolean log, double fromPx, double toPx) {

    public static Axis linear(double min, double max, double fromPx, double toPx) {
        if (max <= min) {
            max = min + 1;
        }
        return new Axis(min, max, false, fromPx, toPx);
    }

    public static Axis log(double min, double max, double fromPx, double toPx) {
        return new Axis(Math.max(min, 1e-12), Math.max(max, min * 10), true, fromPx, toPx);
    }

    public double toPx(double value) {
        double t = log ? (Math.log10(value) - Math.log10(min)) / (Math.log10(max) - Math.log10(min))
                : (value - min) / (max - min);
        return fromPx + t * (toPx - fromPx);
    }

    public double fromPx(double px) {
        double t = (px - fromPx) / (toPx - fromPx);
        return log ? Math.pow(10, Math.log10(min) + t * (Math.log10(max) - Math.log10(min))) : min + t * (max - min);
    }

    /** Tick values: 1-2-5 steps on a linear axis, decades (and 2, 5 within) on a log axis. */
    public List<Double> ticks(int approximateCount) {
        List<Double> ticks = new ArrayList<>();
        if (log) {
            for (double decade = Math.pow(10, Math.floor(Math.log10(min))); decade <= max; decade *= 10) {
                for (double m : new double[] {1, 2, 5}) {
                    double v = decade * m;
                    if (v >= min * 0.999 && v <= max * 1.001) {
                        ticks.add(v);
                    }
                }
            }
            return ticks;
        }
        double step = niceStep((max - min) / Math.max(1, approximateCount));
        for (double v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) {
            ticks.add(Math.abs(v) < step * 1e-9 ? 0 : v);
        }
        return ticks;
    }

    static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= raw) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    public static String format(double v) {
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 1000) {
            return String.format(java.util.Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(java.util.Locale.ROOT, "%.0f", v);
        }
        if (a >= 1) {
            return String.format(java.util.Locale.ROOT, "%.1f", v).replaceAll("\\.0$", "");
        }
        return String.format(java.util.Locale.ROOT, "%.3g", v);
    }
}
