package org.vidcut.standalone;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the launcher is told on the command line.
 *
 * @param serverPort HTTP port of the api; 0 picks a free one
 * @param dataDir absolute directory holding the database, the objects, the broker's scratch files and the secrets
 * @param apiArguments the remaining command-line arguments, handed to the api context unchanged
 */
public record StandaloneSettings(int serverPort, Path dataDir, List<String> apiArguments) {

    public static final int DEFAULT_SERVER_PORT = 8080;
    public static final String DEFAULT_DATA_DIR = "data";

    private static final String SERVER_PORT = "--server.port=";
    private static final String DATA_DIR = "--standalone.data-dir=";

    public StandaloneSettings {
        if (serverPort < 0 || serverPort > 65_535) {
            throw new IllegalArgumentException("--server.port must be between 0 and 65535, was " + serverPort);
        }
        dataDir = dataDir.toAbsolutePath().normalize();
        apiArguments = List.copyOf(apiArguments);
    }

    /** Settings with no extra api arguments: what tests start the launcher with. */
    public StandaloneSettings(int serverPort, Path dataDir) {
        this(serverPort, dataDir, List.of());
    }

    /** Reads {@code --server.port=N} and {@code --standalone.data-dir=DIR}; everything else goes to the api. */
    public static StandaloneSettings fromArguments(String... args) {
        int port = DEFAULT_SERVER_PORT;
        Path dataDir = Path.of(DEFAULT_DATA_DIR);
        List<String> rest = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith(SERVER_PORT)) {
                port = parsePort(arg.substring(SERVER_PORT.length()));
            } else if (arg.startsWith(DATA_DIR)) {
                String value = arg.substring(DATA_DIR.length());
                if (value.isBlank()) {
                    throw new IllegalArgumentException("--standalone.data-dir must not be empty");
                }
                dataDir = Path.of(value);
            } else {
                rest.add(arg);
            }
        }
        return new StandaloneSettings(port, dataDir, rest);
    }

    private static int parsePort(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--server.port must be a number, was '" + value + "'", e);
        }
    }
}
