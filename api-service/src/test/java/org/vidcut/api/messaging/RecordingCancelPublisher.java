package org.vidcut.api.messaging;

import static org.mockito.Mockito.mock;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.vidcut.contracts.CancelTask;

/** A cancel publisher for tests without a broker: it keeps what it was asked to send. */
public class RecordingCancelPublisher extends CancelPublisher {

    private final List<CancelTask> published = new CopyOnWriteArrayList<>();

    public RecordingCancelPublisher() {
        super(mock(ConnectionFactory.class));
    }

    @Override
    public void publish(CancelTask cancel) {
        published.add(cancel);
    }

    /** Every cancel sent so far, oldest first. */
    public List<CancelTask> published() {
        return List.copyOf(published);
    }
}
