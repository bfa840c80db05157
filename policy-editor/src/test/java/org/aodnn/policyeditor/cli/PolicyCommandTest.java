package org.aodnn.policyeditor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aodnn.db.Store;
import org.aodnn.policyeditor.SharedData;
import org.aodnn.policyeditor.TinyPredictor;
import org.aodnn.policyeditor.policy.PolicyInputs;
import org.aodnn.policyeditor.policy.PolicyJson;
import org.aodnn.policyeditor.policy.PolicySettings;
import org.aodnn.policyeditor.policy.PolicyStore;
import org.aodnn.policyeditor.solver.NetworkProfile;
import org.aodnn.policyeditor.source.CsvFileSource;
import org.aodnn.policyeditor.source.EnergySource;
import org.aodnn.policyeditor.source.MeasurementProfile;
import org.aodnn.policyeditor.source.PredictorSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aodnn policy save|list|show|delete} against a temporary database, each test with a fresh one. */
class PolicyCommandTest {

    static final String WASM = "profile:reference-browser:browser:wasm:1";
    static final String GPU = "profile:edge-server:gpu";
    static final MeasurementProfile WASM_PROFILE = new MeasurementProfile("reference-browser", "browser", "wasm",
            "Chromium 156.0.8078.108", 1);
    static final MeasurementProfile GPU_PROFILE = new MeasurementProfile("edge-server", "gpu", "", "", 0);

    @TempDir
    static Path templateDir;
    static Path template;
    @TempDir
    Path dir;
    Path db;

    /** One database with the sample data, copied (closed) for each test: loading the sample data takes seconds. */
    @BeforeAll
    static void template() {
        template = templateDir.resolve("template");
        try (Store store = Store.open(template)) {
            store.models().find("alexnet").orElseThrow();
        }
    }

    @BeforeEach
    void prepare() throws IOException {
        db = dir.resolve("wb");
        Files.copy(Path.of(template + ".mv.db"), Path.of(db + ".mv.db"));
    }

    private List<String> partition(String... extra) {
        List<String> args = new ArrayList<>(List.of("--db", db.toString(), "--model", "alexnet",
                "--mobile-latency", WASM, "--edge-latency", GPU, "--network", "4g", "--up", "7.5", "--down", "30",
                "--t-max", "1200", "--e-max", "24", "--mobile-power-mw", "2000"));
        args.addAll(List.of(extra));
        return args;
    }

    private Cli.Result policy(List<String> args) {
        return Cli.run(new PolicyCommand(), args);
    }

    private Cli.Result policy(String... args) {
        return policy(List.of(args));
    }

    private Cli.Result save(String name, String... extra) {
        List<String> args = new ArrayList<>(List.of("save", name));
        args.addAll(partition(extra));
        return policy(args);
    }

    private Cli.Result ok(Cli.Result r) {
        assertEquals(0, r.code(), r.err());
        return r;
    }

    private String failed(Cli.Result r) {
        assertEquals(1, r.code(), r.out() + r.err());
        return r.err().strip();
    }

    /** An empty or unusable name, an option out of its range: bad usage, exit 2. */
    private String usage(Cli.Result r) {
        assertEquals(2, r.code(), r.out() + r.err());
        return r.err().strip();
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        ok(policy("list", "--db", db.toString(), "--json")).json().get("policies")
                .forEach(p -> names.add(p.get("name").asText()));
        return names;
    }

    @Test
    void aSavedPolicyWhoseCsvSourceIsGoneIsNamedWithTheSource() {
        Path gone = dir.resolve("moved-away.csv");
        try (Store store = Store.open(db)) {
            new PolicyStore(store).save("pf", new PolicySettings("alexnet", new org.aodnn.policyeditor.source.CsvFileSource(
                    gone.toString()), GPU_PROFILE, new EnergySource.ComputePower(2000), NetworkProfile.FOUR_G, 7.5, 30,
                    false, 1200, 24, 50, true, null));
        }
        String message = failed(policy("show", "pf", "--db", db.toString()));
        assertTrue(message.startsWith("policy 'pf', its browser latency source: " + gone), message);
    }

