package org.aodnn.edgeconnector.publish;

import java.util.Optional;
import org.aodnn.db.Store;
import org.aodnn.db.domain.EdgeNode;
import org.aodnn.db.repo.EdgeNodeRepository;

/**
 * Adding and editing registered edge nodes with the checks both the CLI and the Edge workspace need: the
 * URL passes {@link NodeUrl} and is stored in its {@link NodeUrl#normalize normalized} spelling, and no two
 * nodes may name the same agent (a publication to both would reach that agent twice). Editing keeps the
 * node's row, so its deployment history stays (removing and adding again would delete it).
 */
public final class NodeRegistry {

    private final Store store;

    public NodeRegistry(Store store) {
        this.store = store;
    }

    /** What to change on a node: null keeps a value; an empty group or token removes it. */
    public record Edit(String url, String group, String token) {
    }

    public EdgeNode add(String name, String url, String group, String token) {
        String normalized = checkedUrl(name, url);
        return repository().add(name, normalized, blankToNull(group), blankToNull(token));
    }

    public EdgeNode update(String name, Edit edit) {
        EdgeNode node = repository().require(name);
        String url = edit.url() == null ? node.url() : checkedUrl(name, edit.url());
        String group = edit.group() == null ? node.group() : blankToNull(edit.group());
        String token = edit.token() == null ? node.token() : blankToNull(edit.token());
        return repository().update(name, url, group, token);
    }

    /** The node other than {@code name} whose URL names the same agent as {@code url}, if any. */
    public Optional<EdgeNode> sameAgentAs(String name, String url) {
        return repository().list().stream()
                .filter(n -> !n.name().equals(name) && NodeUrl.sameAgent(n.url(), url))
                .findFirst();
    }

    private String checkedUrl(String name, String url) {
        String normalized;
        try {
            normalized = NodeUrl.normalize(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("edge node '" + name + "': " + e.getMessage(), e);
        }
        sameAgentAs(name, normalized).ifPresent(other -> {
            throw new IllegalArgumentException("edge node '" + name + "': " + normalized
                    + " is already registered as edge node '" + other.name() + "' (one agent under two names would"
                    + " get every publication twice); edit or remove '" + other.name() + "' instead");
        });
        return normalized;
    }

    private EdgeNodeRepository repository() {
        return new EdgeNodeRepository(store.dsl());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
