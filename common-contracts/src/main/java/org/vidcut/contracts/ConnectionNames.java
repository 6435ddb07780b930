package org.vidcut.contracts;

/**
 * Names of the services' AMQP connections, {@code <service>@<instance> <role>} (e.g. {@code
 * converter-worker@worker-7d9f publisher}): the RabbitMQ management UI lists connections by this name, so an
 * operator can tell the api from a worker, one worker from another, and publishing from consuming.
 */
public final class ConnectionNames {

    /** The connection that publishes (jobs from the api, events from a worker). */
    public static final String PUBLISHER = "publisher";

    /** The connection that consumes and declares the topology. */
    public static final String CONSUMER = "consumer";

    private ConnectionNames() {}

    /**
     * @param service the service, as in {@code spring.application.name}
     * @param instance the host, container or pod name (for a worker, its worker id)
     * @param role {@link #PUBLISHER} or {@link #CONSUMER}
     */
    public static String of(String service, String instance, String role) {
        return service + "@" + instance + " " + role;
    }
}
