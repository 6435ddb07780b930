/**
 * Server-sent events of task changes ({@code /v1/tasks/{id}/events}, {@code /v1/events}), fed across api replicas
 * through the task-updates fanout.
 */
@NullMarked
package org.vidcut.api.events;

import org.jspecify.annotations.NullMarked;
