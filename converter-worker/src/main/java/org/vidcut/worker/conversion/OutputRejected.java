package org.vidcut.worker.conversion;

/** ffmpeg finished but its output is not a usable result (empty, unreadable, missing streams, too large). */
final class OutputRejected extends RuntimeException {

    OutputRejected(String reason) {
        super(reason);
    }
}
