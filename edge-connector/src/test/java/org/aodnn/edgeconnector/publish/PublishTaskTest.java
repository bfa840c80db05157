package org.aodnn.edgeconnector.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.aodnn.db.Store;
import org.aodnn.db.domain.DeploymentEntry;
import org.aodnn.db.domain.EdgeNode;
import org.aodnn.db.repo.DeploymentRepository;
import org.aodnn.db.repo.EdgeNodeRepository;
import org.aodnn.db.task.CurrentThreadTaskExecutor;
import org.aodnn.db.task.ProgressListener;
import org.aodnn.db.task.TaskCallbacks;
import org.aodnn.edgeconnector.agent.AgentConfig;
import org.aodnn.edgeconnector.agent.EdgeAgent;
import org.aodnn.edgeconnector.crypto.Ed25519;
import org.aodnn.edgeconnector.crypto.TrustedKeys;
import org.aodnn.edgeconnector.manifest.SignedManifest;
import org.aodnn.edgeconnector.testing.ManifestFixtures;
import org.aodnn.edgeconnector.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API the Edge workspace uses: the publish task (progress, per-node states, cancel), health polling, diffs. */
class PublishTaskTest {

    @TempDir
    Path dir;

    @Test
    void publishTaskReportsProgressAndCancelRollsBack() throws Exception {
        KeyPair key = Ed25519.generate();
        TrustedKeys trusted = TrustedKeys.of(List.of(key.getPublic()));
        try (Store store = TestStores.open(dir);
             EdgeAgent a = EdgeAgent.start(AgentConfig.loopback(dir.resolve("a"), trusted));
             EdgeAgent b = EdgeAgent.start(AgentConfig.loopback(dir.resolve("b"), trusted))) {
            EdgeNodeRepository registry = new EdgeNodeRepository(store.dsl());
            EdgeConsole console = new EdgeConsole(store, PublishOptions.DEFAULT);
            console.addNode("a", a.baseUri().toString(), "g", "");
            console.addNode("b", b.baseUri().toString(), "g", null);
            assertEquals(List.of("a", "b"), console.nodes().stream().map(EdgeNode::name).toList());
            PublishService service = new PublishService(store, new EdgeClient(Duration.ofSeconds(3)),
                    PublishOptions.DEFAULT);

            SignedManifest v1 = SignedManifest.of(ManifestFixtures.signed("alexnet", 1, key));
            List<double[]> progress = new CopyOnWriteArrayList<>();
            List<String> messages = new CopyOnWriteArrayList<>();
            List<String> states = new CopyOnWriteArrayList<>();
            AtomicReference<PublishReport> result = new AtomicReference<>();
            PublishTask task = new PublishTask(service, new PublishService.Request(v1,
                    PublishService.NodeSelection.group("g"), Rollout.ALL_AT_ONCE), (n, s, m) -> states.add(n + ":" + s));
            new CurrentThreadTaskExecutor().execute(task, TaskCallbacks.<PublishReport>of(result::set, e -> {
                throw new AssertionError(e);
            }).withProgress(new ProgressListener() {
                @Override
                public void progress(double done, double total) {
                    progress.add(new double[] {done, total});
                }

                @Override
                public void message(String message) {
                    messages.add(message);
                }
            }));
            assertTrue(result.get().success());
            assertEquals(2.0, progress.get(progress.size() - 1)[0]);
            assertEquals(2.0, progress.get(progress.size() - 1)[1]);
            assertTrue(messages.stream().anyMatch(m -> m.startsWith("a: deployed")), messages.toString());
            assertTrue(states.contains("b:DEPLOYED"));

            // the deployed-vs-next difference per node, for the view
            SignedManifest v2 = SignedManifest.of(ManifestFixtures.signed("alexnet", 2, key));
            DeployedDiff.Result diff = console.diff("a", v2);
            assertEquals("deployed", console.latestDeployments().get(0).status());
            assertEquals(1, console.manifests().size());
            assertEquals(v1.sha256(), console.manifest(console.manifests().get(0)).sha256());
            assertEquals(1L, diff.deployedVersion());
            assertEquals("1 change: $.version", diff.summary());

            // cancel once the canary is updated: the task ends cancelled, the canary is rolled back
            AtomicBoolean cancelled = new AtomicBoolean();
            PublishTask[] holder = new PublishTask[1];
            holder[0] = console.publishTask(v2, PublishService.NodeSelection.names(List.of("a", "b")), Rollout.CANARY,
                    (n, s, m) -> {
                        if (n.equals("a") && s == NodeState.DEPLOYED) {
                            holder[0].cancel();
                        }
                    });
            new CurrentThreadTaskExecutor().execute(holder[0], TaskCallbacks.<PublishReport>of(r -> {
                throw new AssertionError("should have been cancelled");
            }, e -> {
                throw new AssertionError(e);
            }).withCancelled(() -> cancelled.set(true)));
            assertTrue(cancelled.get());
            List<DeploymentEntry> last = new DeploymentRepository(store.dsl()).latestPerNode();
            assertEquals("rolled_back", last.get(0).status());
            assertEquals(1, last.get(0).deployedVersion());
            assertEquals("skipped", last.get(1).status());
        }
    }

    @Test
    @SuppressWarnings("try") // the polling handle only needs closing
    void healthPollingRecordsStatusInTheRegistry() throws Exception {
        KeyPair key = Ed25519.generate();
        int deadPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort();
        }
        try (Store store = TestStores.open(dir);
             EdgeAgent up = EdgeAgent.start(AgentConfig.loopback(dir.resolve("up"), TrustedKeys.of(List.of(key.getPublic()))))) {
            EdgeNodeRepository registry = new EdgeNodeRepository(store.dsl());
            registry.add("down", "http://127.0.0.1:" + deadPort, null, null);
            registry.add("up", up.baseUri().toString(), null, null);
            NodeStatusService service = new NodeStatusService(store, new EdgeClient(Duration.ofSeconds(2)));
            List<NodeStatus> statuses = service.pollAll();
            assertEquals("unreachable", statuses.get(0).health().status());
            assertNull(statuses.get(0).servedManifests());
            assertEquals("ok", statuses.get(1).health().status());
            assertEquals(0, statuses.get(1).servedManifests().size());
            EdgeNode recorded = registry.require("down");
            assertEquals("unreachable", recorded.lastStatus());
            assertNotNull(recorded.lastChecked());
            assertEquals("ok", registry.require("up").lastStatus());

            LinkedBlockingQueue<List<NodeStatus>> rounds = new LinkedBlockingQueue<>();
            try (AutoCloseable polling = service.startPolling(Duration.ofMillis(200), rounds::add, e -> { })) {
                assertNotNull(rounds.poll(20, TimeUnit.SECONDS));
                assertNotNull(rounds.poll(20, TimeUnit.SECONDS), "polls again after the interval");
            }
        }
    }
}