    @Test
    void savedPoliciesAreStoredAsTheEditorStoresThemListedShownAndDeleted() throws IOException {
        assertTrue(ok(policy("list", "--db", db.toString())).out().startsWith("no saved policies"));
        Cli.Result saved = ok(save("alexnet-4g", "--eta", "42", "--weights-cached"));
        assertTrue(saved.out().startsWith("saved policy 'alexnet-4g'\nalexnet: chosen cut k="), saved.out());

        PolicySettings stored;
        try (Store store = Store.open(db)) {
            stored = new PolicyStore(store).require("alexnet-4g").settings();
        }
        // what the Policy Editor's Save would have stored for the same choices (PolicySettings.of(currentSettings))
        assertEquals(new PolicySettings("alexnet", WASM_PROFILE, GPU_PROFILE, new EnergySource.ComputePower(2000),
                NetworkProfile.FOUR_G, 7.5, 30, true, 1200, 24, 42, false, null), stored);

        JsonNode list = ok(policy("list", "--db", db.toString(), "--json")).json();
        assertEquals(1, list.get("policies").size());
        assertEquals("alexnet", list.get("policies").get(0).get("model").asText());
        assertTrue(ok(policy("list", "--db", db.toString())).out().contains("alexnet-4g  alexnet"));

        // show: the settings as stored, and the decision exactly as aodnn partition gives it
        JsonNode shown = ok(policy("show", "alexnet-4g", "--db", db.toString(), "--json")).json();
        assertEquals(new ObjectMapper().readTree(PolicyJson.write(stored)), shown.get("settings"));
        Cli.Result partition = ok(Cli.run(new PartitionCommand(), partition("--eta", "42", "--weights-cached", "--json")));
        assertEquals(partition.json(), shown.get("decision"));
        assertTrue(shown.get("decision_error").isNull());
        assertEquals("alexnet-4g", shown.get("name").asText());

        String text = ok(policy("show", "alexnet-4g", "--db", db.toString())).out();
        assertTrue(text.startsWith("policy 'alexnet-4g' for alexnet (created "), text);
        assertTrue(text.contains("  mobile latency  profile:reference-browser:browser:wasm:1:Chromium 156.0.8078.108"),
                text);
        assertTrue(text.contains("  edge latency    profile:edge-server:gpu::0"), text);
        assertTrue(text.contains("  bounds          T_max 1200 ms, E_max 24 J, eta 42 ms/J\n"), text);
        assertTrue(text.contains(PartitionText.headline(readEvaluation())), text);
        assertTrue(text.contains("<- chosen"), text);

        // the manifest builder's entry point reads it like any policy the editor saved
        try (Store store = Store.open(db)) {
            assertEquals(partition.json().get("chosen").get("k").asInt(),
                    PolicyInputs.resolve(store, "alexnet-4g").decide().k());
        }

        assertEquals("deleted policy 'alexnet-4g'\n", ok(policy("delete", "alexnet-4g", "--db", db.toString())).out());
        assertEquals(List.of(), names());
    }

    private org.aodnn.policyeditor.solver.Evaluation readEvaluation() {
        try (Store store = Store.open(db)) {
            return PolicyInputs.resolve(store, "alexnet-4g").evaluate();
        }
    }

    @Test
    void anExistingNameIsReplacedOnlyWithReplace() {
        ok(save("p"));
        JsonNode before = ok(policy("show", "p", "--db", db.toString(), "--json")).json();
        String refused = failed(save("p", "--eta", "7"));
        assertTrue(refused.startsWith("policy 'p' already exists (for alexnet, updated "), refused);
        assertTrue(refused.endsWith("add --replace to overwrite it, or choose another name"), refused);
        assertEquals(before, ok(policy("show", "p", "--db", db.toString(), "--json")).json(), "nothing changed");

        JsonNode replaced = ok(save("p", "--eta", "7", "--replace", "--json")).json();
        assertTrue(replaced.get("replaced").asBoolean());
        assertEquals(7.0, replaced.get("settings").get("eta").asDouble());
        assertFalse(replaced.get("settings").get("eta_linked").asBoolean());
        assertEquals(before.get("created_at"), replaced.get("created_at"), "replacing keeps the creation time");
        assertTrue(ok(save("q", "--replace")).out().startsWith("saved policy 'q'"), "--replace may create");
        assertEquals(List.of("p", "q"), names());
    }

    @Test
    void namesAreTrimmedAndMustBeUsable() {
        assertEquals("policy name is empty: give a name such as alexnet-wifi", usage(save("   ")));
        assertTrue(usage(save("a\tb")).contains("contains a control character at position 2"));
        assertTrue(usage(save("x".repeat(201))).startsWith("policy name is 201 characters long, at most 200"));
        assertEquals(List.of(), names());
        ok(save("  padded  "));
        assertEquals(List.of("padded"), names());
        ok(policy("show", " padded ", "--db", db.toString()));
        assertEquals("policy name is empty: give a name such as alexnet-wifi", usage(policy("show", "", "--db",
                db.toString())));
        assertEquals("policy name is empty: give a name such as alexnet-wifi", usage(policy("delete", " ", "--db",
                db.toString())));
    }

    @Test
    void badSettingsAreRefusedAndNothingIsStored() throws IOException {
        List<String> args = new ArrayList<>(List.of("save", "bad"));
        args.addAll(partition());
        args.set(args.indexOf(GPU), "profile:edge-server:cpu");
        assertTrue(failed(policy(args)).startsWith("--edge-latency profile:edge-server:cpu: matches 4 stored"));
        List<String> up = new ArrayList<>(List.of("save", "bad"));
        up.addAll(partition());
        up.set(up.indexOf("--up") + 1, "1e308");
        assertEquals("--up 1e+308: must be a finite number from 0.001 to 1000000 Mbit/s", usage(policy(up)));

        // values that overflow the sums: refused before anything is stored
        Path huge = Files.writeString(dir.resolve("huge.csv"), hugeLatencies());
        Path zero = Files.writeString(dir.resolve("zero.csv"), "layer_index,energy_j\n" + zeros());
        List<String> overflow = new ArrayList<>(List.of("save", "bad"));
        overflow.addAll(partition());
        overflow.set(overflow.indexOf(WASM), huge.toString());
        overflow.remove("--mobile-power-mw");
        overflow.set(overflow.indexOf("2000"), "--mobile-energy");
        overflow.add(overflow.indexOf("--mobile-energy") + 1, zero.toString());
        assertTrue(failed(policy(overflow)).startsWith("alexnet: no finite result: T (ms) of cut k="));

        List<String> model = new ArrayList<>(List.of("save", "bad"));
        model.addAll(partition());
        model.set(model.indexOf("alexnet"), "alexnet2");
        assertTrue(failed(policy(model)).startsWith("--model alexnet2: no model named 'alexnet2'"));
        assertEquals(List.of(), names());
    }

