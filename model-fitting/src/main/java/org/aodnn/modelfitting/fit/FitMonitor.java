package org.aodnn.modelfitting.fit;

/** Progress reporting and cancellation for long fits (bridged to a BackgroundTask by FitTask). */
public interface FitMonitor {

    FitMonitor NONE = new FitMonitor() {
        @Override
        public void progress(double done, double total, String message) {
        }

        @Override
        public void checkCancelled() {
        }
    };

    void progress(double done, double total, String message);

    /** Throws {@link org.aodnn.db.task.CancelledException} when the work was cancelled. */
    void checkCancelled();
}
