package org.vidcut.api.task;

/**
 * Published in this api process after a task entered a state that webhooks announce: a hint to deliver now
 * rather than at the next sweep. The notification itself is already stored with the task, so nothing is lost
 * when the hint is.
 */
public record TaskNotificationsPending(String taskId) {}
