package org.vidcut.api.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vidcut.api.testing.WorkerEventBuilder.aWorkerEvent;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.vidcut.contracts.FailureKind;
import org.vidcut.contracts.MessageCodec;
import org.vidcut.contracts.TaskEvent;

class TaskEventListenerTest {

    private final List<TaskEvent> applied = new ArrayList<>();
    private final TaskEventListener listener = new TaskEventListener(applied::add);

    private static Message message(byte[] body) {
        return new Message(body, new MessageProperties());
    }

    @Test
    void passesDecodedEventsToTheSink() {
        var event = aWorkerEvent()
                .forTask("t1")
                .attempt(2)
                .at(Instant.parse("2026-01-01T00:00:00Z"))
                .failed(FailureKind.FINAL, "bad");

        listener.onMessage(message(MessageCodec.encode(event)));

        assertThat(applied).containsExactly(event);
    }

    @Test
    void rejectsUnreadableBodiesWithoutRequeue() {
        assertThatThrownBy(() -> listener.onMessage(message("{not json".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(AmqpRejectAndDontRequeueException.class);
        assertThatThrownBy(() ->
                        listener.onMessage(message("{\"type\":\"task_started.v1\"}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(AmqpRejectAndDontRequeueException.class);
        assertThat(applied).isEmpty();
    }

    @Test
    void rejectsAJobSentToTheEventsQueue() {
        assertThatThrownBy(() -> listener.onMessage(message(MessageCodec.encode(ConversionJobs.aJob()))))
                .isInstanceOf(AmqpRejectAndDontRequeueException.class)
                .hasMessageContaining("not a task event");
        assertThat(applied).isEmpty();
    }
}
