package org.vidcut.api.events;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.Base64UrlNamingStrategy;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vidcut.contracts.Topology;

/**
 * This replica's private queue on the task-updates fanout (exclusive, server-named, gone with the connection, like
 * a worker's control queue), and its consumer. Updates are news, not work: unacknowledged, never redelivered.
 */
@Configuration(proxyBeanMethods = false)
class TaskUpdateConsumption {

    @Bean
    AnonymousQueue taskUpdatesQueue() {
        return new AnonymousQueue(new Base64UrlNamingStrategy("vidcut.api-task-updates."));
    }

    @Bean
    Binding taskUpdatesBinding(AnonymousQueue taskUpdatesQueue) {
        return BindingBuilder.bind(taskUpdatesQueue)
                .to(new FanoutExchange(Topology.TASK_UPDATES_EXCHANGE, true, false));
    }

    @Bean
    SimpleMessageListenerContainer taskUpdatesContainer(
            ConnectionFactory connectionFactory, AnonymousQueue taskUpdatesQueue, TaskUpdateRelay relay) {
        var container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueues(taskUpdatesQueue);
        container.setAcknowledgeMode(AcknowledgeMode.NONE);
        container.setMessageListener(relay::receive);
        return container;
    }
}
