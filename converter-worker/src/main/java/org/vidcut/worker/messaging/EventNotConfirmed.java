package org.vidcut.worker.messaging;

/** The broker did not confirm an event in time, nacked it, or could not route it. */
final class EventNotConfirmed extends RuntimeException {

    EventNotConfirmed(String message, Throwable cause) {
        super(message, cause);
    }
}
