package org.aodnn.edgeconnector.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.aodnn.db.Store;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.db.domain.LayerGeometry;
import org.aodnn.db.domain.ModelLayer;
import org.aodnn.edgeconnector.crypto.Ed25519;
import org.aodnn.edgeconnector.crypto.TrustedKeys;
import org.aodnn.edgeconnector.json.EcmaNumbers;
import org.aodnn.edgeconnector.json.StrictJson;
import org.aodnn.edgeconnector.manifest.ManifestDigest;
import org.aodnn.edgeconnector.manifest.ManifestFields;
import org.aodnn.edgeconnector.manifest.ManifestSignature;
import org.aodnn.edgeconnector.manifest.SignedManifest;
import org.aodnn.edgeconnector.testing.Policies;
import org.aodnn.edgeconnector.testing.TestStores;
import org.aodnn.policyeditor.policy.PolicySettings;
import org.aodnn.policyeditor.policy.ResolvedPolicy;
import org.aodnn.policyeditor.solver.Decision;
import org.aodnn.policyeditor.solver.LayerCost;
import org.aodnn.policyeditor.solver.NetworkProfile;
import org.aodnn.policyeditor.solver.PartitionInputs;
import org.aodnn.policyeditor.solver.PartitionProblem;
import org.aodnn.policyeditor.solver.Scenario;
import org.aodnn.policyeditor.source.CsvFileSource;
import org.aodnn.policyeditor.source.EnergySource;
import org.aodnn.policyeditor.source.MeasuredProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generates the test vectors of the browser runtime's Node tests ({@code src/test/js}) with the policy
 * editor's Java solver: signed manifests of real catalog models over the real sample measurements, and
 * contexts with the solver's cut, T, E and objective for each. Written to {@code target/runtime-vectors/}
 * (system property {@code aodnn.edge.vectors}); {@code mvn verify} then runs {@code node --test} on them.
 */
