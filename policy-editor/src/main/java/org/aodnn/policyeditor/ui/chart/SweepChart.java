package org.aodnn.policyeditor.ui.chart;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.aodnn.policyeditor.solver.BandwidthSweep;

/**
 * The decision against uplink bandwidth (log axis, 1–100 Mbit/s), as in the paper's Fig. 5: T and E of
 * the chosen cut above, the chosen k as a step line below, the current uplink marked.
 */
public final class SweepChart extends CanvasChart {

    private static final double LEFT = 64;
    private static final double RIGHT = 64;
    private static final double TOP = 24;
    private static final double BOTTOM = 34;
    private BandwidthSweep sweep;
    private double currentUp = Double.NaN;
    private int layers;

    public void setSweep(BandwidthSweep sweep, double currentUpMbps, int layerCount) {
        this.sweep = sweep;
        this.currentUp = currentUpMbps;
        this.layers = layerCount;
        redraw();
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        if (sweep == null || sweep.size() == 0) {
            message(g, w, h, "No model prepared yet.");
            return;
        }
        double split = TOP + (h - TOP - BOTTOM) * 0.62;
        Axis x = Axis.log(sweep.upMbps(0), sweep.upMbps(sweep.size() - 1), LEFT, w - RIGHT);
        double maxT = 0;
        double maxE = 0;
        for (int i = 0; i < sweep.size(); i++) {
            maxT = Math.max(maxT, sweep.tMs(i));
            maxE = Math.max(maxE, sweep.eJ(i));
        }
        Axis t = Axis.linear(0, maxT * 1.08, split, TOP);
        Axis e = Axis.linear(0, maxE * 1.08, split, TOP);
        Axis k = Axis.linear(0, Math.max(1, layers), h - BOTTOM, split + 16);

        g.setTextAlign(TextAlignment.CENTER);
        for (double v : x.ticks(5)) {
            double px = x.toPx(v);
            g.setStroke(GRID);
            g.strokeLine(px, TOP, px, h - BOTTOM);
            g.setFill(TEXT);
            g.fillText(Axis.format(v), px, h - BOTTOM + 14);
        }
        g.fillText("uplink (Mbit/s, log scale)", (LEFT + w - RIGHT) / 2, h - 4);
        g.setTextAlign(TextAlignment.RIGHT);
        for (double v : t.ticks(4)) {
            g.setFill(TEXT);
            g.fillText(Axis.format(v), LEFT - 6, t.toPx(v) + 4);
        }
        g.fillText("k", LEFT - 6, k.toPx(layers / 2.0) + 4);
        g.fillText(Integer.toString(layers), LEFT - 18, k.toPx(layers) + 4);
        g.fillText("0", LEFT - 18, k.toPx(0) + 4);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(CutChart.ENERGY);
        for (double v : e.ticks(4)) {
            g.fillText(Axis.format(v), w - RIGHT + 6, e.toPx(v) + 4);
        }
        g.setFill(TEXT);
        g.fillText("T (ms) of the chosen cut", LEFT, TOP - 8);
        g.setFill(CutChart.ENERGY);
        g.fillText("E (J)", w - RIGHT + 6, TOP - 8);
        g.setStroke(GRID);
        g.strokeLine(LEFT, split + 8, w - RIGHT, split + 8);

        line(g, x, i -> t.toPx(sweep.tMs(i)), CutChart.BROWSER, false);
        line(g, x, i -> e.toPx(sweep.eJ(i)), CutChart.ENERGY, false);
        line(g, x, i -> k.toPx(sweep.k(i)), Color.web("#444"), true);
        for (int i = 0; i < sweep.size(); i++) {
            if (!sweep.feasible(i)) {
                g.setFill(Color.rgb(179, 38, 30, 0.5));
                g.fillRect(x.toPx(sweep.upMbps(i)) - 1, h - BOTTOM - 4, 2, 4);
            }
        }
        if (Double.isFinite(currentUp) && currentUp >= x.min() && currentUp <= x.max()) {
            double px = x.toPx(currentUp);
            g.setStroke(CutChart.CHOSEN);
            g.setLineWidth(2);
            g.strokeLine(px, TOP, px, h - BOTTOM);
            g.setLineWidth(1);
        }
    }

    private void line(GraphicsContext g, Axis x, java.util.function.IntToDoubleFunction y, Color color, boolean steps) {
        g.setStroke(color);
        g.setLineWidth(2);
        g.beginPath();
        for (int i = 0; i < sweep.size(); i++) {
            double px = x.toPx(sweep.upMbps(i));
            double py = y.applyAsDouble(i);
            if (i == 0) {
                g.moveTo(px, py);
            } else {
                if (steps) {
                    g.lineTo(px, y.applyAsDouble(i - 1));
                }
                g.lineTo(px, py);
            }
        }
        g.stroke();
        g.setLineWidth(1);
    }
}
