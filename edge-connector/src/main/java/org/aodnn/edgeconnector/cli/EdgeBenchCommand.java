package org.aodnn.edgeconnector.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.aodnn.db.Store;
import org.aodnn.db.cli.CommandFailure;
import org.aodnn.db.cli.Json;
import org.aodnn.edgeconnector.bench.PublishBenchmark;
import org.aodnn.edgeconnector.build.ManifestBuilder;
import org.aodnn.edgeconnector.manifest.ManifestException;
import org.aodnn.policyeditor.policy.PolicyInputs;
import org.aodnn.policyeditor.policy.PolicySettings;
import org.aodnn.policyeditor.solver.NetworkProfile;
import org.aodnn.policyeditor.source.EnergySource;
import org.aodnn.policyeditor.source.MeasuredProfiles;
import org.aodnn.policyeditor.source.MeasurementProfile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aodnn edge bench}: the publishing benchmark. Builds a real manifest (a catalog model over the
 * sample measurements, in a temporary database), starts N local agents and publishes to all of them,
 * all at once and canary-then-rest, several rounds; prints the wall time per round.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark: publish a real signed manifest to N local agents (loopback), several rounds.")
public final class EdgeBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--agents", defaultValue = "50", description = "local agents (default ${DEFAULT-VALUE})")
    int agents;

    @Option(names = "--rounds", defaultValue = "5", description = "measured rounds per rollout (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--concurrency", defaultValue = "32", description = "nodes contacted at once (default ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--model", defaultValue = "densenet121",
            description = "catalog model of the manifest (default ${DEFAULT-VALUE}, the longest layer table)")
    String model;

    @Option(names = "--json", description = "Print the rounds as one JSON document")
    boolean json;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (agents < 1 || rounds < 1 || concurrency < 1) {
            throw new CommandFailure("--agents, --rounds and --concurrency must be at least 1");
        }
        Path work = Files.createTempDirectory("aodnn-edge-bench");
        try {
            ObjectNode template = sampleManifest(work.resolve("db"));
            PublishBenchmark.Result result;
            try {
                result = PublishBenchmark.run(template, agents, rounds, concurrency, work);
            } catch (ManifestException e) {
                throw new CommandFailure("the benchmark manifest is invalid: " + e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            if (json) {
                ObjectNode doc = Json.object();
                doc.put("agents", result.agents());
                doc.put("model", result.model());
                doc.put("manifest_bytes", result.manifestBytes());
                doc.put("cpus", Runtime.getRuntime().availableProcessors());
                doc.put("load_average", load);
                ArrayNode list = doc.putArray("rounds");
                for (PublishBenchmark.Round r : result.rounds()) {
                    list.addObject().put("round", r.round()).put("rollout", r.rollout().label()).put("ms", r.millis())
                            .put("cpu_ms", r.cpuMillis());
                }
                Json.print(out, doc);
            } else {
                for (PublishBenchmark.Round r : result.rounds()) {
                    out.printf("round %d %-6s %5d ms wall, %5d ms CPU (publisher and agents)%n", r.round(),
                            r.rollout().label(), r.millis(), r.cpuMillis());
                }
                out.println(describeResult(result));
                out.printf(java.util.Locale.ROOT, "system load average at the end: %.1f%n", load);
                out.flush();
            }
            return 0;
        } finally {
            PublishBenchmark.deleteTree(work);
        }
    }

    private static String describeResult(PublishBenchmark.Result r) {
        return String.format(java.util.Locale.ROOT,
                "%s manifest (%d bytes) to %d local agents on %d CPUs: all at once median %d ms (min %d, max %d); "
                        + "canary then rest median %d ms (min %d, max %d)",
                r.model(), r.manifestBytes(), r.agents(), Runtime.getRuntime().availableProcessors(),
                r.medianMillis(org.aodnn.edgeconnector.publish.Rollout.ALL_AT_ONCE),
                r.minMillis(org.aodnn.edgeconnector.publish.Rollout.ALL_AT_ONCE),
                r.maxMillis(org.aodnn.edgeconnector.publish.Rollout.ALL_AT_ONCE),
                r.medianMillis(org.aodnn.edgeconnector.publish.Rollout.CANARY),
                r.minMillis(org.aodnn.edgeconnector.publish.Rollout.CANARY),
                r.maxMillis(org.aodnn.edgeconnector.publish.Rollout.CANARY));
    }

    /** A manifest of {@code model} over the sample data's browser (wasm) and edge (GPU) measurements. */
    private ObjectNode sampleManifest(Path dbBase) {
        try (Store store = Store.open(dbBase)) {
            MeasuredProfiles profiles = new MeasuredProfiles(store);
            MeasurementProfile browser = pick(profiles, "reference-browser", "browser", "wasm");
            MeasurementProfile edge = pick(profiles, "edge-server", "gpu", "");
            if (!profiles.completeModels(browser).contains(model) || !profiles.completeModels(edge).contains(model)) {
                throw new CommandFailure("--model " + model + ": the sample measurements do not cover every layer (try "
                        + String.join(", ", profiles.completeModels(browser)) + ")");
            }
            PolicySettings settings = new PolicySettings(model, browser, edge, new EnergySource.ComputePower(2500),
                    NetworkProfile.WIFI, 20, 80, false, 2000, 30, 2000 / 30.0, true, null);
            return ManifestBuilder.build(PolicyInputs.resolve(store, settings), 1, Instant.now());
        }
    }

    private static MeasurementProfile pick(MeasuredProfiles profiles, String platform, String target, String backend) {
        List<MeasuredProfiles.ProfileInfo> all = profiles.list();
        return all.stream().map(MeasuredProfiles.ProfileInfo::profile)
                .filter(p -> p.platform().equals(platform) && p.target().equals(target) && p.backend().equals(backend))
                .findFirst().orElseThrow(() -> new CommandFailure("no " + platform + "/" + target + " measurements in the "
                        + "sample data"));
    }

    /** For running the benchmark without the app: {@code java -cp ... org.aodnn.edgeconnector.cli.EdgeBenchCommand}. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new EdgeBenchCommand()).execute(args));
    }
}
