package org.aodnn.policyeditor.policy;

import java.util.List;
import java.util.Optional;
import org.aodnn.db.Store;
import org.aodnn.db.StoreException;
import org.aodnn.db.domain.StoredPolicy;
import org.aodnn.db.repo.PolicyRepository;

/** Policies saved by name in the database, as {@link PolicySettings} (JSON in the {@code policy} table). */
public final class PolicyStore {

    private final PolicyRepository repository;

    public PolicyStore(Store store) {
        this.repository = new PolicyRepository(store.dsl());
    }

    /** Creates or replaces the policy {@code name}; fails, storing nothing, when the model is not in the catalog. */
    public SavedPolicy save(String name, PolicySettings settings) {
        try {
            return toSaved(repository.save(name, settings.model(), PolicyJson.write(settings)));
        } catch (StoreException e) {
            throw new PolicyException(e.getMessage(), e);
        }
    }

    /** Creates the policy {@code name}; fails, storing nothing, when one of that name exists already. */
    public SavedPolicy create(String name, PolicySettings settings) {
        try {
            return toSaved(repository.create(name, settings.model(), PolicyJson.write(settings)));
        } catch (StoreException e) {
            throw new PolicyException(e.getMessage(), e);
        }
    }

    public Optional<SavedPolicy> load(String name) {
        return repository.find(name).map(PolicyStore::toSaved);
    }

    /** The policy {@code name}, or a {@link PolicyException} listing the saved names. */
    public SavedPolicy require(String name) {
        return load(name).orElseThrow(() -> new PolicyException("no policy named '" + name + "'"
                + (repository.names().isEmpty() ? " (no policies are saved)"
                        : " (saved: " + String.join(", ", repository.names()) + ")")));
    }

    /** Names, models and times of every saved policy, by name (settings are not parsed). */
    public List<PolicySummary> list() {
        return repository.list().stream()
                .map(p -> new PolicySummary(p.name(), p.model(), p.createdAt(), p.updatedAt()))
                .toList();
    }

    public boolean delete(String name) {
        return repository.delete(name);
    }

    /** A line of the policy list. */
    public record PolicySummary(String name, String model, java.time.OffsetDateTime createdAt,
                                java.time.OffsetDateTime updatedAt) {
    }

    private static SavedPolicy toSaved(StoredPolicy p) {
        PolicySettings settings;
        try {
            settings = PolicyJson.read(p.settingsJson());
        } catch (PolicyException e) {
            throw new PolicyException("policy '" + p.name() + "': " + e.getMessage(), e);
        }
        return new SavedPolicy(p.name(), settings, p.createdAt(), p.updatedAt());
    }
}
