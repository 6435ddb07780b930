package org.vidcut.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class TaskLogContextTest {

    @BeforeEach
    void clear() {
        MDC.clear();
    }

    @Test
    void closingANestedContextRestoresTheOuterOne() {
        try (var outer = TaskLogContext.open("outer", 1)) {
            try (var inner = TaskLogContext.open("inner", 2)) {
                assertThat(MDC.get(TaskLogContext.TASK_ID)).isEqualTo("inner");
            }
            assertThat(MDC.get(TaskLogContext.TASK_ID)).isEqualTo("outer");
            assertThat(MDC.get(TaskLogContext.ATTEMPT)).isEqualTo("1");
        }
        assertThat(MDC.get(TaskLogContext.TASK_ID)).isNull();
        assertThat(MDC.get(TaskLogContext.ATTEMPT)).isNull();
    }
}
