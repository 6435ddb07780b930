package org.vidcut.support.messaging;

import org.springframework.amqp.rabbit.connection.AbstractConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.vidcut.contracts.ConnectionNames;

/**
 * Names a service's two AMQP connections {@code <service>@<instance> consumer} and {@code <service>@<instance>
 * publisher}: the service is {@code spring.application.name}, the instance an {@link AmqpInstanceName} bean if
 * the service has one (the worker's id), else the host name (the pod name on Kubernetes). Spring's own strategy
 * would name the publisher connection after the consumer one plus a suffix, hence both are set here.
 */
@Configuration(proxyBeanMethods = false)
public class AmqpConnectionNaming {

    /** Static: a post-processor must exist before the connection factory it names; the instance is read only then. */
    @Bean
    static BeanPostProcessor amqpConnectionNames(Environment environment, ObjectProvider<AmqpInstanceName> instance) {
        var service = environment.getProperty("spring.application.name", "vidcut");
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractConnectionFactory factory) {
                    var name = instance.getIfAvailable(() -> HostName::current);
                    name(factory, service, name.get());
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
