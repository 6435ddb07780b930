package org.vidcut.worker.conversion;

/** ffmpeg needed more memory than its ceiling allows; the same input would need it again, so this is final. */
final class MemoryCeilingReached extends RuntimeException {

    MemoryCeilingReached(MemoryCeiling ceiling, String ffmpegLine) {
        super("ffmpeg needed more memory than its ceiling of " + ceiling.describe()
                + " (vidcut.worker.ffmpeg-memory-limit): " + ffmpegLine);
    }
}
