package org.vidcut.api.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vidcut.api.task.TaskState.CANCELED;
import static org.vidcut.api.task.TaskState.DONE;
import static org.vidcut.api.task.TaskState.FAILED;
import static org.vidcut.api.task.TaskState.NEW;
import static org.vidcut.api.task.TaskState.PROCESSING;
import static org.vidcut.api.task.TaskState.SCHEDULED;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TaskStateTest {

    @Test
    void onlyStatesThatStillNeedAWorkerAreActive() {
        assertThat(TaskState.ACTIVE).containsExactlyInAnyOrder(NEW, SCHEDULED, PROCESSING);
        assertThat(Arrays.stream(TaskState.values()).filter(TaskState::active))
                .containsExactlyInAnyOrder(NEW, SCHEDULED, PROCESSING);
        assertThat(DONE.active()).isFalse();
        assertThat(FAILED.active()).isFalse();
        assertThat(CANCELED.active()).isFalse();
    }

    @Test
    void idsAreLowercaseAndFoundCaseInsensitively() {
        assertThat(PROCESSING.id()).isEqualTo("processing");
        assertThat(CANCELED.id()).isEqualTo("canceled");
        assertThat(TaskState.find(" Failed ")).contains(FAILED);
        assertThat(TaskState.find("CANCELED")).contains(CANCELED);
        assertThat(TaskState.find("cancelled")).isEmpty();
        assertThat(TaskState.find("finished")).isEmpty();
        assertThat(TaskState.find(null)).isEmpty();
    }
}
