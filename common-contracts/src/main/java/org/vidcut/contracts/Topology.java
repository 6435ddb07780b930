package org.vidcut.contracts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Names of the exchanges and queues, so that the api, the worker, the k8s autoscaler and the RabbitMQ
 * management UI all speak of the same things.
 */
public final class Topology {

    public static final String JOBS_EXCHANGE = "vidcut.jobs";
    public static final String JOBS_QUEUE = "vidcut.conversion-jobs";
    public static final String JOBS_ROUTING_KEY = "conversion";

    public static final String EVENTS_EXCHANGE = "vidcut.events";
    public static final String EVENTS_QUEUE = "vidcut.task-events";
    public static final String EVENTS_ROUTING_KEY = "task-event";

    /**
     * Fanout exchange that reaches every worker: each binds a private, exclusive queue to it. The api publishes
     * {@link CancelTask} there, because the job of a running task is no longer in any queue once a worker took it.
     */
    public static final String CONTROL_EXCHANGE = "vidcut.task-control";

    /**
     * Fanout exchange between api replicas: each replica binds a private, exclusive queue to it and hears of every
     * task change any replica made, so that its event streams see changes consumed elsewhere.
     */
    public static final String TASK_UPDATES_EXCHANGE = "vidcut.task-updates";

    /**
     * How often RabbitMQ hands a message out again before it dead-letters it. Jobs are acknowledged as soon as a
     * worker reported their start, so a job comes back only when a worker died or lost the broker before that:
     * a job that kills every worker that takes it stops here, while a broker hiccup or two does not.
     */
    public static final int QUORUM_DELIVERY_LIMIT = 20;

    /** Fanout exchanges, one per queue: Qpid re-routes with the original routing key, so none is relied on. */
    public static final String JOBS_DEAD_LETTER_EXCHANGE = "vidcut.conversion-jobs.dlx";

    public static final String JOBS_DEAD_LETTER_QUEUE = "vidcut.conversion-jobs.dead";
    public static final String EVENTS_DEAD_LETTER_EXCHANGE = "vidcut.task-events.dlx";
    public static final String EVENTS_DEAD_LETTER_QUEUE = "vidcut.task-events.dead";

    /**
     * Qpid's delivery limit. Qpid checks it only when a message is rejected without requeue, and below the
     * limit it leaves the rejected message unacknowledged on the channel, blocking a prefetch-1 consumer; at 1
     * the first reject dead-letters, as on RabbitMQ. Requeued and orphaned deliveries still come back.
     */
    public static final int MAX_DELIVERIES = 1;

    private Topology() {}

    /**
     * Arguments of every durable queue: a RabbitMQ quorum queue (replicated; its delivery limit bounds poison
     * messages) that dead-letters rejected messages on both brokers. Qpid logs and ignores the quorum arguments.
     */
    public static Map<String, Object> durableQueueArguments(String deadLetterExchange) {
        var arguments = new LinkedHashMap<String, Object>(deadLetteringArguments(deadLetterExchange));
        arguments.putAll(quorumArguments());
        arguments.put("x-delivery-limit", QUORUM_DELIVERY_LIMIT);
        return Map.copyOf(arguments);
    }

    /**
     * A quorum queue without a delivery limit: what dead-letter queues are. Every look at a dead letter (the
     * management UI's "Get messages", the dead-letter script) counts as a delivery, and a limit would silently
     * drop the message after a few looks.
     */
    public static Map<String, Object> quorumArguments() {
        return Map.of("x-queue-type", "quorum");
    }

    /**
     * Arguments that make a rejected message go to the dead-letter exchange on both RabbitMQ
     * ({@code x-dead-letter-*}) and Qpid Broker-J ({@code alternateExchange},
     * {@code x-qpid-maximum-delivery-count}); each broker ignores the other's set.
     */
    public static Map<String, Object> deadLetteringArguments(String deadLetterExchange) {
        return Map.of(
                "x-dead-letter-exchange", deadLetterExchange,
                "alternateExchange", deadLetterExchange,
                "x-qpid-maximum-delivery-count", MAX_DELIVERIES);
    }
}
