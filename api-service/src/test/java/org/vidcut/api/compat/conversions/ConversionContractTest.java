package org.vidcut.api.compat.conversions;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.vidcut.api.auth.Accounts;
import org.vidcut.api.auth.RegisteredAccount;
import org.vidcut.api.auth.SignedIn;
import org.vidcut.api.auth.TestAuth;
import org.vidcut.api.compat.TestProblem;
import org.vidcut.api.task.OwnedTasks;
import org.vidcut.api.task.TaskSummary;
import org.vidcut.api.video.VideoSummary;
import org.vidcut.api.video.Videos;

/**
 * {@code /api} as seed document 001 shows it: each request is the document's example, each assertion its
 * response example (message texts, field names, Celery states, 201/204 codes).
 */
@WebMvcTest(controllers = ConversionController.class)
@Import({TestAuth.class, ConversionErrorDialect.class})
class ConversionContractTest {

    private static final String ALICE = "alice-id";
    private static final String TOKEN = TestAuth.bearer(ALICE);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Accounts accounts;

    @MockitoBean
    Videos videos;

    @MockitoBean
    OwnedTasks tasks;

    private static TaskSummary task(String id, String state) {
        return new TaskSummary(
                id, "video-1", state, "mp4", state.equals("failed") ? "ffmpeg failed" : null, Instant.EPOCH);
    }

