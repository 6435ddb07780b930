package org.vidcut.api.task;

import java.time.Instant;

/**
 * One entry of a task's history: the state it entered, in which attempt, and when. Clients can see the whole
 * path ({@code new → scheduled → processing → done}) even when a poll would have missed a short-lived state.
 */
record StateChange(TaskState state, int attempt, Instant at) {}
