package org.vidcut.api.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vidcut.api.testing.WorkerEventBuilder.aWorkerEvent;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.vidcut.contracts.MessageCodec;
import org.vidcut.contracts.TaskEvent;
import org.vidcut.support.logging.TaskLogContext;

/** Log lines written while the api handles a task carry its id and attempt, as the worker's lines do. */
class TaskLogContextTest {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger sinkLog = (Logger) LoggerFactory.getLogger("org.vidcut.api.test.sink");
    private final Logger publisherLog = (Logger) LoggerFactory.getLogger(JobPublisher.class);

    @BeforeEach
    void capture() {
        appender.start();
        sinkLog.addAppender(appender);
        publisherLog.addAppender(appender);
        MDC.clear();
    }

    @AfterEach
    void release() {
        sinkLog.detachAppender(appender);
        publisherLog.detachAppender(appender);
        appender.stop();
    }

    private static Message message(TaskEvent event) {
        return new Message(MessageCodec.encode(event), new MessageProperties());
    }

    private Map<String, String> contextOf(String logLine) {
        return appender.list.stream()
                .filter(event -> event.getFormattedMessage().contains(logLine))
                .findFirst()
                .orElseThrow()
                .getMDCPropertyMap();
    }

    @Test
    void aLogLineWrittenWhileApplyingAnEventCarriesItsTaskIdAndAttempt() {
        var listener = new TaskEventListener(event -> sinkLog.info("applying {}", event.taskId()));

        listener.onMessage(message(aWorkerEvent().forTask("t-mdc").attempt(3).started()));

        assertThat(contextOf("applying t-mdc"))
                .containsEntry(TaskLogContext.TASK_ID, "t-mdc")
                .containsEntry(TaskLogContext.ATTEMPT, "3");
        assertThat(MDC.get(TaskLogContext.TASK_ID)).isNull();
        assertThat(MDC.get(TaskLogContext.ATTEMPT)).isNull();
    }

    @Test
    void theContextIsClearedWhenApplyingFails() {
        var listener = new TaskEventListener(event -> {
            throw new IllegalStateException("database down");
        });

        assertThatThrownBy(() -> listener.onMessage(
                        message(aWorkerEvent().forTask("t-fail").started())))
                .hasMessage("database down");

        assertThat(MDC.get(TaskLogContext.TASK_ID)).isNull();
        assertThat(MDC.get(TaskLogContext.ATTEMPT)).isNull();
    }

    @Test
    void aPublishingWarningCarriesTheJobsTaskIdAndAttempt() {
        var connectionFactory = RabbitBroker.connectionFactory(RabbitBroker.closedPort());
        var job = ConversionJobs.aJob();
        try {
            new JobPublisher(connectionFactory).publish(job, Duration.ofSeconds(1));
        } finally {
            connectionFactory.destroy();
        }

        assertThat(contextOf("could not publish the job of task " + job.taskId()))
                .containsEntry(TaskLogContext.TASK_ID, job.taskId())
                .containsEntry(TaskLogContext.ATTEMPT, Integer.toString(job.attempt()));
        assertThat(MDC.get(TaskLogContext.TASK_ID)).isNull();
    }
}
