package org.vidcut.worker.messaging;

import org.springframework.amqp.rabbit.connection.AbstractConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.vidcut.contracts.ConnectionNames;
import org.vidcut.worker.WorkerProperties;

/**
 * Names the worker's two AMQP connections {@code converter-worker@<worker id> consumer} and {@code
 * converter-worker@<worker id> publisher}, the worker id being the pod name unless set. Spring's own strategy
 * would name the publisher connection after the consumer one plus a suffix, hence both are set here.
 */
@Configuration(proxyBeanMethods = false)
class AmqpConnectionNaming {

    static final String DEFAULT_SERVICE = "converter-worker";

    /** Static: a post-processor must exist before the connection factory it names; the id is read only then. */
    @Bean
    static BeanPostProcessor amqpConnectionNames(Environment environment, ObjectProvider<WorkerProperties> worker) {
        var service = environment.getProperty("spring.application.name", DEFAULT_SERVICE);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractConnectionFactory factory) {
                    name(factory, service, worker.getObject().id());
                }
                return bean;
            }
        };
    }

    static void name(AbstractConnectionFactory factory, String service, String instance) {
        factory.setConnectionNameStrategy(ignored -> ConnectionNames.of(service, instance, ConnectionNames.CONSUMER));
        if (factory.getPublisherConnectionFactory() instanceof AbstractConnectionFactory publisher) {
            publisher.setConnectionNameStrategy(
                    ignored -> ConnectionNames.of(service, instance, ConnectionNames.PUBLISHER));
        }
    }
}
