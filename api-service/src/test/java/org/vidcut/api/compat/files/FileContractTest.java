package org.vidcut.api.compat.files;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.multipart.MultipartFile;
import org.vidcut.api.auth.Accounts;
import org.vidcut.api.auth.TestAuth;
import org.vidcut.api.compat.TestProblem;
import org.vidcut.api.task.OwnedTasks;
import org.vidcut.api.task.TaskSummary;
import org.vidcut.api.video.VideoNotFound;
import org.vidcut.api.video.VideoSummary;
import org.vidcut.api.video.Videos;

/**
 * {@code /file} as seed document 002 describes it, plus what the original project's own clients and tests send
 * (multipart field {@code video}, form and multipart PATCH bodies, {@code 400 {error}} for every bad input).
 */
@WebMvcTest(controllers = FileController.class)
@EnableConfigurationProperties(FilesApiProperties.class)
@Import({TestAuth.class, FilesErrorDialect.class, SharedFilesAccount.class})
class FileContractTest {

    static final String ALICE = "alice-id";
    static final String TOKEN = TestAuth.bearer(ALICE);
    static final byte[] MP4 = {0, 0, 0, 24, 'f', 't', 'y', 'p'};

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Accounts accounts;

    @MockitoBean
    Videos videos;

    @MockitoBean
    OwnedTasks tasks;

    static TaskSummary task(String state) {
        return new TaskSummary("task-" + state, "video-1", state, "mp4", null, Instant.EPOCH);
    }

    @Test
    void uploadsTheRawRequestBodyAndAnswers200WithTheId() throws Exception {
        when(videos.upload(eq(ALICE), any(InputStream.class), eq("video/mp4"), eq("video.mp4")))
                .thenReturn(new VideoSummary("video-1", "video.mp4"));

        mvc.perform(post("/file/")
                        .header(HttpHeaders.AUTHORIZATION, TOKEN)
                        .contentType("video/mp4")
                        .content(MP4))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.id").value("video-1"));
    }

