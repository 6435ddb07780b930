package org.vidcut.api.messaging;

import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vidcut.contracts.Topology;

/**
 * Declares the whole topology, jobs and events with their dead-letter routes. The worker declares the same
 * with the same arguments, so whichever service starts first creates it and the other's declaration is a no-op.
 */
@Configuration(proxyBeanMethods = false)
class MessagingTopology {

    @Bean
    Declarables vidcutTopology() {
        var jobsExchange = new DirectExchange(Topology.JOBS_EXCHANGE, true, false);
        var jobsQueue = QueueBuilder.durable(Topology.JOBS_QUEUE)
                .withArguments(Topology.durableQueueArguments(Topology.JOBS_DEAD_LETTER_EXCHANGE))
                .build();
        var jobsDeadLetters = new FanoutExchange(Topology.JOBS_DEAD_LETTER_EXCHANGE, true, false);
        var jobsDeadQueue = QueueBuilder.durable(Topology.JOBS_DEAD_LETTER_QUEUE)
                .withArguments(Topology.quorumArguments())
                .build();

        var eventsExchange = new DirectExchange(Topology.EVENTS_EXCHANGE, true, false);
        var eventsQueue = QueueBuilder.durable(Topology.EVENTS_QUEUE)
                .withArguments(Topology.durableQueueArguments(Topology.EVENTS_DEAD_LETTER_EXCHANGE))
                .build();
        var eventsDeadLetters = new FanoutExchange(Topology.EVENTS_DEAD_LETTER_EXCHANGE, true, false);
        var eventsDeadQueue = QueueBuilder.durable(Topology.EVENTS_DEAD_LETTER_QUEUE)
                .withArguments(Topology.quorumArguments())
                .build();

        return new Declarables(
                jobsExchange,
                jobsQueue,
                BindingBuilder.bind(jobsQueue).to(jobsExchange).with(Topology.JOBS_ROUTING_KEY),
                jobsDeadLetters,
                jobsDeadQueue,
                fanout(jobsDeadQueue, jobsDeadLetters),
                eventsExchange,
                eventsQueue,
                BindingBuilder.bind(eventsQueue).to(eventsExchange).with(Topology.EVENTS_ROUTING_KEY),
                eventsDeadLetters,
                eventsDeadQueue,
                fanout(eventsDeadQueue, eventsDeadLetters),
                new FanoutExchange(Topology.CONTROL_EXCHANGE, true, false),
                new FanoutExchange(Topology.TASK_UPDATES_EXCHANGE, true, false));
    }

    private static Binding fanout(Queue queue, FanoutExchange exchange) {
        return BindingBuilder.bind(queue).to(exchange);
    }
}
