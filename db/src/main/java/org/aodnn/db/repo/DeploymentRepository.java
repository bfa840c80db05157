package org.aodnn.db.repo;

import static org.aodnn.db.jooq.Tables.DEPLOYMENT;
import static org.aodnn.db.jooq.Tables.EDGE_NODE;
import static org.aodnn.db.jooq.Tables.MANIFEST;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.aodnn.db.StoreException;
import org.aodnn.db.domain.DeploymentEntry;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;

/** Per-node results of publications (one row per node and publication). */
public final class DeploymentRepository {

    private final DSLContext dsl;

    public DeploymentRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** One node's result of a publication, to be stored. */
    public record NewDeployment(long manifestId, String nodeName, String rollout, String status,
                                Integer deployedVersion, String message, OffsetDateTime startedAt,
                                OffsetDateTime finishedAt) {
    }

    /** Stores the per-node results of one publication in one transaction. */
    public void addAll(Collection<NewDeployment> rows) {
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            for (NewDeployment d : rows) {
                Long nodeId = tx.select(EDGE_NODE.ID).from(EDGE_NODE).where(EDGE_NODE.NAME.eq(d.nodeName()))
                        .fetchOptional(EDGE_NODE.ID)
                        .orElseThrow(() -> new StoreException("no edge node named '" + d.nodeName() + "'"));
                String message = d.message() == null || d.message().length() <= 2000 ? d.message()
                        : d.message().substring(0, 1997) + "...";
                tx.insertInto(DEPLOYMENT)
                        .set(DEPLOYMENT.MANIFEST_ID, d.manifestId())
                        .set(DEPLOYMENT.NODE_ID, nodeId)
                        .set(DEPLOYMENT.ROLLOUT, d.rollout())
                        .set(DEPLOYMENT.STATUS, d.status())
                        .set(DEPLOYMENT.DEPLOYED_VERSION, d.deployedVersion())
                        .set(DEPLOYMENT.MESSAGE, message)
                        .set(DEPLOYMENT.STARTED_AT, d.startedAt())
                        .set(DEPLOYMENT.FINISHED_AT, d.finishedAt())
                        .execute();
            }
        });
    }

    /** Every deployment on {@code nodeName}, newest first. */
    public List<DeploymentEntry> forNode(String nodeName) {
        return select().where(EDGE_NODE.NAME.eq(nodeName)).orderBy(DEPLOYMENT.ID.desc())
                .fetch(DeploymentRepository::toEntry);
    }

    /** The newest deployment of each node (nodes never published to are absent), by node name. */
    public List<DeploymentEntry> latestPerNode() {
        var latest = DSL.select(DSL.max(DEPLOYMENT.ID)).from(DEPLOYMENT).groupBy(DEPLOYMENT.NODE_ID);
        return select().where(DEPLOYMENT.ID.in(latest)).orderBy(EDGE_NODE.NAME)
                .fetch(DeploymentRepository::toEntry);
    }

    private SelectOnConditionStep<Record> select() {
        return dsl.select(DEPLOYMENT.fields())
                .select(MANIFEST.MODEL, MANIFEST.VERSION, MANIFEST.SHA256, EDGE_NODE.NAME)
                .from(DEPLOYMENT)
                .join(MANIFEST).on(MANIFEST.ID.eq(DEPLOYMENT.MANIFEST_ID))
                .join(EDGE_NODE).on(EDGE_NODE.ID.eq(DEPLOYMENT.NODE_ID));
    }

    private static DeploymentEntry toEntry(Record r) {
        return new DeploymentEntry(r.get(DEPLOYMENT.ID), r.get(DEPLOYMENT.MANIFEST_ID), r.get(MANIFEST.MODEL),
                r.get(MANIFEST.VERSION), r.get(MANIFEST.SHA256), r.get(EDGE_NODE.NAME), r.get(DEPLOYMENT.ROLLOUT),
                r.get(DEPLOYMENT.STATUS), r.get(DEPLOYMENT.DEPLOYED_VERSION), r.get(DEPLOYMENT.MESSAGE),
                r.get(DEPLOYMENT.STARTED_AT), r.get(DEPLOYMENT.FINISHED_AT));
    }
}
