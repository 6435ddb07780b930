package org.vidcut.worker.messaging;

import java.time.Clock;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vidcut.contracts.Topology;
import org.vidcut.worker.WorkerProperties;
import org.vidcut.worker.conversion.ConversionMetrics;
import org.vidcut.worker.conversion.ConversionService;
import org.vidcut.worker.conversion.Converter;

@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    /** Time the container gives running jobs on shutdown beyond the grace period: kill, report, ack. */
    private static final long SHUTDOWN_MARGIN_MILLIS = 15_000;

    @Bean
    Lifecycle workerLifecycle() {
        return new Lifecycle();
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
    SimpleMessageListenerContainer jobListenerContainer(
            ConnectionFactory connectionFactory, JobListener listener, WorkerProperties properties) {
        return jobContainer(connectionFactory, listener, properties, Topology.JOBS_QUEUE);
    }

    static SimpleMessageListenerContainer jobContainer(
            ConnectionFactory connectionFactory, JobListener listener, WorkerProperties properties, String queue) {
        var container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueueNames(queue);
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        container.setPrefetchCount(1);
        container.setConcurrentConsumers(properties.concurrency());
        container.setConsumerTagStrategy(new WorkerConsumerTags(properties.id()));
        container.setDefaultRequeueRejected(false);
        // the queue is declared by RabbitAdmin; a broker that lost it must not stop the worker for good
        container.setMissingQueuesFatal(false);
        container.setShutdownTimeout(properties.shutdownGracePeriod().toMillis() + SHUTDOWN_MARGIN_MILLIS);
        container.setMessageListener(listener);
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
