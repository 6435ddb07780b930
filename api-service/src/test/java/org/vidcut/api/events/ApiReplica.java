package org.vidcut.api.events;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.vidcut.api.ApiApplication;
import org.vidcut.api.auth.TestAuth;
import tools.jackson.databind.json.JsonMapper;

/**
 * One api instance of several in this JVM, on a random port, as a replica behind a load balancer would run: started
 * from the application class like production, without the test configurations that the component scan would find.
 */
final class ApiReplica implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConfigurableApplicationContext context;
    private final URI base;

    private ApiReplica(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
    }

    /** Starts a replica with the shared settings plus {@code settings}. */
    static ApiReplica start(Map<String, Object> settings) {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("server.port", 0);
        properties.put("management.server.port", 0);
        properties.put("vidcut.auth.jwt-secret", TestAuth.SECRET);
        properties.put("vidcut.auth.bcrypt-strength", 4);
        properties.put("vidcut.storage.access-key", "test");
        properties.put("vidcut.storage.secret-key", "test-secret");
        properties.put("vidcut.storage.public-endpoint", "http://media.example");
        properties.put("logging.structured.format.console", "");
        properties.putAll(settings);
        // as arguments: default properties would rank below the api's own defaults file
        var arguments = properties.entrySet().stream()
                .map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                .toArray(String[]::new);
        var context = new SpringApplicationBuilder(ApiApplication.class)
                .initializers(api -> api.getBeanFactory()
                        .registerSingleton(TestClassesExcluded.class.getName(), new TestClassesExcluded()))
                .run(arguments);
        return new ApiReplica(context);
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    /** Registers a user through the api; returns its id and token. */
    User register() throws IOException, InterruptedException {
        var name = "u" + UUID.randomUUID().toString().substring(0, 8);
        var body = "{\"username\":\"" + name + "\",\"email\":\"" + name
                + "@example.org\",\"password\":\"long enough pw\"}";
        var response = HTTP.send(
                HttpRequest.newBuilder(uri("/v1/users"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("registration answered " + response.statusCode() + ": " + response.body());
        }
        var created = JSON.readTree(response.body());
        return new User(created.get("id").asString(), created.get("token").asString());
    }

    @Override
    public void close() {
        context.close();
    }

    record User(String id, String token) {}

    /** Leaves out what only tests declare: their classes are in the test output, not in the application's. */
    static final class TestClassesExcluded extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            try {
                return reader.getResource().getURL().toString().contains("/test-classes/");
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestClassesExcluded;
        }

        @Override
        public int hashCode() {
            return TestClassesExcluded.class.hashCode();
        }
    }
}
