package org.vidcut.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskRequestTest {

    @Test
    void leavesUnsetFieldsOutOfTheBody() {
        assertThat(TaskRequest.trim("v1", 60, 90).keyframe().body())
                .containsOnlyKeys("video_id", "start_time", "end_time", "accuracy")
                .containsEntry("accuracy", "keyframe")
                .containsEntry("start_time", 60.0);
    }

    @Test
    void namesResizeAndFormat() {
        assertThat(TaskRequest.trim("v1", 60, 120)
                        .resize(1280, 720)
                        .format("webm")
                        .body())
                .containsEntry("width", 1280)
                .containsEntry("height", 720)
                .containsEntry("format", "webm")
                .doesNotContainKey("accuracy");
    }
}
