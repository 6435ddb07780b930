package org.vidcut.standalone;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the launcher is told on the command line.
 *
 * @param serverPort HTTP port of the api; 0 picks a free one
 * @param dataDir absolute directory holding the database, the objects, the broker's scratch files and the secrets
 * @param apiArguments the remaining command-line arguments, handed to the api context unchanged
 * @param externalAmqp a broker to use instead of the in-process one (e.g. a local RabbitMQ), or null
 * @param inProcessWorker whether to run a converter-worker in this JVM; off when workers run as their own
 *     processes (e.g. fault-injection tests that kill them)
 */
public record StandaloneSettings(
        int serverPort, Path dataDir, List<String> apiArguments, AmqpEndpoint externalAmqp, boolean inProcessWorker) {

    public static final int DEFAULT_SERVER_PORT = 8080;
    public static final String DEFAULT_DATA_DIR = "data";

    private static final String SERVER_PORT = "--server.port=";
    private static final String DATA_DIR = "--standalone.data-dir=";
    private static final String AMQP_URI = "--standalone.amqp-uri=";

    public StandaloneSettings {
        if (serverPort < 0 || serverPort > 65_535) {
            throw new IllegalArgumentException("--server.port must be between 0 and 65535, was " + serverPort);
        }
        dataDir = dataDir.toAbsolutePath().normalize();
        apiArguments = List.copyOf(apiArguments);
    }

    public StandaloneSettings(int serverPort, Path dataDir, List<String> apiArguments) {
        this(serverPort, dataDir, apiArguments, null, true);
    }

    /** Settings with no extra api arguments: what tests start the launcher with. */
    public StandaloneSettings(int serverPort, Path dataDir) {
        this(serverPort, dataDir, List.of());
    }

    public StandaloneSettings withExternalAmqp(AmqpEndpoint endpoint) {
        return new StandaloneSettings(serverPort, dataDir, apiArguments, endpoint, inProcessWorker);
    }

    public StandaloneSettings withoutInProcessWorker() {
        return new StandaloneSettings(serverPort, dataDir, apiArguments, externalAmqp, false);
    }

    public StandaloneSettings withApiArguments(List<String> arguments) {
        return new StandaloneSettings(serverPort, dataDir, arguments, externalAmqp, inProcessWorker);
    }

    /**
     * An AMQP 0-9-1 broker the services connect to.
     *
     * @param virtualHost the vhost every connection opens, {@code /} by default
     */
    public record AmqpEndpoint(String host, int port, String username, String password, String virtualHost) {

        public AmqpEndpoint {
            virtualHost = virtualHost == null || virtualHost.isEmpty() ? "/" : virtualHost;
        }

        public AmqpEndpoint(String host, int port, String username, String password) {
            this(host, port, username, password, "/");
        }

        /**
         * Reads {@code amqp://user:password@host:port/vhost}; port 5672 and vhost {@code /} when absent, the vhost
         * percent-decoded as in RabbitMQ's URI spec ({@code %2F} is {@code /}).
         */
        public static AmqpEndpoint parse(String uri) {
            URI parsed;
            try {
                parsed = new URI(uri.trim());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("--standalone.amqp-uri is not a URI", e);
            }
            if (!"amqp".equals(parsed.getScheme()) || parsed.getHost() == null || parsed.getUserInfo() == null) {
                throw new IllegalArgumentException(
                        "--standalone.amqp-uri must look like amqp://user:password@host:port/vhost");
            }
            var credentials = parsed.getUserInfo().split(":", 2);
            var path = parsed.getRawPath() == null ? "" : parsed.getRawPath();
            var vhost = path.isEmpty() || path.equals("/")
                    ? "/"
                    : URLDecoder.decode(path.substring(1), StandardCharsets.UTF_8);
            return new AmqpEndpoint(
                    parsed.getHost(),
                    parsed.getPort() < 0 ? 5672 : parsed.getPort(),
                    credentials[0],
                    credentials.length > 1 ? credentials[1] : "",
                    vhost);
        }

        @Override
        public String toString() {
            return "amqp://" + username + "@" + host + ":" + port + "/"
                    + URLEncoder.encode(virtualHost, StandardCharsets.UTF_8);
        }
    }

    /** Reads {@code --server.port=N} and {@code --standalone.data-dir=DIR}; everything else goes to the api. */
    public static StandaloneSettings fromArguments(String... args) {
        int port = DEFAULT_SERVER_PORT;
        Path dataDir = Path.of(DEFAULT_DATA_DIR);
        List<String> rest = new ArrayList<>();
        AmqpEndpoint amqp = null;
        for (String arg : args) {
            if (arg.startsWith(SERVER_PORT)) {
                port = parsePort(arg.substring(SERVER_PORT.length()));
            } else if (arg.startsWith(DATA_DIR)) {
                String value = arg.substring(DATA_DIR.length());
                if (value.isBlank()) {
                    throw new IllegalArgumentException("--standalone.data-dir must not be empty");
                }
                dataDir = Path.of(value);
            } else if (arg.startsWith(AMQP_URI)) {
                amqp = AmqpEndpoint.parse(arg.substring(AMQP_URI.length()));
            } else {
                rest.add(arg);
            }
        }
        return new StandaloneSettings(port, dataDir, rest, amqp, true);
    }

    private static int parsePort(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--server.port must be a number, was '" + value + "'", e);
        }
    }
}
