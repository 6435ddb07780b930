package org.vidcut.api.task;

import org.springframework.http.HttpStatus;
import org.vidcut.api.web.ApiProblem;

/** No task with this id belongs to the caller (another user's task is reported the same way, never a 403). */
public class TaskNotFound extends ApiProblem {

    public TaskNotFound(String taskId) {
        super(HttpStatus.NOT_FOUND, "task " + taskId + " not found");
    }
}
