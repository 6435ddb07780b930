package org.vidcut.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.vidcut.support.storage.MinioClients;
import org.vidcut.support.storage.StorageProperties;
import org.vidcut.support.storage.StorageUnavailable;

/**
 * Behaviour of the MinIO store that needs no server: offline signing and failures of an unreachable store.
 * Transfers against a real S3 are covered end to end in the standalone module.
 */
class MinioObjectStoreTest {

    private static int closedPort;

    @BeforeAll
    static void findClosedPort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
    }

    private static StorageProperties properties(String publicEndpoint) {
        return new StorageProperties(
                URI.create("http://127.0.0.1:" + closedPort),
                publicEndpoint == null ? null : URI.create(publicEndpoint),
                "access",
                "secret-secret",
                "vidcut",
                "us-east-1",
                DataSize.ofMegabytes(8),
                Duration.ofHours(1),
                Duration.ofSeconds(2));
    }

    private static MinioObjectStore store(StorageProperties properties) {
        return new MinioObjectStore(
                MinioClients.internal(properties), MinioClients.publicSigner(properties), properties);
    }

    @Test
    void signsPublicLinksOnThePublicAddressWithoutContactingIt() {
        // Neither address listens: signing must be purely local.
        var store = store(properties("https://videos.example.com:9443"));

        var url = store.presignedGet("originals/u1/v1", Duration.ofMinutes(5), "video/mp4", "clip.mp4");

        assertThat(url.getScheme()).isEqualTo("https");
        assertThat(url.getHost()).isEqualTo("videos.example.com");
        assertThat(url.getPort()).isEqualTo(9443);
        assertThat(url.getPath()).isEqualTo("/vidcut/originals/u1/v1");
        assertThat(url.getQuery()).contains("X-Amz-Expires=300").contains("X-Amz-Signature=");
    }

    @Test
    void signsInternalLinksOnTheInternalAddress() {
        var store = store(properties("https://videos.example.com"));

        var url = store.presignedGetInternal("originals/u1/v1", Duration.ofMinutes(10));

        assertThat(url.getHost()).isEqualTo("127.0.0.1");
        assertThat(url.getPort()).isEqualTo(closedPort);
        assertThat(url.getQuery()).contains("X-Amz-Expires=600");
    }

    @Test
    void usesInternalAddressForPublicLinksWhenNoPublicOneIsSet() {
        var url = store(properties(null)).presignedGet("k", Duration.ofMinutes(1), "video/mp4", "k.mp4");

        assertThat(url.getPort()).isEqualTo(closedPort);
    }

    @Test
    void capsLinkLifetimeAtSevenDays() {
        var url = store(properties(null)).presignedGet("k", Duration.ofDays(30), "video/mp4", "k.mp4");

        assertThat(url.getQuery()).contains("X-Amz-Expires=604800");
    }

    @Test
    void reportsUnreachableStoreAsUnavailable() {
        var store = store(properties(null));

        assertThatThrownBy(() -> store.stat("k")).isInstanceOf(StorageUnavailable.class);
        assertThatThrownBy(() -> store.read("k", 0, null)).isInstanceOf(StorageUnavailable.class);
        assertThatThrownBy(() -> store.delete("k")).isInstanceOf(StorageUnavailable.class);
        assertThatThrownBy(() -> store.put("k", new ByteArrayInputStream(new byte[] {1}), 1, "video/mp4"))
                .isInstanceOf(StorageUnavailable.class);
        assertThatThrownBy(store::bucketExists).isInstanceOf(StorageUnavailable.class);
    }

    @Test
    void healthIsDownWhenStoreIsUnreachable() {
        var health = new StorageHealthIndicator(store(properties(null))).health();

        assertThat(health.getStatus().getCode()).isEqualTo("DOWN");
    }
}
