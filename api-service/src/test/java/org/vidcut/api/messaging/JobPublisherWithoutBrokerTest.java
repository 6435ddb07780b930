package org.vidcut.api.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

class JobPublisherWithoutBrokerTest {

    @Test
    void unreachableBrokerIsReportedNotThrown() {
        var connectionFactory = RabbitBroker.connectionFactory(RabbitBroker.closedPort());
        try {
            var outcome = new JobPublisher(connectionFactory).publish(ConversionJobs.aJob(), Duration.ofSeconds(1));

            assertThat(outcome).isEqualTo(PublishOutcome.BROKER_UNAVAILABLE);
        } finally {
            connectionFactory.destroy();
        }
    }

    @Test
    void refusesAConnectionFactoryWithoutCorrelatedConfirms() {
        var connectionFactory = new CachingConnectionFactory(RabbitBroker.HOST, RabbitBroker.closedPort());
        connectionFactory.setPublisherReturns(true);
        try {
            assertThatThrownBy(() -> new JobPublisher(connectionFactory))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("publisher-confirm-type=correlated");
        } finally {
            connectionFactory.destroy();
        }
    }
}
