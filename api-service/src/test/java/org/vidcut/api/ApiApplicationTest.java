package org.vidcut.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.vidcut.api.testing.ApiIntegrationTest;

/**
 * The whole api wired together, with MongoDB as an in-process stand-in and the object store deliberately
 * unreachable: it must still start, serve its docs and probes without a token, and guard {@code /v1}.
 */
@ApiIntegrationTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        objectStore = ApiIntegrationTest.Endpoint.UNREACHABLE,
        broker = ApiIntegrationTest.Endpoint.CONFIGURED,
        properties = {
            "vidcut.upload.max-size=64KB",
            "vidcut.auth.jwt-secret=full-context-test-secret-0123456789abcdef",
            "vidcut.storage.connect-timeout=1s",
            "management.endpoint.health.show-components=always"
        })
class ApiApplicationTest {

    @Autowired
    MockMvc mvc;

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    private String anonymousToken() throws Exception {
        var body = mvc.perform(post("/v1/users"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.token");
    }

    /** A real multipart request through Tomcat, so the servlet multipart limits derived from the settings apply. */
    private HttpResponse<String> uploadOverHttp(String token, int bytes) throws Exception {
        var boundary = "vidcut-test-boundary";
        var body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.mp4\"\r\n"
                        + "Content-Type: video/mp4\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        body.write(new byte[bytes]);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/videos"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void refusesUploadOverTheConfiguredLimitWith413() throws Exception {
        var response = uploadOverHttp(anonymousToken(), 100 * 1024);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"error\"");
    }

    @Test
    void answersUploadWhileStorageIsDownWith503() throws Exception {
        var response = uploadOverHttp(anonymousToken(), 1024);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("storage");
    }

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
                .andExpect(
                        jsonPath("$.paths['/v1/users'].post.responses['201'].content['application/json'].schema.oneOf")
                                .isArray())
                .andExpect(jsonPath("$.components.schemas.AccountCreated.properties.username")
                        .exists())
                .andExpect(jsonPath("$.components.schemas.VideoView.properties.created_at")
                        .exists())
                .andExpect(content().string(not(containsString("\"createdAt\""))))
                .andExpect(content().string(not(containsString("\"name\":\"caller\""))));
    }

    @Test
    void servesSwaggerUiWithoutToken() throws Exception {
        mvc.perform(get("/swagger-ui.html")).andExpect(status().is3xxRedirection());
    }

    private HttpResponse<String> getOverHttp(int port, String path) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET()
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void reportsLivenessWithoutTokenOnTheManagementPort() throws Exception {
        var response = getOverHttp(managementPort, "/actuator/health/liveness");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(response.body(), "$.status")).isEqualTo("UP");
    }

    @Test
    void reportsNotReadyWhileStorageIsUnreachable() throws Exception {
        var response = getOverHttp(managementPort, "/actuator/health/readiness");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat((String) JsonPath.read(response.body(), "$.components.storage.status"))
                .isEqualTo("DOWN");
        // mongo-java-server lacks the "hello" command the health check sends, so only presence is checked
        assertThat(response.body()).contains("\"mongo\"");
    }

    @Test
    void exportsTheQueueDepthAndTaskMetersForPrometheusOnTheManagementPort() throws Exception {
        var response = getOverHttp(managementPort, "/actuator/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("vidcut_queue_depth{queue=\"vidcut.conversion-jobs\"}")
                .contains("vidcut_task_retries_total");
    }

    @Test
    void servesNoActuatorEndpointOnTheApiPort() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        for (var path : new String[] {"/actuator/prometheus", "/actuator/health", "/actuator"}) {
            var response = getOverHttp(port, path);
            assertThat(response.statusCode()).as(path).isIn(401, 404);
            assertThat(response.body()).as(path).doesNotContain("vidcut_queue_depth");
        }
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
