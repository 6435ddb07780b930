package org.vidcut.api.task;

import org.springframework.http.HttpStatus;
import org.vidcut.api.web.ApiProblem;

/** A task that has already ended cannot be canceled. */
public class TaskNotCancelable extends ApiProblem {

    TaskNotCancelable(String taskId, TaskState state) {
        super(
                HttpStatus.CONFLICT,
                "task " + taskId + " is " + state.id() + "; only a new, scheduled or processing task can be canceled");
    }
}
