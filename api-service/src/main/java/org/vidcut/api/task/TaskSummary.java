package org.vidcut.api.task;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What other features show of a task.
 *
 * @param state the state's wire name ({@code new}, {@code scheduled}, {@code processing}, {@code done},
 *     {@code failed}, ...)
 * @param format the output format's name, e.g. {@code mp4}
 * @param error the reason of the latest failure, if any
 */
public record TaskSummary(
        String id,
        String videoId,
        String state,
        String format,
        @Nullable String error,
        Instant createdAt) {}
