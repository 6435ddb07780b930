package org.vidcut.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.AddressResolver;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class AmqpConnectionNamingTest {

    /** Records the name each connection is opened with; no broker is needed to see it. */
    private static final class RecordingRabbitFactory extends com.rabbitmq.client.ConnectionFactory {

        final List<String> names = new CopyOnWriteArrayList<>();

        @Override
        public Connection newConnection(ExecutorService executor, AddressResolver resolver, String name)
                throws IOException {
            names.add(name);
            throw new IOException("no broker in this test");
        }
    }

    @Test
    void namesTheConsumerAndThePublisherConnectionAfterServiceInstanceAndRole() {
        var rabbit = new RecordingRabbitFactory();
        var factory = new CachingConnectionFactory(rabbit);

        AmqpConnectionNaming.name(factory, "converter-worker", "pod-7");

        assertThatThrownBy(factory::createConnection).isInstanceOf(AmqpException.class);
        assertThatThrownBy(() -> factory.getPublisherConnectionFactory().createConnection())
                .isInstanceOf(AmqpException.class);
        assertThat(rabbit.names).containsExactly("converter-worker@pod-7 consumer", "converter-worker@pod-7 publisher");
    }

    @Test
    void namesTheConnectionsAfterTheServicesInstanceNameWhenItHasOne() {
        var rabbit = new RecordingRabbitFactory();
        new ApplicationContextRunner()
                .withUserConfiguration(AmqpConnectionNaming.class)
                .withPropertyValues("spring.application.name=converter-worker")
                .withBean(AmqpInstanceName.class, () -> () -> "worker-3")
                .withBean(CachingConnectionFactory.class, () -> new CachingConnectionFactory(rabbit))
                .run(context -> {
                    var factory = context.getBean(CachingConnectionFactory.class);
                    assertThatThrownBy(factory::createConnection).isInstanceOf(AmqpException.class);
                    assertThat(rabbit.names).containsExactly("converter-worker@worker-3 consumer");
                });
    }
}
