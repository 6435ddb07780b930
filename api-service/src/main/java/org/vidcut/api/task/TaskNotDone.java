package org.vidcut.api.task;

import org.springframework.http.HttpStatus;
import org.vidcut.api.web.ApiProblem;

/** The result can be downloaded only once the task is done. */
public class TaskNotDone extends ApiProblem {

    TaskNotDone(String taskId, TaskState state) {
        super(
                HttpStatus.CONFLICT,
                "task " + taskId + " is " + state.id() + "; its result is available once it is done");
    }
}
