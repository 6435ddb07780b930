package org.vidcut.standalone.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.vidcut.standalone.standin.TestBroker;

/**
 * Long jobs and cancel on the in-process broker the standalone jar ships, also where the real RabbitMQ runs (where
 * it does not, {@link LongJobsOnTheTestBrokerTest} runs on the in-process broker already).
 */
class LongJobsOnTheInProcessBrokerTest extends LongJobsEndToEndTest {

    @Override
    TestBroker.Endpoint broker() {
        assumeTrue(TestBroker.rabbitMqReachable(), "LongJobsOnTheTestBrokerTest runs on the in-process broker");
        return TestBroker.embeddedQpid();
    }
}
