package org.vidcut.api.events;

import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.vidcut.api.task.TaskChanged;
import org.vidcut.contracts.Topology;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Carries every task change to the event streams of this replica and, through the task-updates fanout, of every
 * other one. It works off the thread that made the change, in order, so that a slow client or an unreachable broker
 * never holds up a state change; a backlog beyond its bound is dropped (a client that reconnects gets the current
 * state at once). Best effort like the control fanout: nothing is confirmed or retried.
 */
@Component
class TaskUpdateRelay implements DisposableBean {

    /** Marks the replica a message came from, so that a replica does not deliver its own changes twice. */
    static final String ORIGIN_HEADER = "vidcut-origin";

    private static final Logger log = LoggerFactory.getLogger(TaskUpdateRelay.class);
    private static final int BACKLOG = 10_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String origin = UUID.randomUUID().toString();
    private final TaskStreams streams;
    private final RabbitTemplate template;
    private final ExecutorService worker = new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(BACKLOG),
            runnable -> new Thread(runnable, "task-update-relay"));

    TaskUpdateRelay(TaskStreams streams, ConnectionFactory connectionFactory) {
        this.streams = streams;
        this.template = new RabbitTemplate(connectionFactory);
        // like jobs and cancels: the api's consumer connection only consumes
        this.template.setUsePublisherConnection(true);
    }

    @EventListener
    void on(TaskChanged changed) {
        try {
            worker.execute(() -> relay(changed));
        } catch (RejectedExecutionException e) {
            log.warn("dropped the update of task {}: {} updates wait already", changed.taskId(), BACKLOG);
        }
    }

    /** A change another replica announced; its own are delivered before they are published. */
    void receive(Message message) {
        if (origin.equals(message.getMessageProperties().getHeader(ORIGIN_HEADER))) {
            return;
        }
        try {
            streams.deliver(JSON.readValue(message.getBody(), TaskChanged.class));
        } catch (JacksonException e) {
            log.warn("ignoring an unreadable task update: {}", e.getOriginalMessage());
        }
    }

    private void relay(TaskChanged changed) {
        try {
            streams.deliver(changed);
        } catch (RuntimeException e) {
            log.warn("could not deliver the update of task {} here: {}", changed.taskId(), e.toString());
        }
        var properties = new MessageProperties();
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setHeader(ORIGIN_HEADER, origin);
        try {
            template.send(Topology.TASK_UPDATES_EXCHANGE, "", new Message(JSON.writeValueAsBytes(changed), properties));
        } catch (AmqpException e) {
            log.debug("could not announce the update of task {}: {}", changed.taskId(), e.toString());
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
