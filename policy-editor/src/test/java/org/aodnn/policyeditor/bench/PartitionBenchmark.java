package org.aodnn.policyeditor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.aodnn.db.Store;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.db.domain.ModelSummary;
import org.aodnn.policyeditor.solver.BandwidthSweep;
import org.aodnn.policyeditor.solver.Decision;
import org.aodnn.policyeditor.solver.Evaluation;
import org.aodnn.policyeditor.solver.MobileEnergy;
import org.aodnn.policyeditor.solver.NetworkProfile;
import org.aodnn.policyeditor.solver.PartitionInputs;
import org.aodnn.policyeditor.solver.PartitionProblem;
import org.aodnn.policyeditor.solver.Scenario;
import org.aodnn.policyeditor.source.MeasuredProfiles;
import org.aodnn.policyeditor.source.MeasurementProfile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The solver on the catalog model with the most layers (efficientnet_v2_s, 444 layers), with its real
 * measured latencies: the reference browser (TF.js wasm) against the edge server's GPU, from the sample
 * data of a fresh database. Run: {@code mvn -o -q -pl policy-editor -Pbench -DskipTests test-compile exec:exec}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PartitionBenchmark {

    static final MeasurementProfile EDGE_GPU = new MeasurementProfile("edge-server", "gpu", "", "", 0);
    static final MeasurementProfile BROWSER_WASM = new MeasurementProfile("reference-browser", "browser", "wasm",
            "Chromium 156.0.8078.108", 1);

    private Path dir;
    private PartitionInputs inputs;
    private PartitionProblem problem;
    private Scenario scenario;
    private double[] sweepPoints;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("aodnn-bench");
        try (Store store = Store.open(dir.resolve("wb"))) {
            String largest = store.models().list().stream().max(Comparator.comparingInt(ModelSummary::layers))
                    .orElseThrow().name();
            DnnModel model = store.models().find(largest).orElseThrow();
            MeasuredProfiles profiles = new MeasuredProfiles(store);
            inputs = PartitionInputs.of(model, profiles.latencies(BROWSER_WASM, model),
                    profiles.latencies(EDGE_GPU, model), new MobileEnergy.ComputePower(2000), null);
        }
        problem = PartitionProblem.of(inputs);
        scenario = Scenario.linked(NetworkProfile.WIFI, 40, 150, false, 1200, 24);
        sweepPoints = BandwidthSweep.logSpaced(1, 100, 1000);
        System.out.printf("%n%s: %d layers, %d valid cuts%n", inputs.model(), inputs.layerCount(),
                problem.cutCount());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** One decision: the chosen cut under the scenario. */
    @Benchmark
    public Decision decide() {
        return problem.decide(scenario);
    }

    /** Every cut with its parts, the choice and the baselines: what one redraw of the main chart needs. */
    @Benchmark
    public Evaluation evaluate() {
        return problem.evaluate(scenario);
    }

    /** The decision at 1000 log-spaced uplink bandwidths, 1 to 100 Mbit/s. */
    @Benchmark
    public BandwidthSweep sweep1000() {
        return problem.sweepUplink(scenario, sweepPoints);
    }

    /** Rebuilding the prefix sums, when a source or the model changes. */
    @Benchmark
    public PartitionProblem prepare() {
        return PartitionProblem.of(inputs);
    }
}
