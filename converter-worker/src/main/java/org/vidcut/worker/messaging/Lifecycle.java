package org.vidcut.worker.messaging;

/** Whether the worker still takes jobs; flipped once when the application context starts closing. */
final class Lifecycle {

    private volatile boolean stopping;

    boolean stopping() {
        return stopping;
    }

    void stop() {
        stopping = true;
    }
}
