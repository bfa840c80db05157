package org.aodnn.edgeconnector.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aodnn.db.Store;
import org.aodnn.db.domain.ManifestEntry;
import org.aodnn.db.repo.ManifestRepository;
import org.aodnn.edgeconnector.json.StrictJson;
import org.aodnn.edgeconnector.testing.Cli;
import org.aodnn.edgeconnector.testing.Policies;
import org.aodnn.edgeconnector.testing.TestStores;
import org.aodnn.policyeditor.policy.PolicyStore;
import org.aodnn.policyeditor.solver.NetworkProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code manifest build --out}: a manifest is recorded only when its file was written, and never without one. */
class ManifestBuildOutputTest {

    @TempDir
    Path dir;
    Path db;
    Path keys;

    @BeforeEach
    void savedPolicy() {
        db = dir.resolve("workbench");
        keys = dir.resolve("keys");
        try (Store store = TestStores.open(dir)) {
            new PolicyStore(store).save("alexnet-wifi",
                    Policies.settings(store, "alexnet", NetworkProfile.WIFI, 20, 80, 2000, 30));
        }
    }

    private Cli.Result build(String out) {
        return Cli.run(new ManifestCommand(), "build", "--db", db.toString(), "--keys", keys.toString(),
                "--policy", "alexnet-wifi", "--out", out, "--json");
    }

    private List<Integer> storedVersions() {
        try (Store store = Store.open(db)) {
            return new ManifestRepository(store.dsl()).list().stream().map(ManifestEntry::version).toList();
        }
    }

    @Test
    void anUnusableOutputPathRecordsNothing() throws Exception {
        Cli.Result proc = build("/proc/m.json"); // a directory no one may create files in, even root
        assertEquals(1, proc.exit(), proc.out());
        assertTrue(proc.err().contains("/proc/m.json"), proc.err());
        assertEquals(List.of(), storedVersions());

        Path someDir = Files.createDirectory(dir.resolve("somedir"));
        Cli.Result directory = build(someDir.toString());
        assertEquals(1, directory.exit());
        assertTrue(directory.err().startsWith("--out " + someDir + ": " + someDir + " is a directory"), directory.err());

        Cli.Result noParent = build(dir.resolve("missing").resolve("m.json").toString());
        assertEquals(1, noParent.exit());
        assertTrue(noParent.err().contains("the directory " + dir.resolve("missing") + " does not exist"),
                noParent.err());

        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        Cli.Result fileAsParent = build(file.resolve("m.json").toString());
        assertEquals(1, fileAsParent.exit());
        assertTrue(fileAsParent.err().contains(file + " is not a directory"), fileAsParent.err());
        assertEquals(List.of(), storedVersions());
        assertEquals(List.of("plain-file", "somedir"), Files.list(dir)
                .map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("workbench") && !n.equals("keys"))
                .sorted().toList(), "no stray files");

        // no version number was used up
        Cli.Result ok = build(dir.resolve("m.json").toString());
        assertEquals(0, ok.exit(), ok.err());
        assertEquals(1, StrictJson.parse(ok.out()).get("version").asInt());
        assertEquals(List.of(1), storedVersions());
    }

    @Test
    void whenRecordingFailsNoFileIsLeftAndAnExistingOneIsKept() throws Exception {
        assertEquals(0, build(dir.resolve("m1.json").toString()).exit());
        try (Store store = Store.open(db)) {
            // the database refuses v2 (as it would a v2 another console recorded a moment earlier)
            store.dsl().execute("ALTER TABLE manifest ADD CONSTRAINT test_no_v2 CHECK (version <> 2)");
        }
        Path out = dir.resolve("m2.json");
        Cli.Result failed = build(out.toString());
        assertEquals(1, failed.exit(), failed.out());
        assertTrue(failed.err().contains("alexnet v2"), failed.err());
        assertFalse(Files.exists(out), "no file for a manifest the database does not have");
        assertEquals(List.of(1), storedVersions());

        // over an existing file: a failed recording leaves it as it was, and no staged file behind
        Path existing = dir.resolve("m1.json");
        byte[] before = Files.readAllBytes(existing);
        assertEquals(1, build(existing.toString()).exit());
        assertArrayEquals(before, Files.readAllBytes(existing), "the last good manifest file is kept");
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith(".tmp-")), "no staged file left");
        }
    }

    @Test
    void partitionOptionsOutOfRangeAreBadUsageAndTouchNothing() {
        Path out = dir.resolve("m.json");
        Cli.Result r = Cli.run(new ManifestCommand(), "build", "--db", dir.resolve("never").toString(),
                "--keys", keys.toString(), "--model", "alexnet", "--mobile-latency", "profile:reference-browser:chromium",
                "--edge-latency", "profile:edge-server:cpu", "--mobile-power-mw", "2000", "--network", "wifi",
                "--up", "1e308", "--down", "50", "--t-max", "1000", "--e-max", "5", "--out", out.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith("--up 1e+308: must be a finite number from"), r.err());
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(dir.resolve("never.mv.db")), "checked before a database is opened or created");
        assertFalse(Files.exists(keys), "nor a signing key made");
    }
}
