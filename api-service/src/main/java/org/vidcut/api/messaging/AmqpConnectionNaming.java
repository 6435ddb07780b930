package org.vidcut.api.messaging;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.amqp.rabbit.connection.AbstractConnectionFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.vidcut.contracts.ConnectionNames;

/**
 * Names the api's two AMQP connections {@code api-service@<host> consumer} and {@code api-service@<host>
 * publisher} (the host is the pod name on Kubernetes). Spring's own strategy would name the publisher connection
 * after the consumer one plus a suffix, hence both are set here, once the factory exists.
 */
@Configuration(proxyBeanMethods = false)
class AmqpConnectionNaming {

    static final String DEFAULT_SERVICE = "api-service";

    /** Static: a post-processor must exist before the connection factory it names. */
    @Bean
    static BeanPostProcessor amqpConnectionNames(Environment environment) {
        var service = environment.getProperty("spring.application.name", DEFAULT_SERVICE);
        var instance = hostName();
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractConnectionFactory factory) {
                    name(factory, service, instance);
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

    private static String hostName() {
        var fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
