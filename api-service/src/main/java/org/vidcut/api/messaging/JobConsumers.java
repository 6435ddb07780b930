package org.vidcut.api.messaging;

import java.util.OptionalInt;

/** How many consumers (workers) take jobs from the jobs queue: what the fair dispatcher sizes its window by. */
public interface JobConsumers {

    /** The last count read from the broker; empty when it is unknown (not read yet, or the broker is unreachable). */
    OptionalInt count();
}