    private static String hugeLatencies() {
        StringBuilder csv = new StringBuilder("layer_index,latency_ms\n");
        for (int i = 0; i < 19; i++) {
            csv.append(i).append(",1e307\n");
        }
        return csv.toString();
    }

    private static String zeros() {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 19; i++) {
            csv.append(i).append(",0\n");
        }
        return csv.toString();
    }

    @Test
    void unknownNamesAreReportedWithTheSavedOnes() {
        assertEquals("no policy named 'nope' (no policies are saved)",
                failed(policy("show", "nope", "--db", db.toString())));
        ok(save("a"));
        ok(save("b"));
        assertEquals("no policy named 'nope' (saved: a, b)", failed(policy("show", "nope", "--db", db.toString())));
        assertEquals("no policy named 'nope' (saved: a, b)", failed(policy("delete", "nope", "--db", db.toString())));
        assertEquals(List.of("a", "b"), names());
    }

    @Test
    void aPolicyWhoseSourceIsGoneIsShownWithTheReason() throws IOException {
        Path mobile = SharedData.extract("browser-layer-latency.csv", dir.resolve("alexnet-wasm.csv"),
                f -> f.get(0).equals("alexnet") && f.get(21).equals("wasm"));
        List<String> args = new ArrayList<>(List.of("save", "from-file"));
        args.addAll(partition());
        args.set(args.indexOf(WASM), mobile.toString());
        ok(policy(args));
        Files.delete(mobile);

        Cli.Result text = policy("show", "from-file", "--db", db.toString());
        assertEquals(1, text.code());
        assertTrue(text.out().contains("  mobile latency  " + mobile.toAbsolutePath()), text.out());
        assertFalse(text.out().contains("chosen cut"), text.out());
        assertEquals("policy 'from-file', its browser latency source: " + mobile.toAbsolutePath() + ": no such file",
                text.err().strip());

        Cli.Result json = policy("show", "from-file", "--db", db.toString(), "--json");
        assertEquals(1, json.code());
        assertTrue(json.json().get("decision").isNull());
        assertEquals("policy 'from-file', its browser latency source: " + mobile.toAbsolutePath() + ": no such file",
                json.json().get("decision_error").asText());
        assertEquals("csv", json.json().get("settings").get("mobile_latency").get("kind").asText());
    }

    @Test
    void storedPredictorsAndProfilesAreSavedAsTheEditorChoosesThem() {
        try (Store store = Store.open(db)) {
            TinyPredictor.store(store, "tiny");
        }
        List<String> args = new ArrayList<>(List.of("save", "predicted"));
        args.addAll(partition());
        args.set(args.indexOf(WASM), "predictor:tiny:browser/wasm");
        ok(policy(args));
        try (Store store = Store.open(db)) {
            PolicySettings s = new PolicyStore(store).require("predicted").settings();
            assertEquals(new PredictorSource("tiny", "browser/wasm", 1), s.mobileLatency());
            assertEquals(GPU_PROFILE, s.edgeLatency());
            assertNull(s.inputBytes());
        }
        assertTrue(ok(policy("show", "predicted", "--db", db.toString())).out()
                .contains("  mobile latency  predictor:tiny:browser/wasm:1\n"));
    }

    @Test
    void inputBytesAndFilesAreKept() throws IOException {
        Path edge = SharedData.extract("edge-layer-latency.csv", dir.resolve("alexnet-gpu.csv"),
                f -> f.get(0).equals("alexnet") && f.get(3).equals("gpu"));
        List<String> args = new ArrayList<>(List.of("save", "bytes"));
        args.addAll(partition("--input-bytes", "50000"));
        args.set(args.indexOf(GPU), edge.toString());
        ok(policy(args));
        try (Store store = Store.open(db)) {
            PolicySettings s = new PolicyStore(store).require("bytes").settings();
            assertEquals(50000L, s.inputBytes());
            assertEquals(edge.toAbsolutePath().normalize().toString(),
                    assertInstanceOf(CsvFileSource.class, s.edgeLatency()).path());
        }
    }

    @Test
    void withoutASubcommandTheUsageIsPrinted() {
        String usage = ok(policy()).out();
        for (String sub : List.of("save", "list", "show", "delete")) {
            assertTrue(usage.contains("  " + sub + " "), usage);
        }
    }
}
