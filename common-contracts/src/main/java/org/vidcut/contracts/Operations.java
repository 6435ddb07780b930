package org.vidcut.contracts;

/**
 * What one task does to its source, already validated by the api.
 *
 * @param startSeconds where the output starts in the source, 0 for the beginning
 * @param endSeconds where the output ends in the source, never past the source's duration
 * @param width output width in pixels, or null to keep it (or derive it from {@code height})
 * @param height output height in pixels, or null to keep it (or derive it from {@code width})
 * @param format the output container, always concrete (the api resolves "same as source")
 * @param accuracy keyframe (stream copy) or exact (re-encode)
 * @param reencode whether the output needs a re-encode anyway (resize, other codecs)
 */
public record Operations(
        double startSeconds,
        double endSeconds,
        Integer width,
        Integer height,
        OutputFormat format,
        Accuracy accuracy,
        boolean reencode) {

    public double outputSeconds() {
        return endSeconds - startSeconds;
    }

    public boolean resizes() {
        return width != null || height != null;
    }
}
