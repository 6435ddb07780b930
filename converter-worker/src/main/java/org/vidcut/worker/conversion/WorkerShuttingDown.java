package org.vidcut.worker.conversion;

/** The worker is stopping and gave up the job; another worker can take it. */
public final class WorkerShuttingDown extends RuntimeException {

    public WorkerShuttingDown() {
        super("worker shutting down");
    }
}
