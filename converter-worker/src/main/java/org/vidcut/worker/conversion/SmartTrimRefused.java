package org.vidcut.worker.conversion;

/** A smart trim does not fit this source or range, or its join did not check out: the range is re-encoded. */
final class SmartTrimRefused extends RuntimeException {

    SmartTrimRefused(String reason) {
        super(reason, null, false, false);
    }
}
