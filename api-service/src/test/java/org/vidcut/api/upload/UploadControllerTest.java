package org.vidcut.api.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.test.autoconfigure.AutoConfigureDataMongo;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.util.unit.DataSize;
import org.vidcut.api.auth.TestAuth;
import org.vidcut.api.idempotency.IdempotentRequests;
import org.vidcut.api.limits.UserLimits;
import org.vidcut.api.storage.InMemoryMultipartStore;
import org.vidcut.api.storage.InMemoryObjectStore;
import org.vidcut.api.testing.WithInMemoryMongo;
import org.vidcut.api.video.VideoView;
import org.vidcut.api.video.Videos;
import org.vidcut.api.web.ApiProblem;

/** {@code /v1/uploads} with the store and the video feature replaced: what is refused, what is kept. */
@WithInMemoryMongo
@WebMvcTest(
        controllers = UploadController.class,
        properties = {"vidcut.upload.part-size=5MB", "vidcut.upload.expiry=1h", "vidcut.upload.cleanup-interval=1h"})
@AutoConfigureDataMongo
@EnableConfigurationProperties(DirectUploadProperties.class)
@Import({
    UploadService.class,
    UploadRecords.class,
    ExpiredUploadCleanup.class,
    IdempotentRequests.class,
    TestAuth.class,
    UploadControllerTest.Doubles.class
})
class UploadControllerTest {

