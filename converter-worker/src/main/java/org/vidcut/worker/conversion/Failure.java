package org.vidcut.worker.conversion;

import org.vidcut.contracts.FailureKind;

/** Why an attempt failed, ready for a {@code Failed} event: one readable line without secrets. */
public record Failure(FailureKind kind, String reason) {}
