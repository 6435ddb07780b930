package org.vidcut.contracts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Every message on the wire: a logical, versioned type id in {@code type}, a task id and an attempt. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(ConversionJob.class),
    @JsonSubTypes.Type(TaskEvent.Started.class),
    @JsonSubTypes.Type(TaskEvent.Progress.class),
    @JsonSubTypes.Type(TaskEvent.Succeeded.class),
    @JsonSubTypes.Type(TaskEvent.Failed.class),
    @JsonSubTypes.Type(CancelTask.class)
})
public sealed interface Message permits ConversionJob, TaskEvent, CancelTask {

    String taskId();

    int attempt();
}
