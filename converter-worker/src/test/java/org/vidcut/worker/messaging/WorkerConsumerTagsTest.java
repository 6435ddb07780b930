package org.vidcut.worker.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkerConsumerTagsTest {

    @Test
    void tagsNameTheWorkerAndNumberItsConsumers() {
        var tags = new WorkerConsumerTags("worker-7f9c");

        assertThat(tags.createConsumerTag("vidcut.conversion-jobs")).isEqualTo("converter-worker@worker-7f9c#1");
        assertThat(tags.createConsumerTag("vidcut.conversion-jobs")).isEqualTo("converter-worker@worker-7f9c#2");
    }
}
