package org.vidcut.api.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobPublisherWithoutBrokerTest {

    @Test
    void unreachableBrokerIsReportedNotThrown() {
        var connectionFactory = RabbitBroker.connectionFactory(RabbitBroker.closedPort());
        try {
            var outcome = new JobPublisher(connectionFactory).publish(JobPublisherTest.job(), Duration.ofSeconds(1));

            assertThat(outcome).isEqualTo(PublishOutcome.BROKER_UNAVAILABLE);
        } finally {
            connectionFactory.destroy();
        }
    }
}
