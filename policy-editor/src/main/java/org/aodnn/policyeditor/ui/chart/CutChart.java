package org.aodnn.policyeditor.ui.chart;

import java.util.List;
import java.util.Locale;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.aodnn.policyeditor.solver.Baseline;
import org.aodnn.policyeditor.solver.CutResult;
import org.aodnn.policyeditor.solver.Evaluation;

/**
 * The Policy Editor's main chart over the valid cuts: T(k) as stacked bars of its parts (browser
 * compute, edge compute, model loading, upload) on the left axis with the T_max line and the objective
 * T + ηE as a line; E(k) on the right axis with the E_max line; infeasible cuts shaded; the chosen cut
 * and the four baselines marked. Hovering a bar shows the cut's numbers.
 */
public final class CutChart extends CanvasChart {

    public static final Color BROWSER = Color.web("#2f6fb5");
    public static final Color EDGE = Color.web("#7aa7d9");
    public static final Color LOAD = Color.web("#e0a030");
    public static final Color UPLOAD = Color.web("#9c6ade");
    public static final Color ENERGY = Color.web("#1b8a3a");
    public static final Color OBJECTIVE = Color.web("#222222");
    public static final Color CHOSEN = Color.web("#1b8a3a");
    private static final double LEFT = 64;
    private static final double RIGHT = 64;
    private static final double TOP = 28;
    private static final double BOTTOM = 120;
    /** Layer names hang from this far below the axis (under the baseline marks), slanted at this angle. */
    private static final double LABEL_TOP = 58;
    private static final double LABEL_ANGLE = 50;

    private Evaluation evaluation;
    private final Tooltip tooltip = new Tooltip();
    private double slot;

    public CutChart() {
        Tooltip.install(this, tooltip);
        setOnMouseMoved(e -> {
            CutResult cut = cutAt(e.getX());
            tooltip.setText(cut == null ? "" : describe(cut));
        });
    }

    public void setEvaluation(Evaluation evaluation) {
        this.evaluation = evaluation;
        redraw();
    }

    public Evaluation evaluation() {
        return evaluation;
    }

    private CutResult cutAt(double x) {
        if (evaluation == null || slot <= 0) {
            return null;
        }
        int i = (int) Math.floor((x - LEFT) / slot);
        return i >= 0 && i < evaluation.cuts().size() ? evaluation.cuts().get(i) : null;
    }

