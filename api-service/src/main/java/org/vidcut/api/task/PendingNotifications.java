package org.vidcut.api.task;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A task's notifications that are not yet turned into webhook deliveries, claimed until {@code leaseUntil}.
 *
 * @param task the task as clients see it now
 * @param notices the states entered since the last sweep, oldest first
 */
public record PendingNotifications(
        String taskId, String ownerId, Instant leaseUntil, JsonNode task, List<Notice> notices) {

    /**
     * One state the task entered.
     *
     * @param state the state's id as clients see it ({@code done})
     */
    public record Notice(String state, int attempt, Instant at) {}
}
