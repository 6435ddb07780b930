package org.vidcut.api.task;

import org.vidcut.contracts.OutputFormat;

/** The picture size a task is expected to produce, before the worker reports the real one. */
record OutputSize(Integer width, Integer height) {

    /** When one side is given, the other keeps the source's aspect ratio, rounded to an even number. */
    static OutputSize expected(
            OutputFormat format, Integer width, Integer height, Integer sourceWidth, Integer sourceHeight) {
        if (!format.hasVideo()) {
            return new OutputSize(null, null);
        }
        if (width != null && height != null) {
            return new OutputSize(width, height);
        }
        boolean sourceKnown = sourceWidth != null && sourceHeight != null && sourceWidth > 0 && sourceHeight > 0;
        if (width != null) {
            return new OutputSize(width, sourceKnown ? even((double) width * sourceHeight / sourceWidth) : null);
        }
        if (height != null) {
            return new OutputSize(sourceKnown ? even((double) height * sourceWidth / sourceHeight) : null, height);
        }
        return new OutputSize(sourceWidth, sourceHeight);
    }

    private static int even(double pixels) {
        return Math.max(2, (int) Math.round(pixels / 2) * 2);
    }
}
