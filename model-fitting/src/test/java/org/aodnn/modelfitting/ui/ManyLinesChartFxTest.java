package org.aodnn.modelfitting.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The CV chart draws one line per unit model, often more than the 8 colours of JavaFX's default palette,
 * which then repeat: with the workspace's stylesheet, 20 lines have 20 colours, in the legend too.
 */
class ManyLinesChartFxTest {

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void twentyLinesHaveTwentyColours() throws Exception {
        AtomicReference<LineChart<Number, Number>> chart = new AtomicReference<>();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            LineChart<Number, Number> c = new LineChart<>(new NumberAxis(), new NumberAxis());
            c.getStyleClass().add("many-lines");
            c.setAnimated(false);
            for (int s = 0; s < 20; s++) {
                XYChart.Series<Number, Number> series = new XYChart.Series<>();
                series.setName("unit " + s);
                for (int x = 1; x <= 4; x++) {
                    series.getData().add(new XYChart.Data<>(x, s + x * 0.1));
                }
                c.getData().add(series);
            }
            StackPane root = new StackPane(c);
            root.getStyleClass().add("model-fitting");
            Scene scene = new Scene(root, 1000, 800);
            scene.getStylesheets().add(ModelFittingView.class.getResource("ModelFittingView.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            chart.set(c);
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> lines = new ArrayList<>();
        List<String> symbols = new ArrayList<>();
        FxToolkit.setupFixture(() -> {
            chart.get().applyCss();
            for (XYChart.Series<Number, Number> s : chart.get().getData()) {
                lines.add(String.valueOf(((Path) s.getNode()).getStroke()));
                symbols.add(String.valueOf(((javafx.scene.layout.Region) s.getData().get(0).getNode())
                        .getBackground().getFills().get(0).getFill()));
            }
        });
        assertEquals(20, Set.copyOf(lines).size(), "line colours: " + lines);
        assertEquals(20, Set.copyOf(symbols).size(), "symbol colours: " + symbols);
        assertEquals(lines.get(8), symbols.get(8), "a line and its points share their colour");
        assertNotEquals(lines.get(0), lines.get(8));
    }
}
