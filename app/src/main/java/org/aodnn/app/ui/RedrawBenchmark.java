package org.aodnn.app.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.aodnn.db.Store;
import org.aodnn.db.cli.CommandFailure;
import org.aodnn.policyeditor.ui.chart.CutChart;

/**
 * Measures, in the running window, how long a slider move takes to reach the screen: from setting a
 * Policy Editor slider's value to the end of the layout pass of the pulse that renders the redrawn charts.
 */
public final class RedrawBenchmark {

    /** Latencies in milliseconds, sorted. */
    public record Result(String slider, List<Double> millis, long redraws) {
        public double percentile(double p) {
            int i = (int) Math.ceil(p / 100.0 * millis.size()) - 1;
            return millis.get(Math.max(0, Math.min(millis.size() - 1, i)));
        }
    }

    private RedrawBenchmark() {
    }

    public static List<Result> run(Store store, int moves) throws Exception {
        if (System.getenv("DISPLAY") == null && !"Monocle".equals(System.getProperty("glass.platform"))) {
            throw new CommandFailure("the redraw benchmark needs a display (run it under xvfb-run)");
        }
        CompletableFuture<Scene> shown = new CompletableFuture<>();
        UiTaskExecutor executor = new UiTaskExecutor();
        Platform.startup(() -> {
            Stage stage = new Stage();
            WorkbenchWindow window = new WorkbenchWindow(store, executor);
            window.show(stage, () -> { });
            window.viewModel().select(Workspaces.POLICY_EDITOR);
            shown.complete(stage.getScene());
        });
        Scene scene = shown.get(30, TimeUnit.SECONDS);
        CutChart chart = (CutChart) scene.lookup("#cut-chart");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (onFx(chart::evaluation) == null) {
            if (System.nanoTime() > deadline) {
                throw new CommandFailure("the Policy Editor did not prepare its model within 60 s");
            }
            Thread.sleep(50);
        }
        List<Result> results = new ArrayList<>();
        for (String id : new String[] {"#tmax-slider", "#up-slider"}) {
            results.add(measure(scene, chart, (Slider) scene.lookup(id), id.substring(1), moves));
        }
        Platform.runLater(() -> ((Stage) scene.getWindow()).close());
        executor.close();
        Platform.exit();
        return results;
    }

    private static Result measure(Scene scene, CutChart chart, Slider slider, String name, int moves) throws Exception {
        Random random = new Random(42);
        List<Double> millis = new ArrayList<>();
        long redrawsBefore = onFx(chart::redrawCount);
        for (int i = 0; i < moves; i++) {
            double fraction = random.nextDouble();
            CompletableFuture<Double> done = new CompletableFuture<>();
            Platform.runLater(() -> {
                long t0 = System.nanoTime();
                Runnable[] listener = new Runnable[1];
                listener[0] = () -> {
                    scene.removePostLayoutPulseListener(listener[0]);
                    done.complete((System.nanoTime() - t0) / 1e6);
                };
                scene.addPostLayoutPulseListener(listener[0]);
                slider.setValue(slider.getMin() + fraction * (slider.getMax() - slider.getMin()));
                Platform.requestNextPulse();
            });
            millis.add(done.get(10, TimeUnit.SECONDS));
        }
        Collections.sort(millis);
        return new Result(name, millis, onFx(chart::redrawCount) - redrawsBefore);
    }

    private static <T> T onFx(java.util.function.Supplier<T> read) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> f.complete(read.get()));
        return f.get(10, TimeUnit.SECONDS);
    }
}
