package org.vidcut.worker.conversion;

/** The job decodes but cannot describe a conversion (missing keys or operations, empty time range). */
final class JobInvalid extends RuntimeException {

    JobInvalid(String reason) {
        super(reason);
    }
}
