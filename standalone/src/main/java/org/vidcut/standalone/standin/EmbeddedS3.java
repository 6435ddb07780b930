package org.vidcut.standalone.standin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * S3 stand-in (s3proxy) on 127.0.0.1 that checks AWS V2/V4 signatures against one access key and secret, with one
 * bucket created up front.
 */
public final class EmbeddedS3 implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedS3.class);
    private static final String HOST = "127.0.0.1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    /*
     * No graceful stop: Jetty would wait for the clients' idle keep-alive connections for seconds (and then fail
     * with a timeout), and the services that use the store are stopped before it anyway.
     */
    private static final long NO_GRACEFUL_STOP = 0;

    private final S3Proxy proxy;
    private final BlobStore blobStore;
    private final URI endpoint;

    private EmbeddedS3(S3Proxy proxy, BlobStore blobStore, URI endpoint) {
        this.proxy = proxy;
        this.blobStore = blobStore;
        this.endpoint = endpoint;
    }

    /**
     * Objects kept as files under {@code directory} (made absolute: s3proxy's multipart completion breaks on a
     * relative base directory). Port 0 picks a free port.
     */
    public static EmbeddedS3 startFilesystem(Path directory, int port, Credentials credentials, String bucket) {
        Path absolute = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the object store directory " + absolute, e);
        }
        return start(new FilesystemNio2BlobStore(absolute.toString()), port, credentials, bucket, absolute.toString());
    }

    /** Objects kept in memory: for tests with small objects. Port 0 picks a free port. */
    public static EmbeddedS3 startTransient(int port, Credentials credentials, String bucket) {
        return start(new TransientNio2BlobStore(), port, credentials, bucket, "memory");
    }

    private static EmbeddedS3 start(
            BlobStore blobStore, int port, Credentials credentials, String bucket, String storage) {
        if (!blobStore.containerExists(bucket)) {
            blobStore.createContainer(bucket);
        }
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobStore)
                .endpoint(URI.create("http://" + HOST + ":" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, credentials.accessKey(), credentials.secretKey())
                .stopTimeout(NO_GRACEFUL_STOP)
                .build();
        try {
            proxy.start();
            awaitStarted(proxy);
        } catch (Exception e) {
            stopQuietly(proxy, e);
            blobStore.close();
            throw new IllegalStateException("The S3 stand-in did not start", e);
        }
        EmbeddedS3 s3 = new EmbeddedS3(proxy, blobStore, URI.create("http://" + HOST + ":" + proxy.getPort()));
        log.info("S3 stand-in listening on {} (bucket {}, {})", s3.endpoint, bucket, storage);
        return s3;
    }

    // start() returns while Jetty is still starting in the background: callers must not race it
    private static void awaitStarted(S3Proxy proxy) throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!"STARTED".equals(proxy.getState())) {
            if ("FAILED".equals(proxy.getState()) || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("s3proxy is " + proxy.getState());
            }
            Thread.sleep(10);
        }
    }

    private static void stopQuietly(S3Proxy proxy, Exception failure) {
        try {
            proxy.stop();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    /** {@code http://127.0.0.1:PORT} */
    public URI endpoint() {
        return endpoint;
    }

    public int port() {
        return endpoint.getPort();
    }

    /** Stops Jetty: its non-daemon threads would otherwise keep the JVM alive. */
    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("The S3 stand-in did not stop cleanly", e);
        } finally {
            blobStore.close();
        }
        log.info("S3 stand-in on {} stopped", endpoint);
    }

    /** The one access key and secret that requests must be signed with. */
    public record Credentials(String accessKey, String secretKey) {

        public Credentials {
            if (accessKey == null || accessKey.isBlank() || secretKey == null || secretKey.isBlank()) {
                throw new IllegalArgumentException("S3 access key and secret key must not be blank");
            }
        }

        @Override
        public String toString() {
            return "Credentials[accessKey=" + accessKey + ", secretKey=***]";
        }
    }
}
