package org.aodnn.edgeconnector.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.aodnn.db.Store;
import org.aodnn.policyeditor.policy.PolicyStore;
import org.aodnn.policyeditor.solver.NetworkProfile;
import org.aodnn.edgeconnector.testing.Policies;

/**
 * The sample database with two saved alexnet policies, loaded once per test JVM into a closed H2 file that
 * each test copies (loading 18 models and the measurements takes seconds; copying the file milliseconds).
 * Policies: {@code alexnet-wifi} (T_max 2000 ms, E_max 30 J) and {@code alexnet-tight} (400 ms, 5 J).
 */
final class TemplateStore {

    private static Path template;

    private TemplateStore() {
    }

    private static synchronized Path template() {
        if (template == null) {
            try {
                Path dir = Files.createTempDirectory("edge-ui-template");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
                Path base = dir.resolve("template");
                try (Store store = Store.open(base)) {
                    PolicyStore policies = new PolicyStore(store);
                    policies.save("alexnet-wifi",
                            Policies.settings(store, "alexnet", NetworkProfile.WIFI, 20, 80, 2000, 30));
                    policies.save("alexnet-tight",
                            Policies.settings(store, "alexnet", NetworkProfile.WIFI, 20, 80, 400, 5));
                }
                template = base;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return template;
    }

    /** A fresh store in {@code dir} holding what the template holds. */
    static Store copy(Path dir) {
        Path target = dir.resolve("workbench");
        try {
            Files.createDirectories(dir);
            Files.copy(Path.of(template() + Store.H2_SUFFIX), Path.of(target + Store.H2_SUFFIX));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Store.open(target);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
