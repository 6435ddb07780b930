package org.vidcut.benchmark;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The standalone jar started as a separate process, the way a user runs it ({@code java -jar standalone.jar
 * --server.port=0 --standalone.data-dir=DIR}). Its addresses are read from its log and its store credentials from
 * the secrets file it generates in DIR.
 */
final class StandaloneUnderTest implements AutoCloseable {

    private static final Pattern API = Pattern.compile("vidcut is running: API (http://\\S+)");
    private static final Pattern S3 = Pattern.compile("S3 stand-in listening on (http://[^\\s,]+)");
    private static final String SECRETS = "secrets.properties";

    private final Process process;
    private final URI api;
    private final URI s3;
    private final String accessKey;
    private final String secretKey;
    private final Path logFile;

    private StandaloneUnderTest(Process process, URI api, URI s3, String accessKey, String secretKey, Path logFile) {
        this.process = process;
        this.api = api;
        this.s3 = s3;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.logFile = logFile;
    }

    static StandaloneUnderTest start(
            Path jar,
            Path dataDir,
            Path logFile,
            List<String> jvmOptions,
            Map<String, String> environment,
            Duration timeout) {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=0", "--standalone.data-dir=" + dataDir));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile());
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + jar, e);
        }
        var deadline = Instant.now().plus(timeout);
        try {
            while (true) {
                var log = Files.readString(logFile, StandardCharsets.UTF_8);
                Matcher api = API.matcher(log);
                if (api.find()) {
                    Matcher s3 = S3.matcher(log);
                    if (!s3.find()) {
                        throw new IllegalStateException("the log does not name the S3 stand-in's address");
                    }
                    var secrets = new Properties();
                    try (Reader reader = Files.newBufferedReader(dataDir.resolve(SECRETS), StandardCharsets.UTF_8)) {
                        secrets.load(reader);
                    }
                    return new StandaloneUnderTest(
                            process,
                            URI.create(api.group(1)),
                            URI.create(s3.group(1)),
                            secrets.getProperty("storage.access-key"),
                            secrets.getProperty("storage.secret-key"),
                            logFile);
                }
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("the standalone jar did not start (exit "
                            + (process.isAlive() ? "-" : process.exitValue()) + "); log tail:\n"
                            + Processes.tail(log, 4000));
                }
                Thread.sleep(100);
            }
        } catch (IOException e) {
            process.destroyForcibly();
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI api() {
        return api;
    }

    URI s3() {
        return s3;
    }

    String accessKey() {
        return accessKey;
    }

    String secretKey() {
        return secretKey;
    }

    long pid() {
        return process.pid();
    }

    Path logFile() {
        return logFile;
    }

    /** SIGTERM (the launcher's shutdown hook stops everything in order), then SIGKILL after a grace period. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                Console.step("the standalone jar did not stop within 60 s: killing it");
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
