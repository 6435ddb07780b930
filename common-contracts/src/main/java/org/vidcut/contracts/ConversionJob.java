package org.vidcut.contracts;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/**
 * The command the api publishes for one attempt at one task. It names objects, never carries media.
 *
 * @param taskId the task this job belongs to
 * @param attempt the attempt number, starting at 1; events echo it so stale attempts are ignored
 * @param sourceObjectKey the original video in the object store
 * @param resultObjectKey where the worker writes the result
 * @param sourceDurationSeconds duration of the original as probed at upload
 * @param operations what to do
 * @param issuedAt when the api issued this attempt
 */
@JsonTypeName(ConversionJob.TYPE)
public record ConversionJob(
        String taskId,
        int attempt,
        String sourceObjectKey,
        String resultObjectKey,
        double sourceDurationSeconds,
        Operations operations,
        Instant issuedAt)
        implements Message {

    public static final String TYPE = "conversion_job.v1";
}
