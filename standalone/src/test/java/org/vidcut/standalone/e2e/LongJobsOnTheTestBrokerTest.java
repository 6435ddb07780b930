package org.vidcut.standalone.e2e;

import org.vidcut.standalone.standin.TestBroker;

/** Long jobs and cancel on the broker the tests use: the real RabbitMQ when it answers, with a lowered timeout. */
class LongJobsOnTheTestBrokerTest extends LongJobsEndToEndTest {

    @Override
    TestBroker.Endpoint broker() {
        return TestBroker.endpoint();
    }
}