    @Test
    void signupAnswers201WithTheSpanishMessageAndTheUserId() throws Exception {
        when(accounts.register(eq("username"), eq("user@example.org"), eq("a long password"), any()))
                .thenReturn(new RegisteredAccount("user-1", "username", "jwt"));

        mvc.perform(post("/api/auth/signup")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"username\",\"password1\":\"a long password\","
                                + "\"password2\":\"a long password\",\"email\":\"user@example.org\"}"))
                .andExpect(status().isCreated())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.message").value("usuario creado exitosamente"))
                .andExpect(jsonPath("$.id").value("user-1"));
    }

    @Test
    void signupWithTwoDifferentPasswordsIsA400WithAnErrorField() throws Exception {
        mvc.perform(post("/api/auth/signup")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"username\",\"password1\":\"a long password\","
                                + "\"password2\":\"another password\",\"email\":\"user@example.org\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value("password1 and password2 are not the same"));
    }

    @Test
    void signupAndLoginCountAgainstTheLimitsOfTheClientAddress() throws Exception {
        when(accounts.register(any(), any(), any(), eq("203.0.113.7")))
                .thenReturn(new RegisteredAccount("user-1", "username", "jwt"));
        when(accounts.signIn(eq("username"), eq("a long password"), eq("203.0.113.7")))
                .thenThrow(new TestProblem(HttpStatus.TOO_MANY_REQUESTS, "too many failed logins, try again later"));

        mvc.perform(post("/api/auth/signup")
                        .with(request -> {
                            request.setRemoteAddr("203.0.113.7");
                            return request;
                        })
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"username\",\"password1\":\"a long password\","
                                + "\"password2\":\"a long password\",\"email\":\"user@example.org\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/auth/login")
                        .with(request -> {
                            request.setRemoteAddr("203.0.113.7");
                            return request;
                        })
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"username\",\"password\":\"a long password\"}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.error").value("too many failed logins, try again later"));
    }

    @Test
    void loginAnswersTheMessageTheTokenAndTheUserId() throws Exception {
        when(accounts.signIn(eq("username"), eq("a long password"), any()))
                .thenReturn(new SignedIn("user-1", "jwt-token", Instant.EPOCH));

        mvc.perform(post("/api/auth/login")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"username\",\"password\":\"a long password\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.message").value("Inicio de sesión exitoso"))
                .andExpect(jsonPath("$.token").value("jwt-token"))
                .andExpect(jsonPath("$.id").value("user-1"));
    }

    @Test
    void aRejectedLoginIsA401WithAnErrorFieldInPlainJson() throws Exception {
        when(accounts.signIn(any(), any(), any()))
                .thenThrow(new TestProblem(HttpStatus.UNAUTHORIZED, "wrong username or password"));

        mvc.perform(post("/api/auth/login")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"username\",\"password\":\"wrong\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value("wrong username or password"));
    }

    @Test
    void listsEveryTaskWithItsConversionTypeAndCeleryStatus() throws Exception {
        when(tasks.all(ALICE))
                .thenReturn(List.of(
                        task("t-new", "new"),
                        task("t-scheduled", "scheduled"),
                        task("t-processing", "processing"),
                        task("t-done", "done"),
                        task("t-failed", "failed"),
                        task("t-canceled", "canceled")));

        mvc.perform(get("/api/tasks").header(HttpHeaders.AUTHORIZATION, TOKEN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tasks.length()").value(6))
                .andExpect(jsonPath("$.tasks[0].task_id").value("t-new"))
                .andExpect(jsonPath("$.tasks[0].conversion_type").value("mp4"))
                .andExpect(jsonPath("$.tasks[*].status")
                        .value(org.hamcrest.Matchers.contains(
                                "PENDING", "PENDING", "STARTED", "SUCCESS", "FAILURE", "REVOKED")));
    }

    @Test
    void theTaskListNeedsAToken() throws Exception {
        mvc.perform(get("/api/tasks"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").isString());
    }

    @Test
    void createsAConversionOfAnUploadedFileWith201AndTheTaskId() throws Exception {
        when(videos.upload(eq(ALICE), any(org.springframework.web.multipart.MultipartFile.class)))
                .thenReturn(new VideoSummary("video-1", "clip.mp4"));
        when(tasks.create(ALICE, "video-1", "webm", null, null)).thenReturn(task("task-1", "scheduled"));

        mvc.perform(multipart("/api/tasks")
                        .file(new MockMultipartFile("file", "clip.mp4", "video/mp4", new byte[] {1, 2, 3}))
                        .param("conversion_type", "webm")
                        .header(HttpHeaders.AUTHORIZATION, TOKEN))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.message").value("Conversion started"))
                .andExpect(jsonPath("$.task_id").value("task-1"));
    }

    @Test
    void createsAConversionOfAVideoNamedByIdInJson() throws Exception {
        when(tasks.create(ALICE, "video-1", "mp4", null, null)).thenReturn(task("task-2", "new"));

        mvc.perform(post("/api/tasks")
                        .header(HttpHeaders.AUTHORIZATION, TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"file\":\"video-1\",\"conversion_type\":\"mp4\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.message").value("Conversion started"))
                .andExpect(jsonPath("$.task_id").value("task-2"));
    }

    @Test
    void aJsonConversionWithoutFileIsA400() throws Exception {
        mvc.perform(post("/api/tasks")
                        .header(HttpHeaders.AUTHORIZATION, TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"conversion_type\":\"mp4\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").isString());
    }

    @Test
    void showsASucceededTaskAsSuccessWithItsResult() throws Exception {
        when(tasks.get(ALICE, "task-1")).thenReturn(task("task-1", "done"));

        mvc.perform(get("/api/tasks/task-1").header(HttpHeaders.AUTHORIZATION, TOKEN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("SUCCESS"))
                .andExpect(jsonPath("$.result").value("{'status': 'File saved to task-1.mp4'}"));
    }

    @Test
    void showsAPendingTaskWithANullResult() throws Exception {
        when(tasks.get(ALICE, "task-1")).thenReturn(task("task-1", "scheduled"));

        mvc.perform(get("/api/tasks/task-1").header(HttpHeaders.AUTHORIZATION, TOKEN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("PENDING"))
                .andExpect(jsonPath("$.result").value(org.hamcrest.Matchers.nullValue()));
    }

    @Test
    void anUnknownTaskIsA404WithAnErrorField() throws Exception {
        when(tasks.get(ALICE, "nope")).thenThrow(new TestProblem(HttpStatus.NOT_FOUND, "task nope not found"));

        mvc.perform(get("/api/tasks/nope").header(HttpHeaders.AUTHORIZATION, TOKEN))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value("task nope not found"));
    }

    @Test
    void deletingATaskAnswers204() throws Exception {
        mvc.perform(delete("/api/tasks/task-1").header(HttpHeaders.AUTHORIZATION, TOKEN))
                .andExpect(status().isNoContent());

        verify(tasks).delete(ALICE, "task-1");
    }

    @Test
    void downloadServesTheResultBytesForTheTaskIdParameter() throws Exception {
        byte[] bytes = "converted".getBytes(StandardCharsets.US_ASCII);
        StreamingResponseBody body = out -> out.write(bytes);
        when(tasks.content(eq(ALICE), eq("task-1"), isNull()))
                .thenReturn(ResponseEntity.ok()
                        .contentType(MediaType.valueOf("video/mp4"))
                        .contentLength(bytes.length)
                        .body(body));

        var started = mvc.perform(
                        get("/api/download").param("task_id", "task-1").header(HttpHeaders.AUTHORIZATION, TOKEN))
                .andExpect(request().asyncStarted())
                .andReturn();
        mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andExpect(content().contentType("video/mp4"))
                .andExpect(content().bytes(bytes));
    }
}
