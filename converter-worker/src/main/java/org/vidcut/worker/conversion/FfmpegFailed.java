package org.vidcut.worker.conversion;

/** ffmpeg exited with an error; the message is its last error line with locations masked. */
final class FfmpegFailed extends RuntimeException {

    FfmpegFailed(String lastErrorLine) {
        super(lastErrorLine);
    }
}
