package org.vidcut.worker.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import org.vidcut.support.storage.MinioClients;
import org.vidcut.support.storage.StorageProperties;
import org.vidcut.support.storage.StorageUnavailable;

/** The MinIO client's answers mapped to facts, against a scripted HTTP server standing in for S3. */
class MinioObjectStoreTest {

    private record Request(String method, String path, String contentType, byte[] body) {}

    private HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        var body = exchange.getRequestBody().readAllBytes();
        requests.add(new Request(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                body));
        var headers = exchange.getResponseHeaders();
        headers.add("ETag", "\"0123456789abcdef\"");
        headers.add("Last-Modified", "Mon, 23 Nov 2026 10:00:00 GMT");
        if (exchange.getRequestMethod().equals("HEAD")) {
            headers.add("Content-Length", "1000");
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, -1);
        }
        exchange.close();
    }

    private MinioObjectStore store(URI endpoint) {
        var properties = new StorageProperties(
                endpoint,
                null,
                "key",
                "secret",
                "vidcut",
                "us-east-1",
                DataSize.ofMegabytes(5),
                Duration.ofHours(1),
                Duration.ofSeconds(5));
        return new MinioObjectStore(MinioClients.internal(properties), properties);
    }

    private MinioObjectStore store() {
        return store(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @Test
    void anExistingSourceGetsAPresignedUrlOnTheStorageEndpoint() {
        var url = store().readableLocation("originals/u1/v1", Duration.ofMinutes(20));

        assertThat(url)
                .startsWith("http://127.0.0.1:" + server.getAddress().getPort() + "/vidcut/originals/u1/v1?")
                .contains("X-Amz-Signature=", "X-Amz-Expires=1200");
        assertThat(requests)
                .singleElement()
                .satisfies(r -> assertThat(r.method()).isEqualTo("HEAD"));
    }

    @Test
    void aMissingSourceIsReportedAsMissing() {
        status = 404;

        assertThatThrownBy(() -> store().readableLocation("originals/u1/gone", Duration.ofMinutes(1)))
                .isInstanceOf(SourceObjectMissing.class)
                .hasMessageContaining("originals/u1/gone");
    }

    @Test
    void aStorageServerErrorIsUnavailability() {
        status = 503;

        assertThatThrownBy(() -> store().readableLocation("originals/u1/v1", Duration.ofMinutes(1)))
                .isInstanceOf(StorageUnavailable.class);
    }

    @Test
    void anUnreachableStorageIsUnavailability() {
        var unreachable = store(URI.create("http://127.0.0.1:1"));

        assertThatThrownBy(() -> unreachable.readableLocation("originals/u1/v1", Duration.ofMinutes(1)))
                .isInstanceOf(StorageUnavailable.class)
                .hasMessageNotContaining("secret");
    }

    @Test
    void uploadsTheResultWithItsContentType(@TempDir Path dir) throws IOException {
        var file = dir.resolve("out.mp4");
        Files.write(file, new byte[] {1, 2, 3, 4});

        store().store("results/u1/t1/1.mp4", file, "video/mp4");

        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("PUT");
            assertThat(r.path()).isEqualTo("/vidcut/results/u1/t1/1.mp4");
            assertThat(r.contentType()).isEqualTo("video/mp4");
            assertThat(r.body()).containsExactly(1, 2, 3, 4);
        });
    }

    @Test
    void aRefusedUploadIsUnavailability(@TempDir Path dir) throws IOException {
        status = 500;
        var file = dir.resolve("out.mp4");
        Files.write(file, new byte[] {1});

        assertThatThrownBy(() -> store().store("results/u1/t1/1.mp4", file, "video/mp4"))
                .isInstanceOf(StorageUnavailable.class);
    }
}
