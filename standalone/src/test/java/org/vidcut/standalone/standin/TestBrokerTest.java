package org.vidcut.standalone.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Connection;
import org.junit.jupiter.api.Test;

class TestBrokerTest {

    @Test
    void choosesRabbitMqWhenReachableElseTheEmbeddedQpidAndEitherAcceptsConnections() throws Exception {
        TestBroker.Endpoint endpoint = TestBroker.endpoint();

        assertThat(endpoint.kind())
                .isEqualTo(TestBroker.rabbitMqReachable() ? TestBroker.Kind.RABBITMQ : TestBroker.Kind.QPID);
        try (Connection connection = endpoint.connectionFactory().newConnection()) {
            assertThat(connection.isOpen()).isTrue();
        }
    }

    @Test
    void startsOneEmbeddedQpidPerJvm() {
        assertThat(TestBroker.embeddedQpid().port())
                .isPositive()
                .isEqualTo(TestBroker.embeddedQpid().port());
    }
}
