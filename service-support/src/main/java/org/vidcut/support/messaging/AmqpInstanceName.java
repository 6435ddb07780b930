package org.vidcut.support.messaging;

/** The instance part of a service's AMQP connection names, for a service that has an id of its own. */
@FunctionalInterface
public interface AmqpInstanceName {

    String get();
}
