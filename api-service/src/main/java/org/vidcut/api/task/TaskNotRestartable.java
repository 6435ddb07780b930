package org.vidcut.api.task;

import org.springframework.http.HttpStatus;
import org.vidcut.api.web.ApiProblem;

/** Only a failed or canceled task can be restarted. */
public class TaskNotRestartable extends ApiProblem {

    TaskNotRestartable(String taskId, TaskState state) {
        super(
                HttpStatus.CONFLICT,
                "task " + taskId + " is " + state.id() + "; only a failed or canceled task can be restarted");
    }
}