    static final long MIB = 1024 * 1024;
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    /** A clock the test moves forward, for expiry. */
    static class MovableClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Stands for the refusals of other features, whose own exception types are theirs alone. */
    static class Refusal extends ApiProblem {
        Refusal(HttpStatus status, String message) {
            super(status, message);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Doubles {
        @Bean
        InMemoryObjectStore objectStore() {
            return new InMemoryObjectStore();
        }

        @Bean
        InMemoryMultipartStore multipartStore(InMemoryObjectStore objects) {
            return new InMemoryMultipartStore(objects);
        }

        @Bean
        MovableClock clock() {
            return new MovableClock();
        }
    }

    private static final String ALICE = "alice";

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    InMemoryMultipartStore multipart;

    @Autowired
    InMemoryObjectStore objects;

    @Autowired
    MovableClock clock;

    @Autowired
    ExpiredUploadCleanup cleanup;

    @MockitoBean
    Videos videos;

    @MockitoBean
    UserLimits limits;

    @BeforeEach
    void reset() {
        mongo.remove(new Query(), UploadDocument.class);
        mongo.remove(new Query(), "idempotency_keys");
        multipart.clear();
        clock.now = T0;
        when(videos.maxUploadSize()).thenReturn(DataSize.ofMegabytes(100));
        when(videos.objectKey(anyString(), anyString()))
                .thenAnswer(call -> "originals/" + call.getArgument(0) + "/" + call.getArgument(1));
    }

    private ResultActions start(String user, String json) throws Exception {
        return mvc.perform(post("/v1/uploads")
                .header("Authorization", TestAuth.bearer(user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    /** Starts an upload of {@code size} bytes and answers its id. */
    private String started(long size) throws Exception {
        var body = start(ALICE, "{\"filename\":\"big.mp4\",\"size\":" + size + "}")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private String storeUploadId(String id) {
        return mongo.findById(id, UploadDocument.class).storeUploadId();
    }

    private static void isProblem(ResultActions result, int status, String error) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString(error)));
    }

    @Test
    void startsAnUploadWithOnePresignedPartLinkPerPartSize() throws Exception {
        start(ALICE, "{\"filename\":\"big.mp4\",\"size\":" + (12 * MIB) + ",\"content_type\":\"video/mp4\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.part_size").value(5 * MIB))
                .andExpect(jsonPath("$.parts.length()").value(3))
                .andExpect(jsonPath("$.parts[2].number").value(3))
                .andExpect(jsonPath("$.parts[2].url").value(org.hamcrest.Matchers.containsString("partNumber=3")))
                .andExpect(jsonPath("$.expires_at").value("2026-03-01T11:00:00Z"));
    }

    @Test
    void refusesAMissingFilename() throws Exception {
        isProblem(start(ALICE, "{\"size\":100}"), 422, "filename");
    }

    @Test
    void refusesASizeBelowOneByte() throws Exception {
        isProblem(start(ALICE, "{\"filename\":\"a.mp4\",\"size\":0}"), 422, "size");
        isProblem(start(ALICE, "{\"filename\":\"a.mp4\"}"), 422, "size");
    }

    @Test
    void refusesASizeAboveTheUploadLimitWith413() throws Exception {
        isProblem(start(ALICE, "{\"filename\":\"a.mp4\",\"size\":" + (100 * MIB + 1) + "}"), 413, "size");
        assertThat(multipart.openUploads()).isZero();
    }

    @Test
    void refusesAnUnknownField() throws Exception {
        isProblem(start(ALICE, "{\"filename\":\"a.mp4\",\"size\":10,\"bucket\":\"other\"}"), 422, "bucket");
    }

    @Test
    void checksTheDeclaredSizeAgainstTheStorageQuota() throws Exception {
        started(12 * MIB);

        org.mockito.Mockito.verify(limits).admitStorage(ALICE, 12 * MIB);
    }

    @Test
    void listsTheReceivedPartsOnlyToTheOwner() throws Exception {
        var id = started(12 * MIB);
        multipart.receive(storeUploadId(id), 2, 5 * MIB);

        mvc.perform(get("/v1/uploads/{id}", id).header("Authorization", TestAuth.bearer(ALICE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("open"))
                .andExpect(jsonPath("$.size").value(12 * MIB))
                .andExpect(jsonPath("$.parts_received.length()").value(1))
                .andExpect(jsonPath("$.parts_received[0].number").value(2))
                .andExpect(jsonPath("$.parts_received[0].size").value(5 * MIB));
        isProblem(
                mvc.perform(get("/v1/uploads/{id}", id).header("Authorization", TestAuth.bearer("mallory"))), 404, id);
    }

    @Test
    void completingWithAMissingOrShortPartIs409AndKeepsTheUploadOpen() throws Exception {
        var id = started(12 * MIB);
        multipart.receive(storeUploadId(id), 1, 5 * MIB);
        multipart.receive(storeUploadId(id), 2, 3 * MIB);

        isProblem(
                mvc.perform(post("/v1/uploads/{id}/complete", id).header("Authorization", TestAuth.bearer(ALICE))),
                409,
                "part 2 has 3145728 bytes, expected 5242880; part 3 is missing");
        assertThat(mongo.findById(id, UploadDocument.class).state()).isEqualTo(UploadState.OPEN);
        assertThat(multipart.holds(storeUploadId(id))).isTrue();
    }

    @Test
    void refusesAPartListThatDoesNotNameEveryPart() throws Exception {
        var id = started(6 * MIB);

        isProblem(
                mvc.perform(post("/v1/uploads/{id}/complete", id)
                        .header("Authorization", TestAuth.bearer(ALICE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parts\":[{\"number\":1,\"etag\":\"x\"}]}")),
                422,
                "parts: must list all 2 parts");
    }

    @Test
    void completesIntoTheProbedVideo() throws Exception {
        var id = started(6 * MIB);
        var upload = mongo.findById(id, UploadDocument.class);
        multipart.receive(upload.storeUploadId(), 1, 5 * MIB);
        multipart.receive(upload.storeUploadId(), 2, MIB);
        when(videos.adopt(ALICE, upload.videoId(), "big.mp4", 6 * MIB))
                .thenReturn(new VideoView(
                        upload.videoId(),
                        URI.create("http://public.example/v"),
                        T0,
                        "big.mp4",
                        6 * MIB,
                        12.5,
                        1280,
                        720,
                        "h264",
                        "aac",
                        null,
                        null));

        mvc.perform(post("/v1/uploads/{id}/complete", id)
                        .header("Authorization", TestAuth.bearer(ALICE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parts\":[{\"number\":1,\"etag\":\"etag-1-5242880\"},"
                                + "{\"number\":2,\"etag\":\"\\\"etag-2-1048576\\\"\"}]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(upload.videoId()))
                .andExpect(jsonPath("$.duration").value(12.5));
        mvc.perform(get("/v1/uploads/{id}", id).header("Authorization", TestAuth.bearer(ALICE)))
                .andExpect(jsonPath("$.state").value("completed"))
                .andExpect(jsonPath("$.video_id").value(upload.videoId()))
                .andExpect(jsonPath("$.parts_received.length()").value(0));
    }

    @Test
    void aCompletedNonVideoIs422AndEndsAborted() throws Exception {
        var id = started(MIB);
        var upload = mongo.findById(id, UploadDocument.class);
        multipart.receive(upload.storeUploadId(), 1, MIB);
        when(videos.adopt(eq(ALICE), anyString(), anyString(), anyLong()))
                .thenThrow(new Refusal(HttpStatus.UNPROCESSABLE_CONTENT, "the file is not a usable video"));

        isProblem(
                mvc.perform(post("/v1/uploads/{id}/complete", id).header("Authorization", TestAuth.bearer(ALICE))),
                422,
                "not a usable video");
        assertThat(mongo.findById(id, UploadDocument.class).state()).isEqualTo(UploadState.ABORTED);
        isProblem(
                mvc.perform(post("/v1/uploads/{id}/complete", id).header("Authorization", TestAuth.bearer(ALICE))),
                409,
                "aborted");
    }

    @Test
    void deletingAbortsTheUploadAndRemovesItsParts() throws Exception {
        var id = started(MIB);
        var storeId = storeUploadId(id);
        multipart.receive(storeId, 1, MIB);

        mvc.perform(delete("/v1/uploads/{id}", id).header("Authorization", TestAuth.bearer(ALICE)))
                .andExpect(status().isNoContent());

        assertThat(multipart.holds(storeId)).isFalse();
        mvc.perform(get("/v1/uploads/{id}", id).header("Authorization", TestAuth.bearer(ALICE)))
                .andExpect(jsonPath("$.state").value("aborted"));
    }

    @Test
    void theCleanupJobRemovesOnlyExpiredUploads() throws Exception {
        var old = started(MIB);
        clock.now = T0.plus(Duration.ofMinutes(30));
        var young = started(MIB);
        clock.now = T0.plus(Duration.ofMinutes(61));

        assertThat(cleanup.removeExpired()).isEqualTo(1);

        assertThat(multipart.holds(storeUploadId(old))).isFalse();
        assertThat(mongo.findById(old, UploadDocument.class).state()).isEqualTo(UploadState.ABORTED);
        assertThat(multipart.holds(storeUploadId(young))).isTrue();
        isProblem(
                mvc.perform(post("/v1/uploads/{id}/complete", young).header("Authorization", TestAuth.bearer(ALICE))),
                409,
                "missing");
    }

    @Test
    void theSameIdempotencyKeyStartsOneUpload() throws Exception {
        var json = "{\"filename\":\"big.mp4\",\"size\":" + MIB + "}";
        var first = mvc.perform(post("/v1/uploads")
                        .header("Authorization", TestAuth.bearer(ALICE))
                        .header("Idempotency-Key", "k-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse();
        var second = mvc.perform(post("/v1/uploads")
                        .header("Authorization", TestAuth.bearer(ALICE))
                        .header("Idempotency-Key", "k-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse();

        assertThat(second.getContentAsString()).isEqualTo(first.getContentAsString());
        assertThat(second.getHeader("Location")).isEqualTo(first.getHeader("Location"));
        assertThat(multipart.openUploads()).isEqualTo(1);
        assertThat(mongo.count(new Query(), UploadDocument.class)).isEqualTo(1);
    }

    @Test
    void aQuotaRefusalLeavesNoUploadBehind() throws Exception {
        doThrow(new Refusal(HttpStatus.TOO_MANY_REQUESTS, "quota exceeded: storage"))
                .when(limits)
                .admitStorage(any(), anyLong());

        isProblem(start(ALICE, "{\"filename\":\"a.mp4\",\"size\":10}"), 429, "storage");

        assertThat(multipart.openUploads()).isZero();
        assertThat(mongo.count(new Query(), UploadDocument.class)).isZero();
    }
}
