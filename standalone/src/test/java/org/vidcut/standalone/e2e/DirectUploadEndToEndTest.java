package org.vidcut.standalone.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Flow;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidcut.standalone.Standalone;
import tools.jackson.databind.JsonNode;

/**
 * Direct uploads through the real S3 stand-in: the parts go from a plain HTTP client straight to the presigned
 * links, one of them is dropped midway and sent again, the joined file is probed and trimmed; a non-video and an
 * abandoned upload leave nothing in the store. Also {@code Idempotency-Key} on task creation.
 */
class DirectUploadEndToEndTest {

    /** Short enough for the expiry test to wait for, long enough for a complete upload on a busy machine. */
    private static final Duration EXPIRY = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    private static Standalone system;
    private static ApiClient api;
    private static MinioClient store;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startSystem() {
        system = Standalone.start(E2eSystem.settings(dir.resolve("data"))
                .withApiArguments(List.of(
                        "--vidcut.upload.part-size=5MB",
                        "--vidcut.upload.expiry=" + EXPIRY.toSeconds() + "s",
                        "--vidcut.upload.cleanup-interval=1s")));
        api = ApiClient.anonymous(system.apiBaseUrl().toString());
        store = MinioClient.builder()
                .endpoint(system.storageEndpoint().toString())
                .credentials(
                        system.secrets().storageAccessKey(), system.secrets().storageSecretKey())
                .region("us-east-1")
                .build();
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void partsSentStraightToStorageResumeAfterADropAndBecomeATrimmableVideo() throws Exception {
        // lossless 720p: about 7 MB, two parts of 5 MiB
        var clip = TestMedia.losslessClip(dir, "big.mp4", 4, 1280, 720);
        var bytes = Files.readAllBytes(clip);
        var upload = created(api.post("/v1/uploads", Map.of("filename", "big.mp4", "size", bytes.length)));
        long partSize = upload.path("part_size").asLong();
        var links = upload.path("parts");
        assertThat(links.size())
                .isEqualTo((int) ((bytes.length + partSize - 1) / partSize))
                .isGreaterThan(1);
        var id = upload.path("id").asString();

        var first = Arrays.copyOfRange(bytes, 0, (int) partSize);
        assertThatThrownBy(() -> putDroppingMidway(links.get(0).path("url").asString(), first))
                .isInstanceOf(IOException.class);
        var etags = new ArrayList<String>();
        etags.add(null);
        for (int i = 1; i < links.size(); i++) {
            int from = (int) (i * partSize);
            etags.add(put(links.get(i).path("url").asString(), Arrays.copyOfRange(bytes, from, (int)
                    Math.min(bytes.length, from + partSize))));
        }
        var status = ApiClient.json(api.get("/v1/uploads/" + id));
        assertThat(status.path("state").asString()).isEqualTo("open");
        assertThat(receivedWhole(status, 1, first.length))
                .as("the dropped part: %s", status)
                .isFalse();
        assertThat(receivedWhole(status, 2, bytes.length - partSize)).isTrue();
        etags.set(0, put(links.get(0).path("url").asString(), first));
        assertThat(receivedWhole(ApiClient.json(api.get("/v1/uploads/" + id)), 1, first.length))
                .isTrue();

        var parts = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < etags.size(); i++) {
            parts.add(Map.of("number", i + 1, "etag", etags.get(i)));
        }
        var video = created(api.post("/v1/uploads/" + id + "/complete", Map.of("parts", parts)));
        assertThat(video.path("size").asLong()).isEqualTo(bytes.length);
        assertThat(video.path("duration").asDouble()).isCloseTo(4.0, within(0.1));
        assertThat(video.path("width").asInt()).isEqualTo(1280);
        assertThat(ApiClient.json(api.get("/v1/uploads/" + id)).path("state").asString())
                .isEqualTo("completed");

        var task = created(api.post(
                "/v1/tasks", Map.of("video_id", video.path("id").asString(), "end_time", 2, "accuracy", "keyframe")));
        var done = await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(300))
                .until(
                        () -> api.task(task.path("id").asString()),
                        t -> Set.of("done", "failed").contains(t.path("state").asString()));
        assertThat(done.path("state").asString()).as("task %s", done).isEqualTo("done");
        assertThat(done.path("result").path("duration").asDouble()).isCloseTo(2.0, within(0.1));
    }

    @Test
    void aCompletedNonVideoIs422AndLeavesNothingInTheStore() throws Exception {
        var before = storeContents();
        var text = "these are meeting notes, not a video\n".repeat(100).getBytes(StandardCharsets.UTF_8);
        var upload = created(api.post("/v1/uploads", Map.of("filename", "notes.mp4", "size", text.length)));
        put(upload.path("parts").get(0).path("url").asString(), text);

        var refused = api.post("/v1/uploads/" + upload.path("id").asString() + "/complete", Map.of());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(ApiClient.json(api.get("/v1/uploads/" + upload.path("id").asString()))
                        .path("state")
                        .asString())
                .isEqualTo("aborted");
        assertThat(storeContents()).isEqualTo(before);
    }

    @Test
    void anUploadNotCompletedInTimeIsAbortedAndItsPartsRemoved() throws Exception {
        var before = storeContents();
        var bytes = new byte[64 * 1024];
        var upload = created(api.post("/v1/uploads", Map.of("filename", "abandoned.mp4", "size", bytes.length)));
        put(upload.path("parts").get(0).path("url").asString(), bytes);
        var id = upload.path("id").asString();
        assertThat(ApiClient.json(api.get("/v1/uploads/" + id))
                        .path("parts_received")
                        .size())
                .isEqualTo(1);

        await().atMost(EXPIRY.plusSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> ApiClient.json(api.get("/v1/uploads/" + id))
                                .path("state")
                                .asString(),
                        "aborted"::equals);

        assertThat(ApiClient.json(api.get("/v1/uploads/" + id))
                        .path("parts_received")
                        .size())
                .isZero();
        assertThat(storeContents()).isEqualTo(before);
    }

    @Test
    void theSameIdempotencyKeyCreatesOneTaskAndAnotherBodyIs422() {
        var clip = TestMedia.clip(dir, "idem.mp4", 4, 160, 120);
        var videoId = api.uploadVideo(clip).path("id").asString();
        var key = Map.of("Idempotency-Key", "trim-" + videoId);

        var first = api.post("/v1/tasks", Map.of("video_id", videoId, "end_time", 2), key);
        var second = api.post("/v1/tasks", Map.of("video_id", videoId, "end_time", 2), key);
        var other = api.post("/v1/tasks", Map.of("video_id", videoId, "end_time", 3), key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(ApiClient.json(second).path("id").asString())
                .isEqualTo(ApiClient.json(first).path("id").asString());
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(ApiClient.json(api.get("/v1/tasks?video_id=" + videoId)).size())
                .isEqualTo(1);
    }

    private static JsonNode created(java.net.http.HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return ApiClient.json(response);
    }

    private static boolean receivedWhole(JsonNode status, int number, long size) {
        for (var part : status.path("parts_received")) {
            if (part.path("number").asInt() == number) {
                return part.path("size").asLong() == size;
            }
        }
        return false;
    }

    /** PUTs a part as any HTTP client would: no Authorization header, the link carries the signature. */
    private String put(String url, byte[] part) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(60))
                        .PUT(BodyPublishers.ofByteArray(part))
                        .build(),
                BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.headers().firstValue("ETag").orElseThrow();
    }

    /** Announces the whole part, sends half of it, then the connection fails, as on a dropped mobile link. */
    private void putDroppingMidway(String url, byte[] part) throws Exception {
        Flow.Publisher<ByteBuffer> halfThenDrop = subscriber -> subscriber.onSubscribe(new Flow.Subscription() {
            private boolean sent;

            @Override
            public void request(long n) {
                if (!sent) {
                    sent = true;
                    subscriber.onNext(ByteBuffer.wrap(part, 0, part.length / 2));
                    subscriber.onError(new IOException("connection dropped"));
                }
            }

            @Override
            public void cancel() {}
        });
        http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(60))
                        .PUT(BodyPublishers.fromPublisher(halfThenDrop, part.length))
                        .build(),
                BodyHandlers.ofString());
    }

    /**
     * Every object in the bucket and every file of the store's directory, where parts would linger; results are
     * left out, as the worker may still be writing one of another test's tasks.
     */
    private static Set<String> storeContents() throws Exception {
        var contents = new TreeSet<String>();
        for (var item : store.listObjects(
                ListObjectsArgs.builder().bucket("vidcut").recursive(true).build())) {
            contents.add("object " + item.get().objectName());
        }
        try (Stream<Path> files = Files.walk(dir.resolve("data").resolve("objects"))) {
            files.filter(Files::isRegularFile).forEach(file -> contents.add("file " + file));
        }
        contents.removeIf(entry -> entry.contains("results/"));
        return contents;
    }
}
