package org.aodnn.edgeconnector.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.input.KeyCode;
import org.aodnn.db.Store;
import org.aodnn.db.testing.WorkerThreadsTaskExecutor;
import org.aodnn.edgeconnector.agent.AgentConfig;
import org.aodnn.edgeconnector.agent.EdgeAgent;
import org.aodnn.edgeconnector.crypto.SigningKeyStore;
import org.aodnn.edgeconnector.crypto.TrustedKeys;
import org.aodnn.edgeconnector.json.StrictJson;
import org.aodnn.edgeconnector.publish.EdgeConsole;
import org.aodnn.edgeconnector.publish.PublishOptions;
import org.aodnn.edgeconnector.testing.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Edge workspace in a real (headless) window, driven like an operator: register a node, build a manifest
 * from a saved policy, publish it to a real agent on a loopback port, and see the deployed version in the
 * node table.
 */
class EdgeViewFxTest {

    @TempDir
    Path dir;
    private Store store;
    private EdgeAgent agent;
    private WorkerThreadsTaskExecutor executor;
    private EdgeViewModel viewModel;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        store = TemplateStore.copy(dir);
        SigningKeyStore keys = new SigningKeyStore(dir.resolve("keys"));
        agent = EdgeAgent.start(AgentConfig.loopback(dir.resolve("agent"),
                TrustedKeys.of(List.of(keys.current().publicKey()))));
        executor = new WorkerThreadsTaskExecutor("edge-view-test-worker", Platform::runLater,
                Platform::isFxApplicationThread);
        viewModel = new EdgeViewModel(store, executor, keys, PublishOptions.DEFAULT, Duration.ofSeconds(1));
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new EdgeView(viewModel).root(), 1270, 790));
            stage.show();
        });
        FxToolkit.setupFixture(viewModel::activate);
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.setupFixture(viewModel::deactivate);
        FxToolkit.cleanupStages();
        executor.close();
        agent.close();
        store.close();
    }

    /** Looked up on the FX thread: a lookup from the test thread can meet a table adding its rows. */
    private Optional<Node> cell(String table, String text) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> robot.lookup(table).lookup((Node n) -> n instanceof TableCell<?, ?> c
                    && text.equals(c.getText())).tryQuery()).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not look up a cell in " + table, e);
        }
    }

    private void waitForCell(String table, String text) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> cell(table, text).isPresent());
        } catch (TimeoutException e) {
            throw new AssertionError("no cell '" + text + "' in " + table + "; status: "
                    + robot.lookup("#edge-status").queryAs(Labeled.class).getText(), e);
        }
    }

    @Test
    void addNodeBuildAndPublishShowsTheDeployedVersion() throws Exception {
        Button add = robot.lookup("#add-node").queryButton();
        assertTrue(add.isDisabled(), "nothing to add yet");
        robot.clickOn("#node-name").write("edge-1");
        robot.clickOn("#node-url").write("ftp://nowhere");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("URL must start with http:// or https://",
                robot.lookup("#node-problem").queryAs(Labeled.class).getText());
        assertTrue(add.isDisabled());
        robot.clickOn("#node-url").push(KeyCode.END).eraseText("ftp://nowhere".length())
                .write(agent.baseUri().toString());
        robot.clickOn("#node-group").write("lab");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", robot.lookup("#node-problem").queryAs(Labeled.class).getText());
        robot.clickOn("#add-node");
        waitForCell("#nodes-table", "edge-1");
        waitForCell("#nodes-table", "ok");
        waitForCell("#nodes-table", "none");

        // the saved policies are offered; choose one and build its manifest
        waitForCell("#nodes-table", agent.baseUri().toString());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, executor::idle);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#policy-choice");
        robot.clickOn(robot.lookup((Node n) -> n instanceof ListCell<?> c && "alexnet-wifi (alexnet)".equals(c.getText()))
                .queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new PolicyChoice("alexnet-wifi", "alexnet"), viewModel.selectedPolicyProperty().get());
        robot.clickOn("#build-manifest");
        waitForCell("#manifests-table", "alexnet-wifi");
        waitForCell("#manifests-table", "verified");

        // choose the manifest and the node (once the reloads are done and the tables hold still), publish
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, executor::idle);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(cell("#manifests-table", "alexnet-wifi").orElseThrow());
        robot.clickOn(cell("#nodes-table", "edge-1").orElseThrow());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!robot.lookup("#publish").queryButton().isDisabled(), "node and manifest chosen");
        robot.clickOn("#publish");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !viewModel.publishingProperty().get() && executor.idle());
        waitForCell("#nodes-table", "alexnet v1");
        waitForCell("#nodes-table", "deployed v1");
        // one health round asks for the count and the list separately, so a round may straddle the publication
        waitForCell("#nodes-table", "1");

        // the agent really serves it
        HttpResponse<String> served = Http.get(URI.create(agent.baseUri() + "/v1/manifests/alexnet"));
        assertEquals(200, served.statusCode());
        assertEquals(1, StrictJson.parse(served.body().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .get("version").asInt());

        // the diff pane compares the node's manifest with the selected one
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#diff-list").queryListView().getItems()
                .contains("Node edge-1 already serves alexnet v1; publishing it again changes nothing."));
        @SuppressWarnings("unchecked")
        ListView<String> diff = robot.lookup("#diff-list").queryAs(ListView.class);
        assertEquals(1, diff.getItems().size(), diff.getItems().toString());
        assertTrue(robot.lookup("#edge-status").queryAs(Labeled.class).getText().startsWith("Published alexnet v1: "));
    }

    @Test
    void removingANodeAsksFirstAndCancelKeepsIt() throws Exception {
        robot.clickOn("#node-name").write("edge-2");
        robot.clickOn("#node-url").write(agent.baseUri().toString());
        robot.clickOn("#add-node");
        waitForCell("#nodes-table", "edge-2");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, executor::idle);
        robot.clickOn(cell("#nodes-table", "edge-2").orElseThrow());

        robot.clickOn("#remove-node");
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, executor::idle);
        assertTrue(new EdgeConsole(store, PublishOptions.DEFAULT).nodes().stream()
                .anyMatch(n -> n.name().equals("edge-2")), "cancelled: the node stays");

        robot.clickOn("#remove-node");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> new EdgeConsole(store, PublishOptions.DEFAULT).nodes()
                .stream().noneMatch(n -> n.name().equals("edge-2")));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> cell("#nodes-table", "edge-2").isEmpty());
    }

    @Test
    void editingANodeFixesItsUrlInPlace() throws Exception {
        robot.clickOn("#node-name").write("edge-3");
        robot.clickOn("#node-url").write("http://127.0.0.1:9");
        robot.clickOn("#add-node");
        waitForCell("#nodes-table", "edge-3");
        waitForCell("#nodes-table", "unreachable");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, executor::idle);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!robot.lookup("#node-problem").queryAs(Labeled.class).getStyleClass().contains("validation-warning"),
                "the cleared form's hint is not shown as a warning");

        robot.clickOn(cell("#nodes-table", "edge-3").orElseThrow());
        robot.clickOn("#edit-node");
        javafx.scene.control.TextField url = robot.lookup("#edit-node-url").queryAs(javafx.scene.control.TextField.class);
        assertEquals("http://127.0.0.1:9", url.getText());
        robot.interact(() -> url.setText(agent.baseUri() + "/"));
        robot.clickOn("OK");
        waitForCell("#nodes-table", agent.baseUri().toString());
        waitForCell("#nodes-table", "ok");
        assertEquals(agent.baseUri().toString(), new EdgeConsole(store, PublishOptions.DEFAULT).nodes().get(0).url());

        robot.clickOn("#skip-unreachable");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(viewModel.skipUnreachableProperty().get(), "the check box is the operator's explicit choice");
    }
}
