package org.vidcut.api.compat.conversions;

/** The earlier system's task states (Celery's words) for this service's task states. */
final class CeleryStates {

    static final String PENDING = "PENDING";
    static final String STARTED = "STARTED";
    static final String SUCCESS = "SUCCESS";
    static final String FAILURE = "FAILURE";
    static final String REVOKED = "REVOKED";

    private CeleryStates() {}

    /** @param state a task state's wire name, e.g. {@code scheduled} */
    static String of(String state) {
        return switch (state) {
            case "processing" -> STARTED;
            case "done" -> SUCCESS;
            case "failed" -> FAILURE;
            case "canceled" -> REVOKED;
            default -> PENDING;
        };
    }
}
