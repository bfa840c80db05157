package org.aodnn.db.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.aodnn.db.Store;
import org.aodnn.db.StoreException;
import org.aodnn.db.domain.StoredPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyRepositoryTest {

    @TempDir
    Path dir;

    @Test
    void savesReplacesListsAndDeletesPolicies() {
        try (Store store = Store.open(dir.resolve("wb"))) {
            PolicyRepository policies = new PolicyRepository(store.dsl());
            StoredPolicy first = policies.save("fast", "alexnet", "{\"v\":1}");
            assertEquals("alexnet", first.model());
            policies.save("green", "mobilenet_v2", "{\"v\":2}");
            StoredPolicy replaced = policies.save("fast", "vgg16", "{\"v\":3}");
            assertEquals("vgg16", replaced.model());
            assertEquals("{\"v\":3}", replaced.settingsJson());
            assertEquals(first.createdAt(), replaced.createdAt(), "replacing keeps the creation time");
            assertFalse(replaced.updatedAt().isBefore(first.updatedAt()));
            assertEquals(List.of("fast", "green"), policies.names());
            assertTrue(policies.delete("green"));
            assertFalse(policies.delete("green"));
            assertEquals(1, policies.list().size());
        }
    }

    @Test
    void createRefusesAnExistingNameAndKeepsItsSettings() {
        try (Store store = Store.open(dir.resolve("wb"))) {
            PolicyRepository policies = new PolicyRepository(store.dsl());
            policies.create("once", "alexnet", "{\"v\":1}");
            StoreException e = assertThrows(StoreException.class, () -> policies.create("once", "vgg16", "{\"v\":2}"));
            assertEquals("a policy named 'once' already exists", e.getMessage());
            assertEquals("{\"v\":1}", policies.find("once").orElseThrow().settingsJson());
        }
    }

    @Test
    void unknownModelIsRejectedAndNothingIsStored() {
        try (Store store = Store.open(dir.resolve("wb"))) {
            PolicyRepository policies = new PolicyRepository(store.dsl());
            StoreException e = assertThrows(StoreException.class, () -> policies.save("p", "nonet", "{}"));
            assertTrue(e.getMessage().contains("nonet"), e.getMessage());
            assertTrue(policies.find("p").isEmpty());
            assertThrows(StoreException.class, () -> policies.save(" ", "alexnet", "{}"));
        }
    }
}
