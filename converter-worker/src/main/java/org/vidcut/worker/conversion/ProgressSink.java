package org.vidcut.worker.conversion;

/** Receives the progress of one running conversion, in percent of the expected output duration. */
@FunctionalInterface
public interface ProgressSink {

    void progress(double percent);
}
