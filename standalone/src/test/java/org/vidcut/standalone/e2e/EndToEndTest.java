package org.vidcut.standalone.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidcut.standalone.Standalone;
import tools.jackson.databind.JsonNode;

/**
 * The whole product through its real HTTP API: the api publishes jobs to the broker, the worker runs ffmpeg
 * and stores results in the S3 stand-in, the api applies the worker's events; every result is checked with
 * ffprobe after download.
 */
class EndToEndTest {

    @TempDir
    static Path dir;

    private static Standalone system;
    private static ApiClient api;
    private static Path clip;
    private static String videoId;

    @BeforeAll
    static void startSystemAndUploadAClip() {
        system = E2eSystem.start(dir.resolve("data"));
        api = ApiClient.anonymous(system.apiBaseUrl().toString());
        clip = TestMedia.clip(dir, "clip.mp4", 20, 320, 240);
        videoId = api.uploadVideo(clip).path("id").asString();
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void trimsTwoToSevenSecondsThroughNewScheduledProcessingDone() {
        var created = api.post("/v1/tasks", Map.of("video_id", videoId, "start_time", 2, "end_time", "00:00:07"));
        assertThat(created.statusCode()).isEqualTo(201);
        var task = ApiClient.json(created);
        assertThat(task.path("state").asString()).isIn("new", "scheduled", "processing");

        var seen = new ArrayList<String>();
        seen.add(task.path("state").asString());
        var done = awaitFinished(task.path("id").asString(), seen);

        assertThat(done.path("state").asString()).as("task %s", done).isEqualTo("done");
        // polls may miss a state that lasts milliseconds; the history below may not
        assertThat(statesInOrder(seen)).as("states only move forward: %s", seen).isTrue();
        var history = new ArrayList<String>();
        done.path("history").forEach(change -> history.add(change.path("state").asString()));
        assertThat(history).containsExactly("new", "scheduled", "processing", "done");
        assertThat(done.path("progress").asDouble()).isEqualTo(100.0);
        assertThat(done.path("attempts").asInt()).isEqualTo(1);
        var result = download(done.path("id").asString(), "trim.mp4");
        assertThat(result.duration()).isCloseTo(5.0, within(0.1));
        assertThat(result.videoCodec()).isEqualTo("h264");
        assertThat(result.audioCodec()).isEqualTo("aac");
        assertThat(done.path("duration").asDouble()).isCloseTo(5.0, within(0.1));
    }

    @Test
    void resizesOnlyToTheAskedDimensions() {
        var done = runTask(Map.of("video_id", videoId, "width", 160, "height", 120));

        var result = download(done.path("id").asString(), "resize.mp4");
        assertThat(result.width()).isEqualTo(160);
        assertThat(result.height()).isEqualTo(120);
        assertThat(result.duration()).isCloseTo(20.0, within(0.2));
    }

    @Test
    void convertsOnlyToWebmWithVp9AndOpus() {
        var done = runTask(Map.of("video_id", videoId, "format", "webm"));

        var result = download(done.path("id").asString(), "convert.webm");
        assertThat(result.formatName()).contains("webm");
        assertThat(result.videoCodec()).isEqualTo("vp9");
        assertThat(result.audioCodec()).isEqualTo("opus");
        assertThat(result.duration()).isCloseTo(20.0, within(0.2));
    }

    @Test
    void trimsResizesAndConvertsInOneTask() {
        var done = runTask(Map.of(
                "video_id", videoId, "start_time", "00:00:03.5", "end_time", 9.5, "width", 160, "format", "webm"));

        var result = download(done.path("id").asString(), "all.webm");
        assertThat(result.videoCodec()).isEqualTo("vp9");
        assertThat(result.width()).isEqualTo(160);
        assertThat(result.height()).isEqualTo(120);
        assertThat(result.duration()).isCloseTo(6.0, within(0.1));
    }

    @Test
    void keyframeTrimLandsWithinOneKeyframeIntervalAndExactTrimWithinATenth() {
        var range = new LinkedHashMap<String, Object>(Map.of("video_id", videoId, "start_time", 3, "end_time", 8));
        range.put("accuracy", "keyframe");
        var keyframe = runTask(range);
        range.put("accuracy", "exact");
        var exact = runTask(range);

        var keyframeResult = download(keyframe.path("id").asString(), "keyframe.mp4");
        var exactResult = download(exact.path("id").asString(), "exact.mp4");
        assertThat(exactResult.duration()).isCloseTo(5.0, within(0.1));
        assertThat(keyframeResult.duration()).isCloseTo(5.0, within(2.0));
        // where each cut really lies in the source: the copy begins on the keyframe at 2 s (one every 2 s)
        assertThat(keyframe.path("result").path("start_time").asDouble()).isCloseTo(2.0, within(0.1));
        assertThat(keyframe.path("result").path("end_time").asDouble()).isEqualTo(8.0);
        assertThat(exact.path("result").path("start_time").asDouble()).isEqualTo(3.0);
        assertThat(exact.path("result").path("end_time").asDouble()).isCloseTo(8.0, within(0.1));
    }

    @Test
    void truncatedVideoTaskFailsWithAReasonAndTheWorkerCarriesOn() throws java.io.IOException {
        var whole = Files.readAllBytes(TestMedia.faststartClip(dir, "whole.mp4", 20, 320, 240));
        var truncated = dir.resolve("truncated.mp4");
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 3));
        var upload = api.upload(truncated);
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        var brokenId = ApiClient.json(upload).path("id").asString();

