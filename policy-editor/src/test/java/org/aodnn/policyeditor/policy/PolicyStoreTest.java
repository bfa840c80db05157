package org.aodnn.policyeditor.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.aodnn.db.Store;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.db.repo.PolicyRepository;
import org.aodnn.policyeditor.solver.Evaluation;
import org.aodnn.policyeditor.solver.MobileEnergy;
import org.aodnn.policyeditor.solver.NetworkProfile;
import org.aodnn.policyeditor.solver.PartitionInputs;
import org.aodnn.policyeditor.solver.PartitionProblem;
import org.aodnn.policyeditor.solver.Scenario;
import org.aodnn.policyeditor.source.CsvFileSource;
import org.aodnn.policyeditor.source.EnergySource;
import org.aodnn.policyeditor.source.MeasuredProfiles;
import org.aodnn.policyeditor.source.MeasurementProfile;
import org.aodnn.policyeditor.source.SourceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyStoreTest {

    static final MeasurementProfile EDGE_GPU = new MeasurementProfile("edge-server", "gpu", "", "", 0);
    static final MeasurementProfile BROWSER_WASM = new MeasurementProfile("reference-browser", "browser", "wasm",
            "Chromium 156.0.8078.108", 1);

    @TempDir
    static Path dir;
    static Store store;

    @BeforeAll
    static void open() {
        store = Store.open(dir.resolve("wb"));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static PolicySettings mobilenet() {
        Scenario scenario = Scenario.linked(NetworkProfile.FOUR_G.withAlphaUp(400), 8, 12, false, 2500, 9);
        return PolicySettings.of("mobilenet_v2", BROWSER_WASM, EDGE_GPU, new EnergySource.ComputePower(2500),
                scenario, null);
    }

    @Test
    void settingsRoundTripThroughJson() {
        PolicySettings linked = mobilenet();
        assertEquals(linked, PolicyJson.read(PolicyJson.write(linked)));
        assertTrue(PolicyJson.write(linked).contains("\"schema\":1"));
        assertTrue(PolicyJson.write(linked).contains("\"kind\":\"measured\""));
        PolicySettings unlinked = linked.withScenario(linked.toScenario().withEta(42).withWeightsCached(true));
        PolicySettings back = PolicyJson.read(PolicyJson.write(unlinked));
        assertEquals(unlinked, back);
        assertFalse(back.etaLinked());
        assertEquals(42, back.toScenario().eta());
        PolicySettings csv = new PolicySettings("alexnet", new CsvFileSource("/tmp/m.csv"), new CsvFileSource("/tmp/e.csv"),
                new EnergySource.Csv("/tmp/energy.csv"), NetworkProfile.WIFI, 40, 150, false, 1200, 24, 0, true, 602112L);
        assertEquals(csv, PolicyJson.read(PolicyJson.write(csv)));
        assertEquals(50, csv.eta(), 1e-12, "a linked eta is T_max / E_max");
        PolicySettings measuredEnergy = new PolicySettings("alexnet", BROWSER_WASM, EDGE_GPU,
                new EnergySource.Measured(BROWSER_WASM), NetworkProfile.WIFI, 40, 150, false, 1200, 24, 0, true, null);
        assertEquals(measuredEnergy, PolicyJson.read(PolicyJson.write(measuredEnergy)));
    }

    @Test
    void malformedSettingsAreExplained() {
        PolicyException schema = assertThrows(PolicyException.class, () -> PolicyJson.read("{\"model\":\"x\"}"));
        assertTrue(schema.getMessage().contains("schema"), schema.getMessage());
        String good = PolicyJson.write(mobilenet());
        PolicyException unknown = assertThrows(PolicyException.class,
                () -> PolicyJson.read(good.replace("\"up_mbps\"", "\"uplink\"")));
        assertTrue(unknown.getMessage().contains("uplink") || unknown.getMessage().contains("up_mbps"),
                unknown.getMessage());
        PolicyException wrongType = assertThrows(PolicyException.class,
                () -> PolicyJson.read(good.replace("\"threads\":1", "\"threads\":\"one\"")));
        assertTrue(wrongType.getMessage().contains("mobile_latency.threads"), wrongType.getMessage());
        PolicyException bad = assertThrows(PolicyException.class,
                () -> PolicyJson.read(good.replace("\"t_max_ms\":2500.0", "\"t_max_ms\":-1")));
        assertTrue(bad.getMessage().contains("T_max"), bad.getMessage());
        assertThrows(PolicyException.class, () -> PolicyJson.read("not json"));
    }

    @Test
    void savedPolicyResolvesToTheSameProblemAsItsSources() {
        PolicyStore policies = new PolicyStore(store);
        policies.save("mobilenet-4g", mobilenet());
        assertEquals(mobilenet(), policies.require("mobilenet-4g").settings());
        assertTrue(policies.list().stream().anyMatch(p -> p.name().equals("mobilenet-4g")
                && p.model().equals("mobilenet_v2")));

        ResolvedPolicy resolved = PolicyInputs.resolve(store, "mobilenet-4g");
        assertEquals("mobilenet-4g", resolved.name());
        DnnModel model = store.models().find("mobilenet_v2").orElseThrow();
        MeasuredProfiles profiles = new MeasuredProfiles(store);
        PartitionInputs direct = PartitionInputs.of(model, profiles.latencies(BROWSER_WASM, model),
                profiles.latencies(EDGE_GPU, model), new MobileEnergy.ComputePower(2500), null);
        assertEquals(direct, resolved.problem().inputs());
        assertEquals(4L * 3 * 224 * 224, direct.inputBytes());
        Evaluation expected = PartitionProblem.of(direct).evaluate(mobilenet().toScenario());
        assertEquals(expected, resolved.evaluate());
        assertEquals(expected.chosen().k(), resolved.decide().k());
    }

    @Test
    void unknownPolicyModelOrSourceIsNamed() {
        PolicyStore policies = new PolicyStore(store);
        PolicyException noPolicy = assertThrows(PolicyException.class, () -> PolicyInputs.resolve(store, "nope"));
        assertTrue(noPolicy.getMessage().contains("nope"), noPolicy.getMessage());
        PolicyException noModel = assertThrows(PolicyException.class, () -> policies.save("x",
                new PolicySettings("vgg99", EDGE_GPU, EDGE_GPU, new EnergySource.ComputePower(1), NetworkProfile.WIFI,
                        1, 1, false, 1, 1, 1, true, null)));
        assertTrue(noModel.getMessage().contains("vgg99"), noModel.getMessage());
        assertTrue(policies.load("x").isEmpty(), "nothing stored");
        PolicySettings missingFile = new PolicySettings("alexnet", new CsvFileSource(dir.resolve("none.csv").toString()),
                EDGE_GPU, new EnergySource.ComputePower(1), NetworkProfile.WIFI, 1, 1, false, 1, 1, 1, true, null);
        SourceException e = assertThrows(SourceException.class, () -> PolicyInputs.resolve(store, missingFile));
        assertTrue(e.getMessage().contains("none.csv"), e.getMessage());
    }

    @Test
    void corruptStoredDocumentIsReportedWithThePolicyName() {
        new PolicyRepository(store.dsl()).save("broken", "alexnet", "{\"schema\":1,\"model\":3}");
        PolicyException e = assertThrows(PolicyException.class, () -> new PolicyStore(store).load("broken"));
        assertTrue(e.getMessage().contains("broken"), e.getMessage());
        assertTrue(new PolicyStore(store).delete("broken"));
        assertNull(new PolicyStore(store).load("broken").orElse(null));
    }
}
