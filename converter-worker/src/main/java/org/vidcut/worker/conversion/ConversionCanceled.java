package org.vidcut.worker.conversion;

/** The api canceled the attempt (its owner canceled or deleted the task): nothing of it is reported or kept. */
public final class ConversionCanceled extends RuntimeException {

    public ConversionCanceled() {
        super("canceled");
    }
}
