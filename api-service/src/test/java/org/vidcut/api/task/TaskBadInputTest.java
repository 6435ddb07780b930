package org.vidcut.api.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.vidcut.api.task.TaskBuilder.aTask;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.vidcut.api.auth.TestAuth;
import org.vidcut.api.auth.TestUsers;
import org.vidcut.api.testing.ApiIntegrationTest;

/**
 * Bad input of GitHub issue 4 against the real, fully wired task endpoints: every refusal is a 4xx
 * problem+json with an {@code error}, and a refused request leaves the stored tasks as they were.
 */
@ApiIntegrationTest(properties = {"vidcut.tasks.publish-confirm-timeout=1s"})
@DirtiesContext
class TaskBadInputTest {

    private static final String ALICE = TestAuth.bearer("alice");
    private static final String BOB = TestAuth.bearer("bob");

    @Autowired
    MockMvc mvc;

    @Autowired
    TaskRepository tasks;

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void users() {
        TestUsers.storeAnonymous(mongo, "alice", "bob");
    }

    private static ResultActions isProblem(ResultActions result, int status) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.error").isNotEmpty())
                .andExpect(jsonPath("$.status").value(status));
    }

    private ResultActions as(String authorization, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, authorization));
    }

    @Test
    void anotherUsersTaskIsA404OnEveryEndpointTakingAnIdAndStaysUntouched() throws Exception {
        var done = tasks.insert(aTask().done().build());
        var failed = tasks.insert(aTask().failed().build());
        var processing = tasks.insert(aTask().processing().build());

        isProblem(as(BOB, get("/v1/tasks/{id}", done.id())), 404);
        isProblem(as(BOB, get("/v1/tasks/{id}/content", done.id())), 404);
        isProblem(as(BOB, post("/v1/tasks/{id}/restart", failed.id())), 404);
        isProblem(as(BOB, get("/v1/tasks/{id}/restart", failed.id())), 404);
        isProblem(as(BOB, delete("/v1/tasks/{id}", done.id())), 404);
        isProblem(as(BOB, delete("/v1/tasks/{id}", failed.id())), 404);
        isProblem(as(BOB, post("/v1/tasks/{id}/cancel", processing.id())), 404);
        isProblem(as(BOB, delete("/v1/tasks/{id}", processing.id())), 404);
        as(BOB, get("/v1/tasks").param("video_id", "v1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));

        assertThat(tasks.findById(done.id()).orElseThrow().state()).isEqualTo(TaskState.DONE);
        assertThat(tasks.findById(failed.id()).orElseThrow().state()).isEqualTo(TaskState.FAILED);
        assertThat(tasks.findById(failed.id()).orElseThrow().attempt()).isEqualTo(1);
        assertThat(tasks.findById(processing.id()).orElseThrow())
                .usingRecursiveComparison()
                .isEqualTo(processing);
        as(ALICE, get("/v1/tasks/{id}", done.id())).andExpect(status().isOk());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"does-not-exist", "000000000000000000000000", "ZZ", "..", "%2e%2e", "$where", "{\"$ne\":null}"})
    void unknownOrMalformedIdsAreA404OnEveryEndpointTakingAnId(String id) throws Exception {
        isProblem(as(ALICE, get("/v1/tasks/{id}", id)), 404);
        isProblem(as(ALICE, get("/v1/tasks/{id}/content", id)), 404);
        isProblem(as(ALICE, post("/v1/tasks/{id}/restart", id)), 404);
        isProblem(as(ALICE, post("/v1/tasks/{id}/cancel", id)), 404);
        isProblem(as(ALICE, delete("/v1/tasks/{id}", id)), 404);
        isProblem(as(ALICE, get("/v1/videos/{id}", id)), 404);
        isProblem(as(ALICE, get("/v1/videos/{id}/content", id)), 404);
        isProblem(as(ALICE, delete("/v1/videos/{id}", id)), 404);
    }

    /** Spring Data hands the Mongo driver {@code (int) (page * size)}: a page this far wraps the skip around. */
    @ParameterizedTest
    @ValueSource(strings = {"/v1/tasks", "/v1/videos"})
    void refusesAPageWhoseOffsetWouldOverflowWith422(String list) throws Exception {
        tasks.insert(aTask().done().build());

        isProblem(as(ALICE, get(list).param("page", "2147483647").param("size", "100")), 422)
                .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("page: must")));
        isProblem(as(ALICE, get(list).param("page", "21474837").param("size", "100")), 422);
        as(ALICE, get(list).param("page", "21474836").param("size", "100"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void refusesMalformedJsonWith400AndCreatesNothing() throws Exception {
        long before = mongo.count(new Query(), TaskDocument.class);

        isProblem(
                as(
                        ALICE,
                        post("/v1/tasks")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"video_id\":\"v1\",\"start_time\":")),
                400);

        assertThat(mongo.count(new Query(), TaskDocument.class)).isEqualTo(before);
    }

    @Test
    void refusesPlainTextBodyWith415AndCreatesNothing() throws Exception {
        long before = mongo.count(new Query(), TaskDocument.class);

        isProblem(as(ALICE, post("/v1/tasks").contentType(MediaType.TEXT_PLAIN).content("video_id=v1&format=mp4")), 415)
                .andExpect(jsonPath("$.error")
                        .value(org.hamcrest.Matchers.startsWith(
                                "Content-Type text/plain is not supported here; send application/json")));

        assertThat(mongo.count(new Query(), TaskDocument.class)).isEqualTo(before);
    }

    @Test
    void refusesMissingTokenWith401() throws Exception {
        isProblem(mvc.perform(get("/v1/tasks")), 401).andExpect(header().string("WWW-Authenticate", "Bearer"));
    }

    @Test
    void refusesExpiredTokenWith401() throws Exception {
        var expired = Jwts.builder()
                .subject("alice")
                .issuedAt(Date.from(Instant.now().minusSeconds(7200)))
                .expiration(Date.from(Instant.now().minusSeconds(3600)))
                .signWith(Keys.hmacShaKeyFor(TestAuth.SECRET.getBytes(StandardCharsets.UTF_8)))
                .compact();

        isProblem(as("Bearer " + expired, get("/v1/tasks")), 401);
    }

    @Test
    void refusesTokenSignedWithAnotherKeyWith401() throws Exception {
        var forged = Jwts.builder()
                .subject("alice")
                .issuedAt(new Date())
                .expiration(Date.from(Instant.now().plusSeconds(3600)))
                .signWith(
                        Keys.hmacShaKeyFor("an-attackers-own-secret-of-enough-length".getBytes(StandardCharsets.UTF_8)))
                .compact();

        isProblem(as("Bearer " + forged, get("/v1/tasks")), 401);
    }

    @Test
    void refusesUnsignedAlgNoneTokenWith401() throws Exception {
        var encoder = Base64.getUrlEncoder().withoutPadding();
        var head = encoder.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        var payload = encoder.encodeToString(
                ("{\"sub\":\"alice\",\"exp\":" + (Instant.now().getEpochSecond() + 3600) + "}")
                        .getBytes(StandardCharsets.UTF_8));

        isProblem(as("Bearer " + head + "." + payload + ".", get("/v1/tasks")), 401);
    }
}
