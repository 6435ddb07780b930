package org.vidcut.api.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
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
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.vidcut.api.auth.TestAuth;
import org.vidcut.api.limits.UserLimits;
import org.vidcut.api.storage.InMemoryObjectStore;
import org.vidcut.api.testing.WithInMemoryMongo;
import org.vidcut.support.storage.StorageProperties;

@WithInMemoryMongo
@WebMvcTest(
        controllers = VideoController.class,
        properties = {
            "vidcut.upload.max-size=1KB",
            "vidcut.storage.endpoint=http://storage.internal:9000",
            "vidcut.storage.access-key=test",
            "vidcut.storage.secret-key=test-secret",
            "vidcut.storage.presign-expiry=15m"
        })
@AutoConfigureDataMongo
@RecordApplicationEvents
@EnableConfigurationProperties({UploadProperties.class, MediaProperties.class, StorageProperties.class})
@Import({VideoService.class, TestAuth.class, VideoControllerTest.Doubles.class})
class VideoControllerTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class Doubles {
        @Bean
        InMemoryObjectStore objectStore() {
            return new InMemoryObjectStore();
        }

        @Bean
        StubProber prober() {
            return new StubProber();
        }
    }

    private static final String ALICE = "alice-id";
    private static final String BOB = "bob-id";
    private static final byte[] BYTES = "pretend this is an mp4".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    UserLimits limits;

    @Autowired
    InMemoryObjectStore store;

    @Autowired
    StubProber prober;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ApplicationEvents events;

    @BeforeEach
    void reset() {
        mongo.remove(new Query(), VideoDocument.class);
        prober.inputs.clear();
        prober.refusal = null;
    }

    private ResultActions upload(String user, String filename, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/v1/videos")
                .file(new MockMultipartFile("file", filename, "video/mp4", bytes))
                .header("Authorization", TestAuth.bearer(user)));
    }

    private String uploaded(String user, String filename) throws Exception {
        var body = upload(user, filename, BYTES)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    @Test
    void uploadsStoresProbesAndDescribesTheVideo() throws Exception {
        var body = upload(ALICE, "../../holiday.mp4", BYTES)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isNotEmpty())
                .andExpect(jsonPath("$.filename").value("holiday.mp4"))
                .andExpect(jsonPath("$.size").value(BYTES.length))
                .andExpect(jsonPath("$.duration").value(12.5))
                .andExpect(jsonPath("$.width").value(720))
                .andExpect(jsonPath("$.height").value(1280))
                .andExpect(jsonPath("$.rotation").value(90))
                .andExpect(jsonPath("$.tracks[*].type").value(contains("video", "audio")))
                .andExpect(jsonPath("$.tracks[1].language").value("eng"))
                .andExpect(jsonPath("$.video_codec").value("h264"))
                .andExpect(jsonPath("$.audio_codec").value("aac"))
                .andExpect(jsonPath("$.created_at").isNotEmpty())
                .andExpect(jsonPath("$.url").value(startsWith("http://public.example/")))
                .andReturn()
                .getResponse()
                .getContentAsString();

        String id = JsonPath.read(body, "$.id");
        var key = VideoService.objectKey(ALICE, id);
        assertThat(store.bytes(key)).isEqualTo(BYTES);
        assertThat(prober.inputs).containsExactly("http://internal.example/bucket/" + key + "?expires=600");
        assertThat(body).doesNotContain("owner").doesNotContain("object_key");
    }

    @Test
    void neverStoresOrServesTheContentTypeTheClientDeclared() throws Exception {
        var body = mvc.perform(multipart("/v1/videos")
                        .file(new MockMultipartFile("file", "page.mp4", "text/html", BYTES))
                        .header("Authorization", TestAuth.bearer(ALICE)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.url").value(containsString("response-content-type=video%2Fmp4")))
                .andExpect(jsonPath("$.url").value(containsString("response-content-disposition=attachment")))
                .andReturn()
                .getResponse()
                .getContentAsString();

        String id = JsonPath.read(body, "$.id");
        assertThat(store.stat(VideoService.objectKey(ALICE, id)).orElseThrow().contentType())
                .isEqualTo("application/octet-stream");
        assertThat(mongo.findById(id, VideoDocument.class).contentType()).isEqualTo("video/mp4");
    }

    @Test
    void refusesNonVideoWith422AndKeepsNothing() throws Exception {
        prober.refusal = new VideoUnreadable("it has no video stream");

        upload(ALICE, "notes.txt", BYTES)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error").value(containsString("no video stream")));

        assertThat(mongo.count(new Query(), VideoDocument.class)).isZero();
        assertThat(prober.inputs).hasSize(1);
        var key = prober.inputs
                .get(0)
                .replaceFirst("^http://internal.example/bucket/", "")
                .replaceFirst("\\?.*", "");
        assertThat(store.contains(key)).isFalse();
    }

    @Test
    void refusesEmptyFileWith422() throws Exception {
        upload(ALICE, "empty.mp4", new byte[0])
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error").value(containsString("empty")));

        assertThat(prober.inputs).isEmpty();
    }

    @Test
    void refusesUploadOverTheLimitWith413() throws Exception {
        upload(ALICE, "big.mp4", new byte[2048])
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.error").value(containsString("1024")));

        assertThat(prober.inputs).isEmpty();
    }

    @Test
    void refusesUploadWithoutFilePartWith400() throws Exception {
        mvc.perform(multipart("/v1/videos")
                        .file(new MockMultipartFile("video", "a.mp4", "video/mp4", BYTES))
                        .header("Authorization", TestAuth.bearer(ALICE)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString("file")));
    }

    @Test
    void refusesJsonUploadWith415() throws Exception {
        mvc.perform(post("/v1/videos")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}")
                        .header("Authorization", TestAuth.bearer(ALICE)))
                .andExpect(status().isUnsupportedMediaType());
    }

    @Test
    void refusesUploadWithoutTokenWith401() throws Exception {
        mvc.perform(multipart("/v1/videos").file(new MockMultipartFile("file", "a.mp4", "video/mp4", BYTES)))
                .andExpect(status().isUnauthorized());

        assertThat(prober.inputs).isEmpty();
    }

    @Test
    void reportsUnavailableStorageOnUploadWith503() throws Exception {
        store.goDown();
        try {
            upload(ALICE, "a.mp4", BYTES).andExpect(status().isServiceUnavailable());
        } finally {
            store.comeBack();
        }
    }

    @Test
    void listsOwnVideosNewestFirstWithPagingHeaders() throws Exception {
        var first = uploaded(ALICE, "one.mp4");
        var second = uploaded(ALICE, "two.mp4");
        var third = uploaded(ALICE, "three.mp4");
        uploaded(BOB, "bobs.mp4");

        mvc.perform(get("/v1/videos").param("size", "2").header("Authorization", TestAuth.bearer(ALICE)))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Total-Count", "3"))
                .andExpect(header().string("Link", containsString("rel=\"next\"")))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].id").value(third))
                .andExpect(jsonPath("$[1].id").value(second));

        mvc.perform(get("/v1/videos")
                        .param("page", "1")
                        .param("size", "2")
                        .header("Authorization", TestAuth.bearer(ALICE)))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(first));
    }

    @Test
    void listsTwentyPerPageByDefault() throws Exception {
        uploaded(ALICE, "one.mp4");

        mvc.perform(get("/v1/videos").header("Authorization", TestAuth.bearer(ALICE)))
                .andExpect(status().isOk())
                .andExpect(header().string("Link", containsString("size=20")));
    }

    @Test
    void refusesPageSizeAboveHundredWith422() throws Exception {
        mvc.perform(get("/v1/videos").param("size", "101").header("Authorization", TestAuth.bearer(ALICE)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error").value(containsString("size")));
    }

    @Test
    void refusesPageSizeZeroWith422() throws Exception {
        mvc.perform(get("/v1/videos").param("size", "0").header("Authorization", TestAuth.bearer(ALICE)))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void refusesNegativePageWith422() throws Exception {
        mvc.perform(get("/v1/videos").param("page", "-1").header("Authorization", TestAuth.bearer(ALICE)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error").value(containsString("page")));
    }

    @Test
    void refusesNonNumericPageWith400() throws Exception {
        mvc.perform(get("/v1/videos").param("page", "first").header("Authorization", TestAuth.bearer(ALICE)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void getsOwnVideo() throws Exception {
        var id = uploaded(ALICE, "one.mp4");

        mvc.perform(get("/v1/videos/{id}", id).header("Authorization", TestAuth.bearer(ALICE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.filename").value("one.mp4"))
                .andExpect(jsonPath("$.url").value(containsString("expires=900")));
    }

    @Test
    void hidesAnotherUsersVideoAs404() throws Exception {
        var id = uploaded(ALICE, "one.mp4");

        mvc.perform(get("/v1/videos/{id}", id).header("Authorization", TestAuth.bearer(BOB)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/v1/videos/{id}/content", id).header("Authorization", TestAuth.bearer(BOB)))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/v1/videos/{id}", id).header("Authorization", TestAuth.bearer(BOB)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/v1/videos").header("Authorization", TestAuth.bearer(BOB)))
                .andExpect(jsonPath("$.length()").value(0));

        assertThat(store.contains(VideoService.objectKey(ALICE, id))).isTrue();
        assertThat(events.stream(VideoDeleted.class)).isEmpty();
    }

    @Test
    void answersUnknownIdWith404() throws Exception {
        mvc.perform(get("/v1/videos/{id}", "does-not-exist").header("Authorization", TestAuth.bearer(ALICE)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value(containsString("not found")));
    }

    @Test
    void deletesObjectDocumentAndAnnouncesIt() throws Exception {
        var id = uploaded(ALICE, "one.mp4");

        mvc.perform(delete("/v1/videos/{id}", id).header("Authorization", TestAuth.bearer(ALICE)))
                .andExpect(status().isNoContent());

        assertThat(store.contains(VideoService.objectKey(ALICE, id))).isFalse();
        assertThat(mongo.count(new Query(), VideoDocument.class)).isZero();
        assertThat(events.stream(VideoDeleted.class)).containsExactly(new VideoDeleted(ALICE, id));
        mvc.perform(get("/v1/videos/{id}", id).header("Authorization", TestAuth.bearer(ALICE)))
                .andExpect(status().isNotFound());
    }

    @Test
    void servesOriginalBytes() throws Exception {
        var id = uploaded(ALICE, "one.mp4");

        var started = mvc.perform(get("/v1/videos/{id}/content", id).header("Authorization", TestAuth.bearer(ALICE)))
                .andExpect(request().asyncStarted())
                .andReturn();

        mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andExpect(header().string("Accept-Ranges", "bytes"))
                .andExpect(header().string("Content-Disposition", containsString("one.mp4")))
                .andExpect(content().contentType("video/mp4"))
                .andExpect(content().bytes(BYTES));
    }

    @Test
    void servesRequestedRangeOfOriginal() throws Exception {
        var id = uploaded(ALICE, "one.mp4");

        var started = mvc.perform(get("/v1/videos/{id}/content", id)
                        .header("Authorization", TestAuth.bearer(ALICE))
                        .header("Range", "bytes=0-6"))
                .andExpect(request().asyncStarted())
                .andReturn();

        mvc.perform(asyncDispatch(started))
                .andExpect(status().isPartialContent())
                .andExpect(header().string("Content-Range", "bytes 0-6/" + BYTES.length))
                .andExpect(content().string("pretend"));
    }

    @Test
    void answersUnsatisfiableRangeWith416() throws Exception {
        var id = uploaded(ALICE, "one.mp4");

        var started = mvc.perform(get("/v1/videos/{id}/content", id)
                        .header("Authorization", TestAuth.bearer(ALICE))
                        .header("Range", "bytes=5000-"))
                .andExpect(request().asyncStarted())
                .andReturn();

        mvc.perform(asyncDispatch(started))
                .andExpect(status().isRequestedRangeNotSatisfiable())
                .andExpect(jsonPath("$.error").value(containsString("range")))
                .andExpect(header().string("Content-Range", "bytes */" + BYTES.length));
    }

    @Test
    void findsOwnedVideoForOtherFeaturesOnlyForTheOwner(@Autowired OwnedVideos owned) throws Exception {
        var id = uploaded(ALICE, "one.mp4");

        var video = owned.findOwned(ALICE, id);
        assertThat(video.objectKey()).isEqualTo(VideoService.objectKey(ALICE, id));
        assertThat(video.durationSeconds()).isEqualTo(12.5);
        assertThat(video.container()).isEqualTo("mov,mp4,m4a,3gp,3g2,mj2");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> owned.findOwned(BOB, id))
                .isInstanceOf(VideoNotFound.class);
    }
}
