package org.vidcut.worker.messaging;

import java.time.Clock;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.Base64UrlNamingStrategy;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vidcut.contracts.Topology;
import org.vidcut.support.messaging.AmqpInstanceName;
import org.vidcut.worker.WorkerProperties;
import org.vidcut.worker.conversion.ConversionMetrics;
import org.vidcut.worker.conversion.ConversionService;
import org.vidcut.worker.conversion.Converter;

@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    /** Time the consumer gives running jobs on shutdown beyond the grace period: kill, report. */
    private static final long SHUTDOWN_MARGIN_MILLIS = 15_000;

    @Bean
    Lifecycle workerLifecycle() {
        return new Lifecycle();
    }

    /** The worker's AMQP connections are named after its id, as its events and consumer tags are. */
    @Bean
    AmqpInstanceName amqpInstanceName(WorkerProperties properties) {
        return properties::id;
    }

    @Bean
    EventPublisher eventPublisher(ConnectionFactory connectionFactory, WorkerProperties properties) {
        return new EventPublisher(connectionFactory, properties.confirmTimeout());
    }

    @Bean
    JobListener jobListener(
            Converter conversions,
            EventPublisher events,
            Lifecycle lifecycle,
            WorkerProperties properties,
            ConversionMetrics metrics) {
        return new JobListener(conversions, events, lifecycle, properties.id(), Clock.systemUTC(), metrics);
    }

    @Bean
    JobConsumer jobConsumer(ConnectionFactory connectionFactory, JobListener listener, WorkerProperties properties) {
        return jobConsumer(connectionFactory, listener, properties, Topology.JOBS_QUEUE);
    }

    static JobConsumer jobConsumer(
            ConnectionFactory connectionFactory, JobListener listener, WorkerProperties properties, String queue) {
        return new JobConsumer(
                connectionFactory,
                listener,
                queue,
                properties.concurrency(),
                new WorkerConsumerTags(properties.id()),
                properties.shutdownGracePeriod().plusMillis(SHUTDOWN_MARGIN_MILLIS));
    }

    /** This worker's private queue on the control fanout: it lives as long as the worker's connection. */
    @Bean
    AnonymousQueue controlQueue() {
        return new AnonymousQueue(new Base64UrlNamingStrategy("vidcut.worker-control."));
    }

    @Bean
    Binding controlBinding(AnonymousQueue controlQueue) {
        return BindingBuilder.bind(controlQueue).to(new FanoutExchange(Topology.CONTROL_EXCHANGE, true, false));
    }

    @Bean
    SimpleMessageListenerContainer controlListenerContainer(
            ConnectionFactory connectionFactory, AnonymousQueue controlQueue, ConversionService conversions) {
        var container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueues(controlQueue);
        container.setAcknowledgeMode(AcknowledgeMode.NONE);
        container.setMessageListener(new ControlListener(conversions));
        return container;
    }

    @Bean
    GracefulShutdown gracefulShutdown(
            Lifecycle lifecycle,
            ConversionService conversions,
            WorkerProperties properties,
            ApplicationContext context) {
        return new GracefulShutdown(lifecycle, conversions, properties.shutdownGracePeriod(), context);
    }
}
