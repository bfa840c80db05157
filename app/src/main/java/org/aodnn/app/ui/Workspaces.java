package org.aodnn.app.ui;

import java.util.List;
import org.aodnn.db.Store;
import org.aodnn.db.task.TaskExecutor;
import org.aodnn.edgeconnector.ui.EdgeView;
import org.aodnn.edgeconnector.ui.EdgeViewModel;
import org.aodnn.modelfitting.ui.ModelFittingView;
import org.aodnn.modelfitting.ui.ModelFittingViewModel;
import org.aodnn.policyeditor.ui.CatalogView;
import org.aodnn.policyeditor.ui.CatalogViewModel;
import org.aodnn.policyeditor.ui.PolicyEditorView;
import org.aodnn.policyeditor.ui.PolicyEditorViewModel;
import org.aodnn.profilinglab.ui.ProfilingLabView;
import org.aodnn.profilinglab.ui.ProfilingLabViewModel;

/** Assembles the four workspaces from the feature modules' views, in navigation order. */
public final class Workspaces {

    public static final String PROFILING_LAB = "Profiling Lab";
    public static final String MODEL_FITTING = "Model Fitting";
    public static final String POLICY_EDITOR = "Policy Editor";
    public static final String EDGE = "Edge";

    private Workspaces() {
    }

    public static List<Workspace> create(Store store, TaskExecutor executor) {
        return create(store, executor, true);
    }

    /**
     * @param watchPhones whether the Profiling Lab lists phones from the adb server (starting it if needed);
     *                    the window tests run without one
     */
    public static List<Workspace> create(Store store, TaskExecutor executor, boolean watchPhones) {
        ProfilingLabView lab = new ProfilingLabView(watchPhones ? new ProfilingLabViewModel(store, executor)
                : new ProfilingLabViewModel(store, executor, null, null));
        ModelFittingView fitting = new ModelFittingView(new ModelFittingViewModel(store, executor));
        PolicyEditorView policy = new PolicyEditorView(new PolicyEditorViewModel(store, executor),
                new CatalogView(new CatalogViewModel(store, executor)));
        EdgeView edge = new EdgeView(new EdgeViewModel(store, executor));
        return List.of(
                new Workspace(PROFILING_LAB, "profiling-lab.png", lab.root(), lab.viewModel()),
                new Workspace(MODEL_FITTING, "model-fitting.png", fitting.root(), fitting.viewModel()),
                new Workspace(POLICY_EDITOR, "policy-editor.png", policy.root(), policy.activation()),
                new Workspace(EDGE, "edge.png", edge.root(), edge.viewModel()));
    }
}
