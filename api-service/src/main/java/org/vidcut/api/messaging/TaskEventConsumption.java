package org.vidcut.api.messaging;

import java.time.Duration;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.rabbit.config.RetryInterceptorBuilder;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerContainerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.retry.RejectAndDontRequeueRecoverer;
import org.springframework.boot.amqp.autoconfigure.SimpleRabbitListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How worker events are consumed. An event that fails to apply (the database is briefly unreachable) is retried
 * in place with backoff and then dead-lettered, instead of being requeued at once: RabbitMQ would redeliver it
 * in a tight loop for as long as the outage lasts. Losing an event that way is recoverable: a lost "succeeded"
 * or "failed" leaves the task silent, and the reaper gives it a new attempt. A poison message is not retried.
 */
@Configuration(proxyBeanMethods = false)
class TaskEventConsumption {

    static final String CONTAINER_FACTORY = "taskEventContainerFactory";

    private static final int RETRIES = 4;
    private static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    private static final Duration MAX_DELAY = Duration.ofSeconds(8);

    @Bean(CONTAINER_FACTORY)
    SimpleRabbitListenerContainerFactory taskEventContainerFactory(
            SimpleRabbitListenerContainerFactoryConfigurer configurer, ConnectionFactory connectionFactory) {
        var factory = new SimpleRabbitListenerContainerFactory();
        configurer.configure(factory, connectionFactory);
        factory.setAdviceChain(retryThenDeadLetter(RETRIES, FIRST_DELAY, MAX_DELAY));
        return factory;
    }

    static MethodInterceptor retryThenDeadLetter(int retries, Duration firstDelay, Duration maxDelay) {
        return RetryInterceptorBuilder.stateless()
                .configureRetryPolicy(policy -> policy.maxRetries(retries)
                        .delay(firstDelay)
                        .multiplier(2)
                        .maxDelay(maxDelay)
                        .predicate(failure -> !isPoison(failure)))
                .recoverer(new RejectAndDontRequeueRecoverer())
                .build();
    }

    private static boolean isPoison(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AmqpRejectAndDontRequeueException) {
                return true;
            }
        }
        return false;
    }
}
