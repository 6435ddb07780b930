package org.vidcut.benchmark;

import java.util.Optional;

/** Figures one measurement leaves for later ones: the keyframe trim runs first and always. */
final class Findings {

    private String doneTaskId;
    private double keyframeSeconds = Double.NaN;

    /** A task in {@code done}: the status requests are measured on it. */
    String doneTaskId() {
        return Optional.ofNullable(doneTaskId)
                .orElseThrow(() -> new IllegalStateException("no finished task yet: the keyframe trim runs first"));
    }

    void doneTaskId(String taskId) {
        this.doneTaskId = taskId;
    }

    /** The keyframe trim's median end to end, for the exact-trim comparison; NaN before it ran. */
    double keyframeSeconds() {
        return keyframeSeconds;
    }

    void keyframeSeconds(double seconds) {
        this.keyframeSeconds = seconds;
    }
}
