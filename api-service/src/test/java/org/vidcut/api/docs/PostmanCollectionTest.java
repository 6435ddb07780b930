package org.vidcut.api.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.vidcut.api.testing.ApiIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generates the Postman collection and the OpenAPI document from what the api serves and checks that the copies
 * committed under {@code docs/} are exactly that (GitHub issues 3 and 11), and that the collection holds every
 * operation exactly once. After an API change, regenerate them with
 * {@code ./mvnw -pl api-service -am verify -Dtest=PostmanCollectionTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dvidcut.docs.regenerate=true}.
 */
@ApiIntegrationTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        objectStore = ApiIntegrationTest.Endpoint.UNREACHABLE,
        broker = ApiIntegrationTest.Endpoint.CONFIGURED,
        properties = {
            "vidcut.auth.jwt-secret=postman-collection-test-secret-0123456789abcdef",
            "vidcut.storage.connect-timeout=1s"
        })
class PostmanCollectionTest {

    static final Path COLLECTION = ApiDocuments.DOCS.resolve("vidcut.postman_collection.json");

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    JsonNode openApi;
    JsonNode collection;

    @BeforeEach
    void generate() throws Exception {
        var spec = mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        openApi = JSON.readTree(spec);
        ApiDocuments.writeIfRegenerating(ApiDocuments.OPENAPI, ApiDocuments.pretty(openApi));
        // kept for a diff when the committed copy is stale
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "openapi.served.json"), ApiDocuments.pretty(openApi));
        ApiDocuments.writeIfRegenerating(COLLECTION, ApiDocuments.pretty(PostmanCollection.from(openApi)));
        // the committed file itself is what is checked
        collection = JSON.readTree(Files.readString(COLLECTION));
    }

    @Test
    void theCommittedOpenApiDocumentIsWhatTheApiServes() throws IOException {
        assertThat(Files.readString(ApiDocuments.OPENAPI))
                .as(ApiDocuments.STALE, ApiDocuments.OPENAPI)
                .isEqualTo(ApiDocuments.pretty(openApi));
    }

    @Test
    void theCommittedCollectionIsWhatTheCurrentDocumentGenerates() throws IOException {
        assertThat(Files.readString(COLLECTION))
                .as(ApiDocuments.STALE, COLLECTION)
                .isEqualTo(ApiDocuments.pretty(PostmanCollection.from(openApi)));
    }

    @Test
    void writesAValidV21CollectionFile() {
        assertThat(collection.path("info").path("schema").asString()).isEqualTo(PostmanCollection.SCHEMA);
        assertThat(collection.path("info").path("name").asString()).isEqualTo("vidcut API");
        assertThat(collection.path("auth").path("type").asString()).isEqualTo("bearer");
        assertThat(collection.path("auth").path("bearer").get(0).path("value").asString())
                .isEqualTo("{{token}}");
        assertThat(collection.path("variable").findValuesAsString("key")).contains("baseUrl", "token");
    }

    @Test
    void holdsEveryOpenApiOperationExactlyOnce() {
        List<String> inSpec = new ArrayList<>();
        for (var path : openApi.path("paths").properties()) {
            for (var method : path.getValue().propertyNames()) {
                if (METHODS.contains(method)) {
                    inSpec.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }
        var inCollection = requests().stream()
                .map(request -> request.path("method").asString() + " " + specPath(request.path("url")))
                .toList();

        assertThat(inSpec).isNotEmpty().contains("POST /v1/videos", "GET /v1/tasks/{id}");
        assertThat(inSpec)
                .as("the container's error route is no API operation")
                .noneMatch(op -> op.endsWith(" /error"));
        assertThat(inCollection).containsExactlyInAnyOrderElementsOf(inSpec);
        Map<String, Long> counts = inCollection.stream()
                .collect(Collectors.groupingBy(operation -> operation, HashMap::new, Collectors.counting()));
        assertThat(counts)
                .allSatisfy(
                        (operation, count) -> assertThat(count).as(operation).isEqualTo(1L));
    }

    @Test
    void groupsRequestsIntoOneFolderPerTag() {
        Set<String> tags = new java.util.TreeSet<>();
        for (var path : openApi.path("paths")) {
            for (var method : path.propertyNames()) {
                if (METHODS.contains(method)) {
                    tags.add(path.get(method).path("tags").path(0).asString("default"));
                }
            }
        }
        var folders = collection.path("item").findValuesAsString("name").stream()
                .filter(tags::contains)
                .toList();

        assertThat(collection.path("item")).hasSize(tags.size());
        assertThat(folders).containsExactlyInAnyOrderElementsOf(tags);
    }

    @Test
    void turnsPathVariablesIntoPostmanVariablesOnTheBaseUrl() {
        var task = request("GET", "/v1/tasks/{id}");

        assertThat(task.path("url").path("raw").asString()).isEqualTo("{{baseUrl}}/v1/tasks/:id");
        assertThat(task.path("url").path("variable").get(0).path("key").asString())
                .isEqualTo("id");
    }

    @Test
    void offersQueryParametersDisabled() {
        var list = request("GET", "/v1/tasks");
        var query = list.path("url").path("query");

        assertThat(query.findValuesAsString("key")).contains("state", "page", "size");
        assertThat(query)
                .allSatisfy(parameter ->
                        assertThat(parameter.path("disabled").asBoolean()).isTrue());
    }

    @Test
    void leavesOutTheTokenOnlyWhereTheSpecAsksForNoSecurity() {
        assertThat(request("POST", "/v1/users").path("auth").path("type").asString())
                .isEqualTo("noauth");
        assertThat(request("GET", "/v1/videos").has("auth")).isFalse();
    }

    @Test
    void sendsJsonBodiesBuiltFromTheRequestSchema() {
        var create = request("POST", "/v1/tasks");
        var body = JSON.readTree(create.path("body").path("raw").asString());

        assertThat(create.path("body").path("mode").asString()).isEqualTo("raw");
        assertThat(body.propertyNames()).contains("video_id", "start_time", "end_time", "width", "format");
        assertThat(create.path("header").findValuesAsString("value")).contains("application/json");
    }

    @Test
    void uploadsTheVideoAsAFormDataFile() {
        var upload = request("POST", "/v1/videos");

        assertThat(upload.path("body").path("mode").asString()).isEqualTo("formdata");
        var file = upload.path("body").path("formdata").get(0);
        assertThat(file.path("key").asString()).isEqualTo("file");
        assertThat(file.path("type").asString()).isEqualTo("file");
    }

    private List<JsonNode> requests() {
        List<JsonNode> requests = new ArrayList<>();
        for (var folder : collection.path("item")) {
            for (var item : folder.path("item")) {
                requests.add(item.path("request"));
            }
        }
        return requests;
    }

    private JsonNode request(String method, String path) {
        return requests().stream()
                .filter(request -> request.path("method").asString().equals(method)
                        && specPath(request.path("url")).equals(path))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no request " + method + " " + path));
    }

    private static String specPath(JsonNode url) {
        var path = new StringBuilder();
        for (var segment : url.path("path")) {
            var text = segment.asString();
            path.append('/').append(text.startsWith(":") ? "{" + text.substring(1) + "}" : text);
        }
        return path.toString();
    }
}
