package org.vidcut.api.messaging;

/** What became of one published job. Only {@link #CONFIRMED} means the broker took responsibility for it. */
public enum PublishOutcome {
    CONFIRMED,
    /** The broker refused the message (nack). */
    REJECTED,
    /** The message could not be routed to a queue and came back. */
    RETURNED,
    /** No confirm arrived within the timeout; the message may or may not be queued. */
    TIMED_OUT,
    /** The broker could not be reached. */
    BROKER_UNAVAILABLE;

    public boolean confirmed() {
        return this == CONFIRMED;
    }
}
