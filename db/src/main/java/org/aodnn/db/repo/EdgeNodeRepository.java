package org.aodnn.db.repo;

import static org.aodnn.db.jooq.Tables.EDGE_NODE;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.aodnn.db.StoreException;
import org.aodnn.db.domain.EdgeNode;
import org.aodnn.db.jooq.tables.records.EdgeNodeRecord;
import org.jooq.DSLContext;

/** The registry of edge nodes (name, agent URL, group, token) and their last health check. */
public final class EdgeNodeRepository {

    private final DSLContext dsl;

    public EdgeNodeRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Registers a node; fails on a name already registered. */
    public EdgeNode add(String name, String url, String group, String token) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new StoreException("an edge node needs a name of 1 to 200 characters");
        }
        if (url == null || url.isBlank() || url.length() > 1000) {
            throw new StoreException("edge node '" + name + "' needs a URL of 1 to 1000 characters");
        }
        dsl.transaction(cfg -> {
            var tx = org.jooq.impl.DSL.using(cfg);
            if (tx.fetchExists(EDGE_NODE, EDGE_NODE.NAME.eq(name))) {
                throw new StoreException("an edge node named '" + name + "' is already registered");
            }
            tx.insertInto(EDGE_NODE)
                    .set(EDGE_NODE.NAME, name)
                    .set(EDGE_NODE.URL, url)
                    .set(EDGE_NODE.GROUP_NAME, group)
                    .set(EDGE_NODE.TOKEN, token)
                    .execute();
        });
        return require(name);
    }

    /** Changes URL, group and token of a registered node. */
    public EdgeNode update(String name, String url, String group, String token) {
        int n = dsl.update(EDGE_NODE).set(EDGE_NODE.URL, url).set(EDGE_NODE.GROUP_NAME, group)
                .set(EDGE_NODE.TOKEN, token).where(EDGE_NODE.NAME.eq(name)).execute();
        if (n == 0) {
            throw new StoreException("no edge node named '" + name + "'");
        }
        return require(name);
    }

    public boolean remove(String name) {
        return dsl.deleteFrom(EDGE_NODE).where(EDGE_NODE.NAME.eq(name)).execute() > 0;
    }

    public Optional<EdgeNode> find(String name) {
        return dsl.selectFrom(EDGE_NODE).where(EDGE_NODE.NAME.eq(name)).fetchOptional(EdgeNodeRepository::toNode);
    }

    public EdgeNode require(String name) {
        return find(name).orElseThrow(() -> new StoreException("no edge node named '" + name + "'"));
    }

    /** Every node, by name. */
    public List<EdgeNode> list() {
        return dsl.selectFrom(EDGE_NODE).orderBy(EDGE_NODE.NAME).fetch(EdgeNodeRepository::toNode);
    }

    /** The nodes of {@code group}, by name. */
    public List<EdgeNode> inGroup(String group) {
        return dsl.selectFrom(EDGE_NODE).where(EDGE_NODE.GROUP_NAME.eq(group)).orderBy(EDGE_NODE.NAME)
                .fetch(EdgeNodeRepository::toNode);
    }

    /** Records the outcome of a health check. */
    public void recordHealth(String name, String status, String message, OffsetDateTime checkedAt) {
        String trimmed = message == null || message.length() <= 2000 ? message : message.substring(0, 1997) + "...";
        dsl.update(EDGE_NODE).set(EDGE_NODE.LAST_STATUS, status).set(EDGE_NODE.LAST_MESSAGE, trimmed)
                .set(EDGE_NODE.LAST_CHECKED, checkedAt).where(EDGE_NODE.NAME.eq(name)).execute();
    }

    private static EdgeNode toNode(EdgeNodeRecord r) {
        return new EdgeNode(r.getId(), r.getName(), r.getUrl(), r.getGroupName(), r.getToken(), r.getLastStatus(),
                r.getLastMessage(), r.getLastChecked());
    }
}