    @Test
    void takesTheRawBodysFilenameFromContentDisposition() throws Exception {
        when(videos.upload(eq(ALICE), any(InputStream.class), any(), eq("holiday.mp4")))
                .thenReturn(new VideoSummary("video-1", "holiday.mp4"));

        mvc.perform(post("/file/")
                        .header(HttpHeaders.AUTHORIZATION, TOKEN)
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"holiday.mp4\"")
                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .content(MP4))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("video-1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"video", "file"})
    void uploadsAMultipartFileFromFieldVideoOrFile(String field) throws Exception {
        when(videos.upload(eq(ALICE), any(MultipartFile.class))).thenReturn(new VideoSummary("video-1", "a.mp4"));

        mvc.perform(multipart("/file/")
                        .file(new MockMultipartFile(field, "a.mp4", "video/mp4", MP4))
                        .header(HttpHeaders.AUTHORIZATION, TOKEN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("video-1"));
    }

    @Test
    void aMultipartUploadWithoutAFileIsA400() throws Exception {
        mvc.perform(multipart("/file/")
                        .file(new MockMultipartFile("other", "a.mp4", "video/mp4", MP4))
                        .header(HttpHeaders.AUTHORIZATION, TOKEN))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").isString());
    }

    @Test
    void aFileThatIsNoVideoIsA400WithAnError() throws Exception {
        when(videos.upload(eq(ALICE), any(InputStream.class), any(), any()))
                .thenThrow(new TestProblem(HttpStatus.UNPROCESSABLE_CONTENT, "the file is not a usable video"));

        mvc.perform(post("/file/")
                        .header(HttpHeaders.AUTHORIZATION, TOKEN)
                        .contentType("video/mp4")
                        .content("text"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value("the file is not a usable video"));
    }

    @Test
    void resizesFromAJsonBodyAndAnswersSuccessAtOnce() throws Exception {
        when(tasks.create(ALICE, "video-1", null, 640, 360)).thenReturn(task("scheduled"));

        mvc.perform(patch("/file/video-1/")
                        .header(HttpHeaders.AUTHORIZATION, TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"width\": 640, \"height\": 360}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.success").value(true));
        verify(tasks).create(ALICE, "video-1", null, 640, 360);
    }

    @Test
    void resizesFromAFormBody() throws Exception {
        mvc.perform(patch("/file/video-1/")
                        .header(HttpHeaders.AUTHORIZATION, TOKEN)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("width=640&height=360"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.success").value(true));
        verify(tasks).create(ALICE, "video-1", null, 640, 360);
    }

    @Test
    void resizesFromAMultipartBody() throws Exception {
        mvc.perform(multipart(HttpMethod.PATCH, "/file/video-1/")
                        .param("width", "640")
                        .param("height", "360")
                        .header(HttpHeaders.AUTHORIZATION, TOKEN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.success").value(true));
        verify(tasks).create(ALICE, "video-1", null, 640, 360);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"width\": \"aa\", \"height\": 360}",
                "{\"width\": 20, \"height\": 360}",
                "{\"width\": \"null\", \"height\": 360}",
                "{\"width\": 641, \"height\": 360}",
                "{\"width\": 640.5, \"height\": 360}",
                "{\"width\": -640, \"height\": 360}",
                "{\"height\": 360}",
                "{\"width\": 640, \"height\": null}"
            })
    void refusesBadDimensionsWith400AndStartsNothing(String body) throws Exception {
        mvc.perform(patch("/file/video-1/")
                        .header(HttpHeaders.AUTHORIZATION, TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value(Matchers.containsString("must be an even whole number")));
        verify(tasks, never()).create(any(), any(), any(), any(), any());
    }

    @Test
    void resizingAnUnknownIdIsA400() throws Exception {
        when(tasks.create(ALICE, "nope", null, 640, 360)).thenThrow(new VideoNotFound("nope"));

        mvc.perform(patch("/file/nope/")
                        .header(HttpHeaders.AUTHORIZATION, TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"width\": 640, \"height\": 360}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("video nope not found"));
    }

    @Test
    void statusOfAFreshUploadIsNotProcessingWithNullSuccess() throws Exception {
        when(videos.get(ALICE, "video-1")).thenReturn(new VideoSummary("video-1", "a.mp4"));
        when(tasks.latestOf(eq(ALICE), eq("video-1"), anyInt())).thenReturn(List.of());

        mvc.perform(get("/file/video-1/").header(HttpHeaders.AUTHORIZATION, TOKEN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("video-1"))
                .andExpect(jsonPath("$.filename").value("a.mp4"))
                .andExpect(jsonPath("$.processing").value(false))
                .andExpect(jsonPath("$.processingSuccess").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.processing_success").doesNotExist());
    }

    @Test
    void statusIsProcessingWhileAResizeRunsAndKeepsTheLastOutcome() throws Exception {
        when(videos.get(ALICE, "video-1")).thenReturn(new VideoSummary("video-1", "a.mp4"));
        when(tasks.latestOf(eq(ALICE), eq("video-1"), anyInt()))
                .thenReturn(List.of(task("processing"), task("done"), task("failed")));

        mvc.perform(get("/file/video-1/").header(HttpHeaders.AUTHORIZATION, TOKEN))
                .andExpect(jsonPath("$.processing").value(true))
                .andExpect(jsonPath("$.processingSuccess").value(true));
    }

    @Test
    void statusReportsAFailedLastResize() throws Exception {
        when(videos.get(ALICE, "video-1")).thenReturn(new VideoSummary("video-1", "a.mp4"));
        when(tasks.latestOf(eq(ALICE), eq("video-1"), anyInt())).thenReturn(List.of(task("failed"), task("done")));

        mvc.perform(get("/file/video-1/").header(HttpHeaders.AUTHORIZATION, TOKEN))
                .andExpect(jsonPath("$.processing").value(false))
                .andExpect(jsonPath("$.processingSuccess").value(false));
    }

    @Test
    void statusOfAnUnknownIdIsA400() throws Exception {
        when(videos.get(ALICE, "nope")).thenThrow(new VideoNotFound("nope"));

        mvc.perform(get("/file/nope/").header(HttpHeaders.AUTHORIZATION, TOKEN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("video nope not found"));
    }

    @Test
    void deleteAnswers200WithSuccess() throws Exception {
        mvc.perform(delete("/file/video-1/").header(HttpHeaders.AUTHORIZATION, TOKEN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.success").value(true));
        verify(videos).delete(ALICE, "video-1");
    }

    @Test
    void withoutTheAnonymousSettingATokenIsRequired() throws Exception {
        mvc.perform(get("/file/video-1/"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").isString());
        verify(accounts, never()).sharedAccount(any());
    }

    @Test
    void rawUploadsPassTheBodyWhateverItsContentType() throws Exception {
        when(videos.upload(eq(ALICE), any(InputStream.class), isNull(), eq("video.mp4")))
                .thenReturn(new VideoSummary("video-1", "video.mp4"));

        mvc.perform(post("/file/").header(HttpHeaders.AUTHORIZATION, TOKEN).content(MP4))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("video-1"));
    }
}
