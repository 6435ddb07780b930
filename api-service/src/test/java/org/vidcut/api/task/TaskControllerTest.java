package org.vidcut.api.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.AutoConfigureDataMongo;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.vidcut.api.auth.TestAuth;
import org.vidcut.api.idempotency.IdempotentRequests;
import org.vidcut.api.limits.UserLimits;
import org.vidcut.api.storage.InMemoryObjectStore;
import org.vidcut.api.testing.WithInMemoryMongo;
import org.vidcut.contracts.Accuracy;
import org.vidcut.contracts.OutputFormat;
import org.vidcut.contracts.TrimMethod;

@WithInMemoryMongo
@WebMvcTest(controllers = TaskController.class)
@AutoConfigureDataMongo
@Import({TestAuth.class, TaskControllerTest.Storage.class, IdempotentRequests.class})
class TaskControllerTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class Storage {
        @Bean
        InMemoryObjectStore objectStore() {
            return new InMemoryObjectStore();
        }
    }

    private static final String ALICE = TestAuth.bearer("alice");
    private static final String ETAG = "W/\"3\"";

    @Autowired
    MockMvc mvc;

    @Autowired
    InMemoryObjectStore store;

    @MockitoBean
    TaskService service;

    @MockitoBean
    UserLimits limits;

    static TaggedView tagged(TaskView view) {
        return new TaggedView(ETAG, view);
    }

    static TaskView view(String id, TaskState state) {
        return new TaskView(
                id,
                "v1",
                Instant.parse("2026-01-02T03:04:05Z"),
                Instant.parse("2026-01-02T03:04:06Z"),
                state,
                state == TaskState.DONE ? 100 : 0,
                state == TaskState.SCHEDULED ? 3L : null,
                state == TaskState.DONE ? URI.create("http://public.example/r") : null,
                8.5,
                1.5,
                10.0,
                640,
                360,
                OutputFormat.WEBM,
                Accuracy.EXACT,
                null,
                1,
                state == TaskState.DONE
                        ? new TaskView.Result(
                                123_456, 8.5, 640, 360, "vp9", "opus", 1.5, 10.0, null, null, TrimMethod.REENCODE)
                        : null,
                List.of(new StateChange(TaskState.NEW, 1, Instant.parse("2026-01-02T03:04:05Z"))));
    }

    @Test
    void createAnswers201WithLocationAndTheTask() throws Exception {
        when(service.create(eq("alice"), any())).thenReturn(view("t1", TaskState.SCHEDULED));

        mvc.perform(post("/v1/tasks")
                        .header(HttpHeaders.AUTHORIZATION, ALICE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"video_id\":\"v1\",\"start_time\":1.5,\"end_time\":10,\"format\":\"webm\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, "http://localhost/v1/tasks/t1"))
                .andExpect(jsonPath("$.id").value("t1"))
                .andExpect(jsonPath("$.video_id").value("v1"))
                .andExpect(jsonPath("$.state").value("scheduled"))
                .andExpect(jsonPath("$.start_time").value(1.5))
                .andExpect(jsonPath("$.end_time").value(10.0))
                .andExpect(jsonPath("$.format").value("webm"))
                .andExpect(jsonPath("$.accuracy").value("exact"))
                .andExpect(jsonPath("$.created_at").value("2026-01-02T03:04:05Z"))
                .andExpect(jsonPath("$.url").value((Object) null))
                .andExpect(jsonPath("$.attempts").value(1));
    }

    @Test
    void theSameIdempotencyKeyAndBodyCreateOneTaskAndReplayTheFirstAnswer() throws Exception {
        when(service.create(eq("alice"), any())).thenReturn(view("t1", TaskState.DONE), view("t2", TaskState.NEW));
        var create = post("/v1/tasks")
                .header(HttpHeaders.AUTHORIZATION, ALICE)
                .header("Idempotency-Key", "create-trim-1")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"video_id\":\"v1\",\"end_time\":10}");

        var first =
                mvc.perform(create).andExpect(status().isCreated()).andReturn().getResponse();
        var second =
                mvc.perform(create).andExpect(status().isCreated()).andReturn().getResponse();

        verify(service, times(1)).create(eq("alice"), any());
        verify(limits, times(1)).admitTask("alice");
        assertThat(second.getContentAsString()).isEqualTo(first.getContentAsString());
        assertThat(second.getHeader(HttpHeaders.LOCATION)).isEqualTo("http://localhost/v1/tasks/t1");
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIs422() throws Exception {
        when(service.create(eq("alice"), any())).thenReturn(view("t1", TaskState.SCHEDULED));
        mvc.perform(post("/v1/tasks")
                        .header(HttpHeaders.AUTHORIZATION, ALICE)
                        .header("Idempotency-Key", "create-trim-2")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"video_id\":\"v1\",\"end_time\":10}"))
                .andExpect(status().isCreated());

        mvc.perform(post("/v1/tasks")
                        .header(HttpHeaders.AUTHORIZATION, ALICE)
                        .header("Idempotency-Key", "create-trim-2")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"video_id\":\"v1\",\"end_time\":11}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error").value(containsString("Idempotency-Key")));
        verify(service, times(1)).create(eq("alice"), any());
    }

    @Test
    void createStillAnswers201WhenTheJobIsNotConfirmedYet() throws Exception {
        when(service.create(eq("alice"), any())).thenReturn(view("t1", TaskState.NEW));

        mvc.perform(post("/v1/tasks")
                        .header(HttpHeaders.AUTHORIZATION, ALICE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"video_id\":\"v1\",\"width\":640}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("new"));
    }

    @Test
    void createPassesRawValues() throws Exception {
        when(service.create(eq("alice"), any())).thenReturn(view("t1", TaskState.SCHEDULED));

        mvc.perform(post("/v1/tasks")
                        .header(HttpHeaders.AUTHORIZATION, ALICE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"video_id\":\"v1\",\"start_time\":\"00:00:01.500\",\"width\":640,"
                                + "\"accuracy\":\"keyframe\"}"))
                .andExpect(status().isCreated());

        var request = ArgumentCaptor.forClass(CreateTaskRequest.class);
        verify(service).create(eq("alice"), request.capture());
        org.assertj.core.api.Assertions.assertThat(request.getValue())
                .isEqualTo(new CreateTaskRequest("v1", "00:00:01.500", null, 640, null, null, "keyframe"));
    }

    @Test
    void createRefusesAnUnknownFieldWith422NamingItInsteadOfIgnoringIt() throws Exception {
        mvc.perform(post("/v1/tasks")
                        .header(HttpHeaders.AUTHORIZATION, ALICE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"video_id\":\"v1\",\"conversion_type\":\"webm\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.error").value(startsWith("unknown field 'conversion_type'")))
                .andExpect(jsonPath("$.error").value(containsString("format")));
        verify(service, org.mockito.Mockito.never()).create(any(), any());
    }

    @Test
    void answersAnXmlOnlyAcceptWith406InsteadOfXmlEvenWithJacksonXmlOnTheClasspath() throws Exception {
        when(service.get("alice", "t1", null)).thenReturn(tagged(view("t1", TaskState.SCHEDULED)));

        mvc.perform(get("/v1/tasks/t1").header(HttpHeaders.AUTHORIZATION, ALICE).accept(MediaType.APPLICATION_XML))
                .andExpect(status().isNotAcceptable())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("<"))));
    }

    @Test
    void invalidRequestIsA422NamingTheField() throws Exception {
        when(service.create(eq("alice"), any()))
                .thenThrow(new InvalidTaskRequest("end_time", "must not be beyond the end of the video (60 s)"));

        mvc.perform(post("/v1/tasks")
                        .header(HttpHeaders.AUTHORIZATION, ALICE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"video_id\":\"v1\",\"end_time\":99}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.error").value(startsWith("end_time:")));
    }

    @Test
    void requestsWithoutTokenAreRefused() throws Exception {
        mvc.perform(get("/v1/tasks/t1")).andExpect(status().isUnauthorized());
    }

    @Test
    void getShowsTheCallersTask() throws Exception {
        when(service.get("alice", "t1", null)).thenReturn(tagged(view("t1", TaskState.DONE)));

        mvc.perform(get("/v1/tasks/t1").header(HttpHeaders.AUTHORIZATION, ALICE))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, ETAG))
                .andExpect(jsonPath("$.state").value("done"))
                .andExpect(jsonPath("$.progress").value(100.0))
                .andExpect(jsonPath("$.url").value("http://public.example/r"))
                .andExpect(jsonPath("$.width").value(640))
                .andExpect(jsonPath("$.height").value(360))
                .andExpect(jsonPath("$.duration").value(8.5))
                .andExpect(jsonPath("$.result.size").value(123_456))
                .andExpect(jsonPath("$.result.duration").value(8.5))
                .andExpect(jsonPath("$.result.width").value(640))
                .andExpect(jsonPath("$.result.height").value(360))
                .andExpect(jsonPath("$.result.video_codec").value("vp9"))
                .andExpect(jsonPath("$.result.audio_codec").value("opus"))
                .andExpect(jsonPath("$.result.start_time").value(1.5))
                .andExpect(jsonPath("$.result.end_time").value(10.0));
    }

    @Test
    void getAnswers304WithoutBodyWhenTheClientsCopyIsCurrent() throws Exception {
        when(service.get("alice", "t1", ETAG)).thenReturn(new TaggedView(ETAG, null));

        mvc.perform(get("/v1/tasks/t1")
                        .header(HttpHeaders.AUTHORIZATION, ALICE)
                        .header(HttpHeaders.IF_NONE_MATCH, ETAG))
                .andExpect(status().isNotModified())
                .andExpect(header().string(HttpHeaders.ETAG, ETAG))
                .andExpect(content().string(""));
    }

    @Test
    void unknownOrForeignTaskIsA404() throws Exception {
        when(service.get("alice", "t9", null)).thenThrow(new TaskNotFound("t9"));

        mvc.perform(get("/v1/tasks/t9").header(HttpHeaders.AUTHORIZATION, ALICE))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("task t9 not found"));
    }

    @Test
    void listPagesTheCallersTasksWithFilters() throws Exception {
        when(service.list(eq("alice"), eq("done"), eq("v1"), any()))
                .thenAnswer(call -> new PageImpl<>(
                        List.of(view("t2", TaskState.DONE), view("t1", TaskState.DONE)),
                        call.getArgument(3, Pageable.class),
                        5));

        mvc.perform(get("/v1/tasks?state=done&video_id=v1&page=0&size=2").header(HttpHeaders.AUTHORIZATION, ALICE))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Total-Count", "5"))
                .andExpect(header().string(HttpHeaders.LINK, containsString("rel=\"next\"")))
                .andExpect(jsonPath("$[0].id").value("t2"))
                .andExpect(jsonPath("$[1].id").value("t1"));
        verify(service).list("alice", "done", "v1", PageRequest.of(0, 2));
    }

    @Test
    void listCapsThePageSize() throws Exception {
        when(service.list(eq("alice"), isNull(), isNull(), any()))
                .thenAnswer(call -> new PageImpl<>(List.of(), call.getArgument(3, Pageable.class), 0));

        mvc.perform(get("/v1/tasks?size=5000").header(HttpHeaders.AUTHORIZATION, ALICE))
                .andExpect(status().isOk());

        verify(service).list("alice", null, null, PageRequest.of(0, 100));
    }

    @Test
    void listRejectsNegativePage() throws Exception {
        mvc.perform(get("/v1/tasks?page=-1").header(HttpHeaders.AUTHORIZATION, ALICE))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error").value(startsWith("page:")));
    }

    @Test
    void listRejectsEmptyPages() throws Exception {
        mvc.perform(get("/v1/tasks?size=0").header(HttpHeaders.AUTHORIZATION, ALICE))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error").value(startsWith("size:")));
    }

    @Test
    void listRejectsUnknownState() throws Exception {
        when(service.list(eq("alice"), eq("finished"), isNull(), any()))
                .thenThrow(new InvalidTaskRequest("state", "must be one of new, scheduled, processing, done, failed"));

        mvc.perform(get("/v1/tasks?state=finished").header(HttpHeaders.AUTHORIZATION, ALICE))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error").value(startsWith("state:")));
    }

    @Test
    void restartWorksWithGetAndPost() throws Exception {
        when(service.restart("alice", "t1")).thenReturn(view("t1", TaskState.SCHEDULED));

        mvc.perform(post("/v1/tasks/t1/restart").header(HttpHeaders.AUTHORIZATION, ALICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("scheduled"));
        mvc.perform(get("/v1/tasks/t1/restart").header(HttpHeaders.AUTHORIZATION, ALICE))
                .andExpect(status().isOk());
    }

    @Test
    void restartOfATaskThatDidNotFailIsA409() throws Exception {
        when(service.restart("alice", "t1")).thenThrow(new TaskNotRestartable("t1", TaskState.DONE));

        mvc.perform(post("/v1/tasks/t1/restart").header(HttpHeaders.AUTHORIZATION, ALICE))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value(containsString("only a failed or canceled task")));
    }

    @Test
    void cancelAnswersTheCanceledTask() throws Exception {
        when(service.cancel("alice", "t1")).thenReturn(view("t1", TaskState.CANCELED));

        mvc.perform(post("/v1/tasks/t1/cancel").header(HttpHeaders.AUTHORIZATION, ALICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("canceled"))
                .andExpect(jsonPath("$.result").value((Object) null));
    }

    @Test
    void cancelOfAnEndedTaskIsA409Problem() throws Exception {
        when(service.cancel("alice", "t1")).thenThrow(new TaskNotCancelable("t1", TaskState.DONE));

        mvc.perform(post("/v1/tasks/t1/cancel").header(HttpHeaders.AUTHORIZATION, ALICE))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.error").value(containsString("task t1 is done")));
    }

    @Test
    void cancelIsAPostOnly() throws Exception {
        mvc.perform(get("/v1/tasks/t1/cancel").header(HttpHeaders.AUTHORIZATION, ALICE))
                .andExpect(status().is4xxClientError());

        verify(service, never()).cancel(any(), any());
    }

    @Test
    void deleteAnswers204() throws Exception {
        mvc.perform(delete("/v1/tasks/t1").header(HttpHeaders.AUTHORIZATION, ALICE))
                .andExpect(status().isNoContent());

        verify(service).delete("alice", "t1");
    }

    @Test
    void contentOfAnUnfinishedTaskIsA409() throws Exception {
        when(service.download("alice", "t1")).thenThrow(new TaskNotDone("t1", TaskState.PROCESSING));

        mvc.perform(get("/v1/tasks/t1/content").header(HttpHeaders.AUTHORIZATION, ALICE))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value(containsString("processing")));
    }

    @Test
    void contentServesTheResultWithRangeAndItsDownloadName() throws Exception {
        store.putBytes("results/alice/t1/1.webm", "0123456789".getBytes(StandardCharsets.UTF_8), "video/webm");
        when(service.download("alice", "t1"))
                .thenReturn(new ResultDownload("results/alice/t1/1.webm", "video/webm", "holiday-t1.webm"));

        var result = mvc.perform(get("/v1/tasks/t1/content")
                        .header(HttpHeaders.AUTHORIZATION, ALICE)
                        .header(HttpHeaders.RANGE, "bytes=2-5"))
                .andExpect(request().asyncStarted())
                .andReturn();

        mvc.perform(asyncDispatch(result))
                .andExpect(status().isPartialContent())
                .andExpect(header().string(HttpHeaders.CONTENT_RANGE, "bytes 2-5/10"))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, containsString("holiday-t1.webm")))
                .andExpect(content().contentType("video/webm"))
                .andExpect(content().string("2345"));
    }

    @Test
    void contentRangeBeyondTheEndIsA416Problem() throws Exception {
        store.putBytes("results/alice/t1/1.webm", "0123456789".getBytes(StandardCharsets.UTF_8), "video/webm");
        when(service.download("alice", "t1"))
                .thenReturn(new ResultDownload("results/alice/t1/1.webm", "video/webm", "holiday-t1.webm"));

        var result = mvc.perform(get("/v1/tasks/t1/content")
                        .header(HttpHeaders.AUTHORIZATION, ALICE)
                        .header(HttpHeaders.RANGE, "bytes=50-"))
                .andExpect(request().asyncStarted())
                .andReturn();

        mvc.perform(asyncDispatch(result))
                .andExpect(status().isRequestedRangeNotSatisfiable())
                .andExpect(header().string(HttpHeaders.CONTENT_RANGE, "bytes */10"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(416))
                .andExpect(jsonPath("$.error").value(containsString("10 bytes")));
    }
}
