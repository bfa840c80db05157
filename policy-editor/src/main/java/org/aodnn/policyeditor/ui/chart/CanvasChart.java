package org.aodnn.policyeditor.ui.chart;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * A chart drawn on one canvas that fills the region: redrawing a few hundred marks this way takes well
 * under a frame, which is what keeps the sliders live. Subclasses draw in {@link #draw}.
 */
public abstract class CanvasChart extends Region {

    protected static final Color GRID = Color.web("#e3e7ec");
    protected static final Color TEXT = Color.web("#3d4650");
    protected static final Font SMALL = Font.font(11);
    protected final Canvas canvas = new Canvas();
    private long redraws;

    protected CanvasChart() {
        getChildren().add(canvas);
        setMinSize(200, 160);
        setPrefSize(700, 320);
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
    }

    /** Draws the chart now (called after every data change). */
    public final void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setFont(SMALL);
        if (w > 40 && h > 40) {
            draw(g, w, h);
        }
        redraws++;
    }

    /** How many times the chart was drawn (the UI tests and the redraw benchmark read it). */
    public long redrawCount() {
        return redraws;
    }

    protected abstract void draw(GraphicsContext g, double width, double height);

    protected static void message(GraphicsContext g, double w, double h, String text) {
        g.setFill(TEXT);
        g.fillText(text, 20, h / 2);
    }
}