    private static String describe(CutResult c) {
        var p = c.parts();
        return String.format(Locale.ROOT, "k=%d%s%nT = %.2f ms (browser %.2f, edge %.2f, loading %.2f, upload %.2f)"
                        + "%nE = %.4f J (compute %.4f, loading %.4f, upload %.4f)%nobjective %.2f%s",
                c.k(), c.afterLayer() == null ? " (edge only)" : " after " + c.afterLayer(), c.tMs(), p.twMs(),
                p.teMs(), p.loadMs(), p.upMs(), c.eJ(), p.ewJ(), p.loadJ(), p.upJ(), c.objective(),
                c.feasible() ? "" : "\ninfeasible: violates a bound");
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        if (evaluation == null) {
            message(g, w, h, "Choose a model and its latency sources.");
            return;
        }
        List<CutResult> cuts = evaluation.cuts();
        double tMax = evaluation.scenario().tMaxMs();
        double eMax = evaluation.scenario().eMaxJ();
        // The T axis is scaled to the latencies and T_max, not to the objective: with a large η the objective
        // T + ηE runs to millions of ms and the bars would vanish; it is clipped at the top and said so.
        double topT = Math.max(tMax, cuts.stream().mapToDouble(CutResult::tMs).max().orElse(1));
        double topObjective = cuts.stream().mapToDouble(CutResult::objective).max().orElse(0);
        double topE = Math.max(eMax, cuts.stream().mapToDouble(CutResult::eJ).max().orElse(1));
        Axis t = Axis.linear(0, topT * 1.05, h - BOTTOM, TOP);
        Axis e = Axis.linear(0, topE * 1.05, h - BOTTOM, TOP);
        double plotW = w - LEFT - RIGHT;
        slot = plotW / cuts.size();
        double bar = Math.max(1, slot * 0.72);

        // grid and axes
        g.setLineWidth(1);
        g.setTextAlign(TextAlignment.RIGHT);
        for (double v : t.ticks(6)) {
            double y = t.toPx(v);
            g.setStroke(GRID);
            g.strokeLine(LEFT, y, w - RIGHT, y);
            g.setFill(TEXT);
            g.fillText(Axis.format(v), LEFT - 6, y + 4);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(ENERGY);
        for (double v : e.ticks(6)) {
            g.fillText(Axis.format(v), w - RIGHT + 6, e.toPx(v) + 4);
        }
        g.setFill(TEXT);
        g.fillText("T (ms)", 8, TOP - 10);
        g.setFill(ENERGY);
        g.fillText("E (J)", w - RIGHT + 6, TOP - 10);

        for (int i = 0; i < cuts.size(); i++) {
            CutResult c = cuts.get(i);
            double x0 = LEFT + i * slot;
            if (!c.feasible()) {
                g.setFill(Color.rgb(179, 38, 30, 0.10));
                g.fillRect(x0, TOP, slot, h - BOTTOM - TOP);
            }
            double x = x0 + (slot - bar) / 2;
            double base = 0;
            var p = c.parts();
            double[] parts = {p.twMs(), p.teMs(), p.loadMs(), p.upMs()};
            Color[] colors = {BROWSER, EDGE, LOAD, UPLOAD};
            for (int j = 0; j < parts.length; j++) {
                double y0 = t.toPx(base);
                double y1 = t.toPx(base + parts[j]);
                g.setFill(colors[j]);
                g.fillRect(x, y1, bar, Math.max(0, y0 - y1));
                base += parts[j];
            }
        }
        // lines: objective (left axis, ms) and E (right axis)
        polyline(g, cuts, c -> Math.max(TOP, t.toPx(c.objective())), OBJECTIVE, 1.2);
        if (topObjective > topT * 1.05) {
            g.setFill(OBJECTIVE);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(String.format(java.util.Locale.ROOT, "objective above the scale (up to %s ms)",
                    Axis.format(topObjective)), LEFT + 4, TOP + 26);
        }
        polyline(g, cuts, c -> e.toPx(c.eJ()), ENERGY, 2);
        // bounds
        g.setLineDashes(6, 4);
        g.setStroke(Color.web("#b3261e"));
        g.strokeLine(LEFT, t.toPx(tMax), w - RIGHT, t.toPx(tMax));
        g.setStroke(ENERGY);
        g.strokeLine(LEFT, e.toPx(eMax), w - RIGHT, e.toPx(eMax));
        g.setLineDashes();
        g.setFill(Color.web("#b3261e"));
        g.fillText("T_max", LEFT + 4, t.toPx(tMax) - 4);
        g.setFill(ENERGY);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("E_max", w - RIGHT - 4, e.toPx(eMax) - 4);

        // chosen cut and baselines
        CutResult chosen = evaluation.chosen();
        double cx = LEFT + chosen.index() * slot;
        g.setStroke(evaluation.feasible() ? CHOSEN : Color.web("#b3261e"));
        g.setLineWidth(2.5);
        g.strokeRect(cx + 1, TOP, slot - 2, h - BOTTOM - TOP);
        g.setLineWidth(1);
        g.setTextAlign(TextAlignment.CENTER);
        g.setFill(evaluation.feasible() ? CHOSEN : Color.web("#b3261e"));
        g.fillText(evaluation.feasible() ? "chosen" : "least violating", cx + slot / 2, TOP + 12);
        int row = 0;
        for (Baseline b : Baseline.values()) {
            CutResult base = evaluation.baselines().get(b);
            double bx = LEFT + base.index() * slot + slot / 2;
            double by = h - BOTTOM + 14 + 11 * (row++ % 4);
            g.setFill(TEXT);
            g.fillText(shortName(b), bx, by);
        }
        // layer names on the axis (every n-th when crowded)
        g.save();
        g.setFill(TEXT);
        g.setTextAlign(TextAlignment.RIGHT);
        int every = (int) Math.ceil(14 / Math.max(slot, 0.1));
        for (int i = 0; i < cuts.size(); i += Math.max(1, every)) {
            CutResult c = cuts.get(i);
            double x = LEFT + i * slot + slot / 2;
            g.save();
            g.translate(x + 4, h - BOTTOM + LABEL_TOP);
            g.rotate(-LABEL_ANGLE);
            g.fillText(fitted(c.afterLayer() == null ? "input" : c.afterLayer(), g.getFont()), 0, 0);
            g.restore();
        }
        g.restore();
        legend(g, w);
    }

    /**
     * The name as it fits in the space below the axis: a name too long would run off the chart's bottom edge,
     * cut at its start; it loses its start visibly ("…3.0.relu"), and the tooltip over the bar gives it whole.
     */
    static String fitted(String name, javafx.scene.text.Font font) {
        double room = (BOTTOM - LABEL_TOP - 4) / Math.sin(Math.toRadians(LABEL_ANGLE));
        if (textWidth(name, font) <= room) {
            return name;
        }
        for (int start = 1; start < name.length(); start++) {
            String tail = "…" + name.substring(start);
            if (textWidth(tail, font) <= room) {
                return tail;
            }
        }
        return "…";
    }

    static double textWidth(String text, javafx.scene.text.Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    private static String shortName(Baseline b) {
        return switch (b) {
            case EDGE_ONLY -> "edge";
            case LOCAL_ONLY -> "local";
            case NEURO_L -> "N-L";
            case NEURO_E -> "N-E";
        };
    }

    private void polyline(GraphicsContext g, List<CutResult> cuts, java.util.function.ToDoubleFunction<CutResult> y,
                          Color color, double width) {
        g.setStroke(color);
        g.setLineWidth(width);
        g.beginPath();
        for (int i = 0; i < cuts.size(); i++) {
            double x = LEFT + i * slot + slot / 2;
            double py = y.applyAsDouble(cuts.get(i));
            if (i == 0) {
                g.moveTo(x, py);
            } else {
                g.lineTo(x, py);
            }
        }
        g.stroke();
        g.setLineWidth(1);
    }

    private static void legend(GraphicsContext g, double w) {
        String[] names = {"browser", "edge", "loading", "upload", "objective", "E"};
        Color[] colors = {BROWSER, EDGE, LOAD, UPLOAD, OBJECTIVE, ENERGY};
        double x = LEFT + 50;
        g.setTextAlign(TextAlignment.LEFT);
        for (int i = 0; i < names.length; i++) {
            g.setFill(colors[i]);
            g.fillRect(x, 8, 10, 10);
            g.setFill(TEXT);
            g.fillText(names[i], x + 14, 17);
            x += 22 + names[i].length() * 6.5;
        }
    }
}
