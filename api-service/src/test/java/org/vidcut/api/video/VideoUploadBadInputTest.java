package org.vidcut.api.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.vidcut.api.auth.TestAuth;
import org.vidcut.api.limits.UserLimits;
import org.vidcut.api.storage.InMemoryObjectStore;
import org.vidcut.api.storage.StoredObject;
import org.vidcut.api.testing.WithInMemoryMongo;
import org.vidcut.support.storage.StorageProperties;

/**
 * Hostile uploads of GitHub issue 4: injection and traversal filenames are only ever a sanitized display name
 * (the object key and the probe input are built from ids), and refused uploads leave nothing behind.
 */
@WithInMemoryMongo
@WebMvcTest(
        controllers = VideoController.class,
        properties = {
            "vidcut.upload.max-size=1KB",
            "vidcut.storage.endpoint=http://storage.internal:9000",
            "vidcut.storage.access-key=test",
            "vidcut.storage.secret-key=test-secret"
        })
@AutoConfigureDataMongo
@EnableConfigurationProperties({UploadProperties.class, MediaProperties.class, StorageProperties.class})
@Import({VideoService.class, TestAuth.class, VideoUploadBadInputTest.Doubles.class})
class VideoUploadBadInputTest {

    /** Remembers every key written, so a test can show that a refused upload wrote nothing at all. */
    static class RecordingObjectStore extends InMemoryObjectStore {
        final List<String> written = new CopyOnWriteArrayList<>();

        @Override
        public StoredObject put(String key, InputStream content, long size, String contentType) {
            written.add(key);
            return super.put(key, content, size, contentType);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Doubles {
        @Bean
        RecordingObjectStore objectStore() {
            return new RecordingObjectStore();
        }

        @Bean
        StubProber prober() {
            return new StubProber();
        }
    }

    private static final String ALICE = "alice-id";
    private static final byte[] BYTES = "pretend this is an mp4".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    UserLimits limits;

    @Autowired
    RecordingObjectStore store;

    @Autowired
    StubProber prober;

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void reset() {
        mongo.remove(new Query(), VideoDocument.class);
        store.written.clear();
        prober.inputs.clear();
        prober.refusal = null;
    }

    private ResultActions upload(String filename, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/v1/videos")
                .file(new MockMultipartFile("file", filename, "video/mp4", bytes))
                .header("Authorization", TestAuth.bearer(ALICE)));
    }

    private static ResultActions isProblem(ResultActions result, int status) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.error").isNotEmpty());
    }

    static Stream<Arguments> hostileFilenames() {
        return Stream.of(
                Arguments.of("$(reboot).mp4", "$(reboot).mp4"),
                Arguments.of("`reboot`.mp4", "`reboot`.mp4"),
                Arguments.of("a.mp4; rm -rf /", "video"),
                Arguments.of("a.mp4; rm -rf x", "a.mp4; rm -rf x"),
                Arguments.of("-i /etc/passwd.mp4", "passwd.mp4"),
                Arguments.of("-f lavfi -i testsrc.mp4", "-f lavfi -i testsrc.mp4"),
                Arguments.of("../../etc/passwd", "passwd"),
                Arguments.of("..\\..\\x.mp4", "x.mp4"),
                Arguments.of("/etc/passwd", "passwd"),
                Arguments.of("..", "video"),
                Arguments.of("clip\".mp4\r\nX-Injected: yes", "clip.mp4X-Injected: yes"));
    }

    @ParameterizedTest
    @MethodSource("hostileFilenames")
    void keepsAHostileFilenameOnlyAsASanitizedDisplayName(String original, String displayed) throws Exception {
        var body = upload(original, BYTES)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.filename").value(displayed))
                .andReturn()
                .getResponse()
                .getContentAsString();

        String id = JsonPath.read(body, "$.id");
        var key = VideoService.objectKey(ALICE, id);
        assertThat(key).isEqualTo("originals/" + ALICE + "/" + id);
        assertThat(store.written).containsExactly(key);
        // ffprobe is handed a link built from the id, never anything of the client's name
        assertThat(prober.inputs).containsExactly("http://internal.example/bucket/" + key + "?expires=600");

        var started = mvc.perform(get("/v1/videos/{id}/content", id).header("Authorization", TestAuth.bearer(ALICE)))
                .andExpect(request().asyncStarted())
                .andReturn();
        var disposition = mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getHeader("Content-Disposition");
        assertThat(disposition).startsWith("attachment;").doesNotContain("\r", "\n", "/", "\\");
    }

    @Test
    void refusesZeroLengthFileWith422AndStoresNothing() throws Exception {
        isProblem(upload("empty.mp4", new byte[0]), 422);

        assertThat(store.written).isEmpty();
        assertThat(mongo.count(new Query(), VideoDocument.class)).isZero();
    }

    @Test
    void refusesNonVideoWith422AndStoresNothingLasting() throws Exception {
        prober.refusal = new VideoUnreadable("it has no video stream");

        isProblem(upload("notes.txt", BYTES), 422);

        assertThat(store.written).hasSize(1);
        assertThat(store.contains(store.written.get(0))).isFalse();
        assertThat(mongo.count(new Query(), VideoDocument.class)).isZero();
    }

    @Test
    void refusesUploadOverTheLimitWith413AndStoresNothing() throws Exception {
        isProblem(upload("big.mp4", new byte[2048]), 413);

        assertThat(store.written).isEmpty();
        assertThat(mongo.count(new Query(), VideoDocument.class)).isZero();
    }

    @Test
    void refusesJsonInsteadOfMultipartWith415AndStoresNothing() throws Exception {
        isProblem(
                        mvc.perform(post("/v1/videos")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"file\":\"clip.mp4\"}")
                                .header("Authorization", TestAuth.bearer(ALICE))),
                        415)
                .andExpect(jsonPath("$.error")
                        .value("Content-Type application/json is not supported here; send multipart/form-data"));

        assertThat(store.written).isEmpty();
        assertThat(mongo.count(new Query(), VideoDocument.class)).isZero();
    }
}
