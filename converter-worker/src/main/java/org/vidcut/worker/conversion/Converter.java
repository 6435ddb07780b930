package org.vidcut.worker.conversion;

import org.vidcut.contracts.ConversionJob;

/** Runs one job to a stored, verified result. */
public interface Converter {

    /**
     * @param progress receives percent values once per heartbeat interval while the job runs
     * @throws RuntimeException any failure; {@link FailurePolicy#classify(Throwable)} tells final from transient
     */
    ConversionResult convert(ConversionJob job, ProgressSink progress);
}
