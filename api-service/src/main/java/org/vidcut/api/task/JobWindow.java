package org.vidcut.api.task;

import org.springframework.stereotype.Component;
import org.vidcut.api.messaging.JobConsumers;

/** How many handed-out jobs that no worker has started yet the broker may hold: about one per worker. */
@Component
class JobWindow {

    private final SchedulingProperties properties;
    private final JobConsumers consumers;

    JobWindow(SchedulingProperties properties, JobConsumers consumers) {
        this.properties = properties;
        this.consumers = consumers;
    }

    int size() {
        long perConsumers = (long) consumers.count().orElse(0) * properties.jobsPerConsumer();
        return (int) Math.min(Integer.MAX_VALUE, Math.max(properties.minJobsInBroker(), perConsumers));
    }
}
