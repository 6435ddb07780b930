package org.vidcut.api.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
 * Uploads that claim more than their bytes hold (GitHub issue 9), through the real ffprobe: refused with 422
 * naming the limit, and nothing stays stored.
 */
@WithInMemoryMongo
@WebMvcTest(
        controllers = VideoController.class,
        properties = {
            "vidcut.storage.endpoint=http://storage.internal:9000",
            "vidcut.storage.access-key=test",
            "vidcut.storage.secret-key=test-secret"
        })
@AutoConfigureDataMongo
@EnableConfigurationProperties({
    UploadProperties.class,
    MediaProperties.class,
    MediaLimits.class,
    StorageProperties.class
})
@Import({VideoService.class, FfprobeVideoProber.class, TestAuth.class, VideoUploadLimitsTest.Doubles.class})
class VideoUploadLimitsTest {

    @TempDir
    static Path objects;

    /** Keeps objects in memory and hands ffprobe a local copy instead of a presigned link. */
    static class FileLinkObjectStore extends InMemoryObjectStore {
        final List<String> written = new CopyOnWriteArrayList<>();

        @Override
        public StoredObject put(String key, InputStream content, long size, String contentType) {
            written.add(key);
            return super.put(key, content, size, contentType);
        }

        @Override
        public URI presignedGetInternal(String key, Duration expiry) {
            try {
                var file = Files.createTempFile(objects, "object", ".bin");
                Files.write(file, bytes(key));
                return file.toUri();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Doubles {
        @Bean
        FileLinkObjectStore objectStore() {
            return new FileLinkObjectStore();
        }
    }

    @TempDir
    Path dir;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    UserLimits limits;

    @Autowired
    FileLinkObjectStore store;

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void reset() {
        mongo.remove(new Query(), VideoDocument.class);
        store.written.clear();
    }

    private ResultActions upload(String filename, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/v1/videos")
                .file(new MockMultipartFile("file", filename, "application/octet-stream", bytes))
                .header("Authorization", TestAuth.bearer("alice-id")));
    }

    private void assertNothingStays() {
        assertThat(store.written).hasSize(1);
        assertThat(store.contains(store.written.get(0))).isFalse();
        assertThat(mongo.count(new Query(), VideoDocument.class)).isZero();
    }

    @Test
    void refusesA66ByteGifClaiming16000x16000WithTheSideLimit() throws Exception {
        upload("huge.gif", HostileMedia.gifClaiming16000Square())
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.error").value("the video is 16000x16000; the limit is 8192 px a side"))
                .andExpect(jsonPath("$.detail").value("the video is 16000x16000; the limit is 8192 px a side"));

        assertNothingStays();
    }

    @Test
    void refusesATinyGifClaimingElevenHoursWithTheBytesRule() throws Exception {
        upload("long.gif", HostileMedia.gifClaimingElevenHours())
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error", Matchers.containsString("claims 39,321 s (10.9 h) of video")))
                .andExpect(jsonPath("$.error", Matchers.containsString("at least 8 bytes a second")));

        assertNothingStays();
    }

    @Test
    void refusesAnMp4ClaimingTwelveHoursInTwoKilobytesWithTheBytesRule() throws Exception {
        var mp4 = Files.readAllBytes(HostileMedia.mp4ClaimingTwelveHours(dir));

        upload("twelve-hours.mp4", mp4)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error", Matchers.containsString("claims 43,200 s (12.0 h) of video")));

        assertNothingStays();
    }

    @Test
    void acceptsAnOrdinaryShortClip() throws Exception {
        var clip = dir.resolve("clip.mp4");
        var ffmpeg = new ProcessBuilder(
                        "ffmpeg",
                        "-v",
                        "error",
                        "-y",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc2=size=320x240:rate=25:duration=2",
                        "-c:v",
                        "libx264",
                        "-preset",
                        "ultrafast",
                        "-pix_fmt",
                        "yuv420p",
                        clip.toString())
                .inheritIO()
                .start();
        assertThat(ffmpeg.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(ffmpeg.exitValue()).isZero();

        upload("clip.mp4", Files.readAllBytes(clip))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.width").value(320));

        assertThat(store.contains(store.written.get(0))).isTrue();
    }
}