class RuntimeVectorsTest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @TempDir
    Path dir;

    @Test
    void generateVectorsFromTheJavaSolver() throws Exception {
        Path out = Path.of(System.getProperty("aodnn.edge.vectors", "target/runtime-vectors"));
        Files.createDirectories(out);
        KeyPair key = Ed25519.generate();
        Random random = new Random(20261126);
        ObjectNode vectors = F.objectNode();
        vectors.put("generator", getClass().getName());
        vectors.put("public_key_pem", Ed25519.publicPem(key.getPublic()));
        vectors.put("key_id", Ed25519.keyId(key.getPublic()));
        ArrayNode manifests = vectors.putArray("manifests");
        int cases = 0;
        try (Store store = TestStores.open(dir)) {
            List<String> models = new MeasuredProfiles(store).completeModels(TestStores.browserWasm(store));
            models.retainAll(new MeasuredProfiles(store).completeModels(TestStores.edgeGpu(store)));
            assertTrue(models.size() >= 10, "real models with both browser and edge measurements: " + models);
            List<NetworkProfile> networks = NetworkProfile.defaults();
            int i = 0;
            for (String model : models) {
                NetworkProfile network = networks.get(i % 3);
                // bounds around the model's own scale, so some contexts are feasible and some are not
                ResolvedPolicy probe = Policies.resolve(store, model, network, 10, 50, 1e9, 1e9);
                Decision unbounded = probe.decide();
                double tMax = unbounded.tMs() * (0.9 + 0.6 * random.nextDouble());
                double eMax = unbounded.eJ() * (0.9 + 2.0 * random.nextDouble());
                ResolvedPolicy policy = Policies.resolve(store, model, network, 5 + random.nextInt(40),
                        20 + random.nextInt(100), tMax, eMax);
                cases += add(manifests, policy, i + 1, key, random);
                i++;
            }
        }
        cases += add(manifests, tiePolicy(), 1, key, new Random(1));
        vectors.set("numbers", numberVectors(new Random(8785)));
        Files.write(out.resolve("vectors.json"), StrictJson.pretty(vectors));
        assertTrue(cases > 500, "cases written: " + cases);
    }

    /** Adds one signed manifest with contexts and the Java solver's decision for each; returns the count. */
    private static int add(ArrayNode manifests, ResolvedPolicy policy, long version, KeyPair key, Random random)
            throws Exception {
        ObjectNode doc = ManifestBuilder.build(policy, version, Instant.parse("2026-11-26T07:00:00Z"));
        ManifestSignature.sign(doc, key.getPrivate(), key.getPublic());
        SignedManifest manifest = SignedManifest.of(doc); // schema-valid
        assertTrue(ManifestSignature.verify(doc, TrustedKeys.of(List.of(key.getPublic()))).valid());
        ObjectNode entry = manifests.addObject();
        entry.put("name", policy.model().name() + " v" + version);
        entry.set("manifest", doc);
        entry.put("sha256", manifest.sha256());
        entry.put("signed_bytes_sha256", ManifestDigest.sha256(ManifestSignature.signedBytes(doc)));
        ArrayNode cases = entry.putArray("cases");
        PartitionProblem problem = policy.problem();
        Scenario base = policy.scenario();
        // the decision table is the solver's own output: check it here, the runtime re-derives it in Node
        for (var e : doc.get("decision_table").get("entries")) {
            Decision d = problem.decide(base.withUpMbps(e.get("up_mbps").asDouble())
                    .withWeightsCached(e.get("weights_cached").asBoolean()));
            assertEquals(d.k(), e.get("k").asInt());
            assertEquals(d.tMs(), e.get("t_ms").asDouble());
        }
        List<ObjectNode> contexts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ObjectNode c = F.objectNode();
            double up = i % 5 == 0 ? 1 + random.nextInt(100) : Math.exp(Math.log(0.2) + random.nextDouble() * Math.log(1000));
            c.put("uplinkMbps", up);
            if (i % 5 != 0) {
                c.put("downlinkMbps", Math.exp(Math.log(1) + random.nextDouble() * Math.log(300)));
                c.put("network", NetworkProfile.defaults().get(random.nextInt(3)).name());
            }
            c.put("weightsCached", random.nextBoolean());
            contexts.add(c);
        }
        for (ObjectNode c : contexts) {
            NetworkProfile network = c.has("network") ? NetworkProfile.byName(c.get("network").asText()) : base.network();
            double down = c.has("downlinkMbps") ? c.get("downlinkMbps").asDouble() : base.downMbps();
            Scenario s = base.withNetwork(network).withUpMbps(c.get("uplinkMbps").asDouble()).withDownMbps(down)
                    .withWeightsCached(c.get("weightsCached").asBoolean());
            Decision d = problem.decide(s);
            ObjectNode expected = F.objectNode();
            expected.put("k", d.k());
            expected.put("index", d.index());
            expected.put("t_ms", d.tMs());
            expected.put("e_j", d.eJ());
            expected.put("objective", d.objective());
            expected.put("feasible", d.feasible());
            ObjectNode kase = cases.addObject();
            kase.set("context", c);
            kase.set("expected", expected);
        }
        return contexts.size();
    }

    /**
     * A two-layer model whose two valid cuts have exactly the same T and E (binary-exact numbers, η = 0):
     * the tie must go to the smaller k in Java and in the browser.
     */
    private static ResolvedPolicy tiePolicy() {
        LayerGeometry g = new LayerGeometry("Conv2d", "1x1x1x1", "1x1x1x1", 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 0);
        DnnModel model = new DnnModel("tie-model", "test", List.of(new ModelLayer(0, "a", g, false, 0),
                new ModelLayer(1, "b", g, true, 0)));
        PartitionInputs inputs = new PartitionInputs("tie-model", List.of(
                new LayerCost(0, "a", 1, 2, 0, 0, false, 0), new LayerCost(1, "b", 2, 1, 0, 0, true, 0)), 0);
        Scenario scenario = new Scenario(NetworkProfile.WIFI, 10, 50, true, 100, 1, 0.0);
        PolicySettings settings = PolicySettings.of("tie-model", new CsvFileSource("/dev/null"),
                new CsvFileSource("/dev/null"), new EnergySource.ComputePower(0), scenario, null);
        ResolvedPolicy policy = new ResolvedPolicy(null, settings, model, PartitionProblem.of(inputs), scenario);
        Decision d = policy.decide();
        assertEquals(0, d.k(), "k = 0 and k = N tie at T = 3 ms; the smaller k wins");
        assertEquals(3.0, d.tMs());
        return policy;
    }

    /** Doubles (as IEEE bits) with their RFC 8785 / ECMAScript text, to be checked against V8's own. */
    private static ArrayNode numberVectors(Random random) {
        ArrayNode numbers = F.arrayNode();
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 1.0, -1.0, 0.1, 1e21, 1e-7, 123e-20, 5e-324,
                Double.MAX_VALUE, 9007199254740993.0, 1.0E23, 2.0E-3, 0.000001, 1424953923781206.2));
        for (int i = 0; i < 3000; i++) {
            double v = switch (i % 3) {
                case 0 -> Double.longBitsToDouble(random.nextLong());
                case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
                default -> (double) random.nextInt(1_000_000) / (1 + random.nextInt(1000));
            };
            if (Double.isFinite(v)) {
                values.add(v);
            }
        }
        for (double v : values) {
            ObjectNode n = numbers.addObject();
            n.put("bits", HexFormat.of().toHexDigits(Double.doubleToRawLongBits(v)));
            n.put("text", EcmaNumbers.toString(v));
        }
        return numbers;
    }

    @Test
    void manifestFieldsAreExactlyTheIssuesListInJavaAndInTheBrowserRuntime() throws Exception {
        List<String> issue = List.of("schema", "model", "version", "created_at", "layers", "cuts", "network_profiles",
                "bounds", "eta", "predictors", "decision_table", "signature");
        assertEquals(issue, ManifestFields.TOP_LEVEL);
        // the runtime keeps its own copy (it is one file served to browsers): it must not drift from Java's
        String runtime;
        try (var in = org.aodnn.edgeconnector.agent.EdgeAgent.class.getResourceAsStream(
                org.aodnn.edgeconnector.agent.EdgeAgent.RUNTIME_RESOURCE)) {
            runtime = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        var m = java.util.regex.Pattern.compile("const TOP_LEVEL = \\[([^\\]]*)\\];").matcher(runtime);
        assertTrue(m.find(), "auto-offloading.js declares TOP_LEVEL");
        List<String> js = java.util.Arrays.stream(m.group(1).split(",")).map(String::strip)
                .map(s -> s.replaceAll("^'|'$", "")).toList();
        assertEquals(ManifestFields.TOP_LEVEL, js);
    }
}
