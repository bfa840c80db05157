package org.aodnn.edgeconnector.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.aodnn.edgeconnector.agent.AgentConfig;
import org.aodnn.edgeconnector.agent.EdgeAgent;
import org.aodnn.edgeconnector.crypto.Ed25519;
import org.aodnn.edgeconnector.crypto.TrustedKeys;
import org.aodnn.edgeconnector.manifest.ManifestException;
import org.aodnn.edgeconnector.manifest.ManifestSignature;
import org.aodnn.edgeconnector.manifest.SignedManifest;
import org.aodnn.edgeconnector.publish.EdgeClient;
import org.aodnn.edgeconnector.publish.NodeTarget;
import org.aodnn.edgeconnector.publish.PublishListener;
import org.aodnn.edgeconnector.publish.PublishOptions;
import org.aodnn.edgeconnector.publish.PublishReport;
import org.aodnn.edgeconnector.publish.Publisher;
import org.aodnn.edgeconnector.publish.Rollout;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Publishing to many local agents: starts {@code agents} real edge agents on loopback ports (in this JVM,
 * each with its own data directory, HTTP server and thread pool), then publishes a signed manifest to all
 * of them {@code rounds} times (a new version each round, so every agent parses, verifies, fsyncs and
 * stores every time) and reports the wall time of each round, from the first request to the last answer.
 */
public final class PublishBenchmark {

    /** One round's wall time and outcome. */
    public record Round(int round, Rollout rollout, long millis, long cpuMillis, boolean success) {
    }

    /** All rounds, plus what was measured. */
    public record Result(int agents, int manifestBytes, String model, List<Round> rounds) {
        public long medianMillis(Rollout rollout) {
            long[] ms = rounds.stream().filter(r -> r.rollout() == rollout).mapToLong(Round::millis).sorted().toArray();
            return ms.length == 0 ? -1 : ms[ms.length / 2];
        }

        public long minMillis(Rollout rollout) {
            return rounds.stream().filter(r -> r.rollout() == rollout).mapToLong(Round::millis).min().orElse(-1);
        }

        public long maxMillis(Rollout rollout) {
            return rounds.stream().filter(r -> r.rollout() == rollout).mapToLong(Round::millis).max().orElse(-1);
        }
    }

    private PublishBenchmark() {
    }

    /**
     * @param unsignedTemplate an unsigned manifest; its version is replaced each round and it is re-signed
     */
    public static Result run(ObjectNode unsignedTemplate, int agents, int rounds, int concurrency, Path work)
            throws IOException, InterruptedException, ManifestException {
        KeyPair key = Ed25519.generate();
        TrustedKeys trusted = TrustedKeys.of(List.of(key.getPublic()));
        List<EdgeAgent> running = new ArrayList<>();
        try {
            List<NodeTarget> nodes = new ArrayList<>();
            for (int i = 0; i < agents; i++) {
                EdgeAgent agent = EdgeAgent.start(AgentConfig.loopback(work.resolve("agent-" + i), trusted));
                running.add(agent);
                nodes.add(new NodeTarget("edge-" + i, agent.baseUri(), null));
            }
            PublishOptions options = new PublishOptions(Duration.ofSeconds(10), 3, Duration.ofMillis(200), concurrency);
            Publisher publisher = new Publisher(new EdgeClient(options.timeout()), options);
            List<Round> results = new ArrayList<>();
            int bytes = 0;
            long version = 1;
            // one unmeasured warm-up round: JIT, connection setup, class loading on both sides
            publisher.publish(signed(unsignedTemplate, version++, key), nodes, Rollout.ALL_AT_ONCE,
                    PublishListener.NONE, () -> false);
            for (int r = 1; r <= rounds; r++) {
                for (Rollout rollout : Rollout.values()) {
                    SignedManifest manifest = signed(unsignedTemplate, version++, key);
                    bytes = manifest.canonicalBytes().length;
                    long cpuStart = processCpuNanos();
                    long start = System.nanoTime();
                    PublishReport report = publisher.publish(manifest, nodes, rollout, PublishListener.NONE, () -> false);
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    long cpuMs = (processCpuNanos() - cpuStart) / 1_000_000;
                    if (!report.success()) {
                        throw new IllegalStateException("benchmark round failed: " + report.message());
                    }
                    results.add(new Round(r, rollout, ms, cpuMs, report.success()));
                }
            }
            return new Result(agents, bytes, unsignedTemplate.path("model").asText(), results);
        } finally {
            running.forEach(EdgeAgent::close);
        }
    }

    /**
     * CPU time of this whole process (publisher and all agents), so a run on a busy machine still tells how
     * much work a round is; -1 where the JVM does not report it.
     */
    static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    private static SignedManifest signed(ObjectNode template, long version, KeyPair key) throws ManifestException {
        ObjectNode doc = template.deepCopy();
        doc.remove("signature");
        doc.put("version", version);
        return SignedManifest.of(ManifestSignature.sign(doc, key.getPrivate(), key.getPublic()));
    }

    /** Deletes the agents' data directories after a run. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
