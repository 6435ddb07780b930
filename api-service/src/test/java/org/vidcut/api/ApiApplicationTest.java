package org.vidcut.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The whole api wired together, with MongoDB as an in-process stand-in and the object store deliberately
 * unreachable: it must still start, serve its docs and probes without a token, and guard {@code /v1}.
 */
@SpringBootTest(
        properties = {
            "vidcut.auth.jwt-secret=full-context-test-secret-0123456789abcdef",
            "vidcut.auth.bcrypt-strength=4",
            "vidcut.storage.access-key=test",
            "vidcut.storage.secret-key=test-secret",
            "vidcut.storage.connect-timeout=1s",
            "management.endpoint.health.show-components=always"
        })
@AutoConfigureMockMvc
class ApiApplicationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws IOException {
        registry.add("spring.mongodb.uri", () -> InMemoryMongo.uri("full-context"));
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.add("vidcut.storage.endpoint", () -> "http://127.0.0.1:" + closedPort);
    }

    @Autowired
    MockMvc mvc;

    @Test
    void servesOpenApiWithoutToken() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("vidcut API"))
                .andExpect(jsonPath("$.components.securitySchemes.bearer-jwt.scheme")
                        .value("bearer"))
                .andExpect(jsonPath("$.components.securitySchemes.bearer-jwt.bearerFormat")
                        .value("JWT"))
                .andExpect(jsonPath("$.components.schemas.Problem.properties.error")
                        .exists())
                .andExpect(jsonPath("$.paths['/v1/videos'].post").exists())
                .andExpect(
                        jsonPath("$.paths['/v1/videos/{id}'].get.responses['404'].content['application/problem+json']")
                                .exists())
                .andExpect(jsonPath("$.paths['/v1/users'].post.security").isEmpty())
                .andExpect(jsonPath("$.components.schemas.VideoView.properties.created_at")
                        .exists())
                .andExpect(content().string(not(containsString("\"createdAt\""))))
                .andExpect(content().string(not(containsString("\"name\":\"caller\""))));
    }

    @Test
    void servesSwaggerUiWithoutToken() throws Exception {
        mvc.perform(get("/swagger-ui.html")).andExpect(status().is3xxRedirection());
    }

    @Test
    void reportsLivenessWithoutToken() throws Exception {
        mvc.perform(get("/actuator/health/liveness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void reportsNotReadyWhileStorageIsUnreachable() throws Exception {
        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.components.storage.status").value("DOWN"))
                // mongo-java-server lacks the "hello" command the health check sends, so only presence is checked
                .andExpect(jsonPath("$.components.mongo.status").exists());
    }

    @Test
    void guardsV1WithBearerTokens() throws Exception {
        mvc.perform(get("/v1/videos"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").isNotEmpty());

        var body = mvc.perform(post("/v1/users"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String token = JsonPath.read(body, "$.token");

        mvc.perform(get("/v1/videos").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
    }
}