        var created = api.post("/v1/tasks", Map.of("video_id", brokenId, "start_time", 15, "end_time", 19));
        var failed = awaitFinished(ApiClient.json(created).path("id").asString(), new ArrayList<>());

        assertThat(failed.path("state").asString()).as("task %s", failed).isEqualTo("failed");
        assertThat(failed.path("error").asString()).isNotBlank();
        assertThat(failed.path("attempts").asInt())
                .as("a final failure is not retried")
                .isEqualTo(1);
        assertThat(api.get("/v1/tasks/" + failed.path("id").asString() + "/content")
                        .statusCode())
                .isEqualTo(409);
        runTask(Map.of("video_id", videoId, "end_time", 2));
    }

    @Test
    void servesRangesOfTheOriginal() {
        var response = api.download("/v1/videos/" + videoId + "/content", dir.resolve("range.bin"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(fileSize(response.body())).isEqualTo(fileSize(clip));
    }

    @Test
    void hidesTasksAndVideosFromOtherUsers() {
        var done = runTask(Map.of("video_id", videoId, "end_time", 1));
        var stranger = ApiClient.anonymous(system.apiBaseUrl().toString());

        assertThat(stranger.get("/v1/tasks/" + done.path("id").asString()).statusCode())
                .isEqualTo(404);
        assertThat(stranger.get("/v1/videos/" + videoId).statusCode()).isEqualTo(404);
        assertThat(stranger.post("/v1/tasks", Map.of("video_id", videoId)).statusCode())
                .isEqualTo(404);
        assertThat(ApiClient.json(stranger.get("/v1/tasks")).size()).isZero();
    }

    private static JsonNode runTask(Map<String, ?> body) {
        var created = api.post("/v1/tasks", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var done = awaitFinished(ApiClient.json(created).path("id").asString(), new ArrayList<>());
        assertThat(done.path("state").asString()).as("task %s", done).isEqualTo("done");
        return done;
    }

    static JsonNode awaitFinished(String taskId, List<String> seen) {
        var last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    last[0] = api.task(taskId);
                    var state = last[0].path("state").asString();
                    if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(state)) {
                        seen.add(state);
                    }
                    return state.equals("done") || state.equals("failed");
                });
        return last[0];
    }

    private static boolean statesInOrder(List<String> seen) {
        var order = List.of("new", "scheduled", "processing", "done");
        var indexes = seen.stream().map(order::indexOf).toList();
        for (int i = 1; i < indexes.size(); i++) {
            if (indexes.get(i) < indexes.get(i - 1)) {
                return false;
            }
        }
        return !indexes.contains(-1);
    }

    private static TestMedia.Probe download(String taskId, String name) {
        var target = dir.resolve(name);
        var response = api.download("/v1/tasks/" + taskId + "/content", target);
        assertThat(response.statusCode()).isEqualTo(200);
        return TestMedia.probe(target);
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
