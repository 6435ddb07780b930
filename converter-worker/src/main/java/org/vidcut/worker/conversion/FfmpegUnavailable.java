package org.vidcut.worker.conversion;

/** ffmpeg or ffprobe could not be started on this worker: its installation is at fault, not the job. */
final class FfmpegUnavailable extends RuntimeException {

    FfmpegUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
