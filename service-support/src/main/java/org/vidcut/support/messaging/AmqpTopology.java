package org.vidcut.support.messaging;

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
 * The whole topology, jobs and events with their dead-letter routes, the control and the task-updates fanouts. Both services
 * declare it, so either may start first; Spring's RabbitAdmin declares it whenever a connection opens.
 */
@Configuration(proxyBeanMethods = false)
public class AmqpTopology {

    @Bean
    public Declarables vidcutTopology() {
        var jobs = new DirectExchange(Topology.JOBS_EXCHANGE, true, false);
        var jobsQueue = QueueBuilder.durable(Topology.JOBS_QUEUE)
                .withArguments(Topology.durableQueueArguments(Topology.JOBS_DEAD_LETTER_EXCHANGE))
                .build();
        var jobsDeadLetters = new FanoutExchange(Topology.JOBS_DEAD_LETTER_EXCHANGE, true, false);
        var jobsDeadQueue = QueueBuilder.durable(Topology.JOBS_DEAD_LETTER_QUEUE)
                .withArguments(Topology.quorumArguments())
                .build();

        var events = new DirectExchange(Topology.EVENTS_EXCHANGE, true, false);
        var eventsQueue = QueueBuilder.durable(Topology.EVENTS_QUEUE)
                .withArguments(Topology.durableQueueArguments(Topology.EVENTS_DEAD_LETTER_EXCHANGE))
                .build();
        var eventsDeadLetters = new FanoutExchange(Topology.EVENTS_DEAD_LETTER_EXCHANGE, true, false);
        var eventsDeadQueue = QueueBuilder.durable(Topology.EVENTS_DEAD_LETTER_QUEUE)
                .withArguments(Topology.quorumArguments())
                .build();

        return new Declarables(
                jobs,
                jobsQueue,
                BindingBuilder.bind(jobsQueue).to(jobs).with(Topology.JOBS_ROUTING_KEY),
                jobsDeadLetters,
                jobsDeadQueue,
                fanout(jobsDeadQueue, jobsDeadLetters),
                events,
                eventsQueue,
                BindingBuilder.bind(eventsQueue).to(events).with(Topology.EVENTS_ROUTING_KEY),
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
