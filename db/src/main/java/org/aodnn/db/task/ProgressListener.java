package org.aodnn.db.task;

/** Receives a background task's progress; implementations must be cheap and thread-safe. */
public interface ProgressListener {

    ProgressListener NONE = new ProgressListener() {
        @Override
        public void progress(double workDone, double totalWork) {
        }

        @Override
        public void message(String message) {
        }
    };

    /** Work done out of total work (any unit); a negative total means indeterminate. */
    void progress(double workDone, double totalWork);

    void message(String message);
}
