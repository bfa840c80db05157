package org.aodnn.policyeditor.ui.chart;

import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.aodnn.policyeditor.solver.CutResult;
import org.aodnn.policyeditor.solver.Evaluation;

/** (T, E) of every valid cut, the Pareto front joined, the feasible box of the bounds and the chosen cut. */
public final class ParetoChart extends CanvasChart {

    private static final double LEFT = 64;
    private static final double RIGHT = 20;
    private static final double TOP = 20;
    private static final double BOTTOM = 36;
    private Evaluation evaluation;

    public void setEvaluation(Evaluation evaluation) {
        this.evaluation = evaluation;
        redraw();
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        if (evaluation == null) {
            message(g, w, h, "No model prepared yet.");
            return;
        }
        List<CutResult> cuts = evaluation.cuts();
        double maxT = Math.max(evaluation.scenario().tMaxMs(), cuts.stream().mapToDouble(CutResult::tMs).max().orElse(1));
        double maxE = Math.max(evaluation.scenario().eMaxJ(), cuts.stream().mapToDouble(CutResult::eJ).max().orElse(1));
        Axis t = Axis.linear(0, maxT * 1.05, LEFT, w - RIGHT);
        Axis e = Axis.linear(0, maxE * 1.05, h - BOTTOM, TOP);
        g.setTextAlign(TextAlignment.CENTER);
        for (double v : t.ticks(6)) {
            g.setStroke(GRID);
            g.strokeLine(t.toPx(v), TOP, t.toPx(v), h - BOTTOM);
            g.setFill(TEXT);
            g.fillText(Axis.format(v), t.toPx(v), h - BOTTOM + 14);
        }
        g.fillText("T (ms)", (LEFT + w - RIGHT) / 2, h - 4);
        g.setTextAlign(TextAlignment.RIGHT);
        for (double v : e.ticks(5)) {
            g.setStroke(GRID);
            g.strokeLine(LEFT, e.toPx(v), w - RIGHT, e.toPx(v));
            g.setFill(TEXT);
            g.fillText(Axis.format(v), LEFT - 6, e.toPx(v) + 4);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("E (J)", 8, TOP - 6);
        // the feasible region: T < T_max and E < E_max
        double bx = t.toPx(evaluation.scenario().tMaxMs());
        double by = e.toPx(evaluation.scenario().eMaxJ());
        g.setFill(Color.rgb(27, 138, 58, 0.07));
        g.fillRect(LEFT, by, bx - LEFT, h - BOTTOM - by);
        g.setStroke(Color.rgb(27, 138, 58, 0.6));
        g.setLineDashes(5, 4);
        g.strokeRect(LEFT, by, bx - LEFT, h - BOTTOM - by);
        g.setLineDashes();

        List<CutResult> front = evaluation.paretoFront();
        g.setStroke(CutChart.BROWSER);
        g.setLineWidth(1.5);
        g.beginPath();
        for (int i = 0; i < front.size(); i++) {
            double px = t.toPx(front.get(i).tMs());
            double py = e.toPx(front.get(i).eJ());
            if (i == 0) {
                g.moveTo(px, py);
            } else {
                g.lineTo(px, py);
            }
        }
        g.stroke();
        g.setLineWidth(1);
        for (CutResult c : cuts) {
            g.setFill(c.feasible() ? Color.web("#6b7785") : Color.web("#d08a85"));
            g.fillOval(t.toPx(c.tMs()) - 3, e.toPx(c.eJ()) - 3, 6, 6);
        }
        for (CutResult c : front) {
            g.setFill(CutChart.BROWSER);
            g.fillOval(t.toPx(c.tMs()) - 3.5, e.toPx(c.eJ()) - 3.5, 7, 7);
        }
        CutResult chosen = evaluation.chosen();
        double cx = t.toPx(chosen.tMs());
        double cy = e.toPx(chosen.eJ());
        g.setStroke(CutChart.CHOSEN);
        g.setLineWidth(2.5);
        g.strokeOval(cx - 7, cy - 7, 14, 14);
        g.setLineWidth(1);
        g.setFill(CutChart.CHOSEN);
        g.fillText("k=" + chosen.k(), cx + 10, cy - 8);
    }
}
