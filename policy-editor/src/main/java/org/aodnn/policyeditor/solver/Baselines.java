package org.aodnn.policyeditor.solver;

/** The four baseline cuts under one scenario. */
public record Baselines(CutResult edgeOnly, CutResult localOnly, CutResult neuroL, CutResult neuroE) {

    public CutResult get(Baseline baseline) {
        return switch (baseline) {
            case EDGE_ONLY -> edgeOnly;
            case LOCAL_ONLY -> localOnly;
            case NEURO_L -> neuroL;
            case NEURO_E -> neuroE;
        };
    }
}
