package org.vidcut.api.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.TestPropertySourceUtils;
import org.vidcut.api.auth.TestAuth;

/**
 * Points the context of a {@link WithInMemoryMongo} class at its database and gives an {@link ApiIntegrationTest}
 * its defaults, broker and object store.
 */
final class TestInfrastructure implements ContextCustomizerFactory {

    /**
     * Defaults of every integration test. They rank just below the class's own {@code properties}: in an
     * {@code @TestPropertySource} on the annotation they would win over those.
     */
    private static final Map<String, Object> DEFAULTS = Map.of(
            "vidcut.auth.jwt-secret", TestAuth.SECRET,
            "vidcut.auth.bcrypt-strength", "4",
            "vidcut.storage.access-key", "test",
            "vidcut.storage.secret-key", "test-secret");

    private static final String INLINED = TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME;

    @Override
    public @Nullable ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        if (TestContextAnnotationUtils.findMergedAnnotation(testClass, WithInMemoryMongo.class) == null) {
            return null;
        }
        var integration = TestContextAnnotationUtils.findMergedAnnotation(testClass, ApiIntegrationTest.class);
        var integrationTest = integration != null;
        var unreachableBroker = integrationTest && integration.broker() == ApiIntegrationTest.Endpoint.UNREACHABLE;
        var unreachableStore = integrationTest && integration.objectStore() == ApiIntegrationTest.Endpoint.UNREACHABLE;
        return new Customizer(
                InMemoryMongo.databaseOf(testClass), integrationTest, unreachableBroker, unreachableStore);
    }

    /** A record, so that equal settings are equal cache keys. */
    private record Customizer(
            String database, boolean integrationTest, boolean unreachableBroker, boolean unreachableStore)
            implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            var properties = new HashMap<String, Object>();
            properties.put("spring.mongodb.uri", InMemoryMongo.uri(database));
            if (unreachableBroker) {
                properties.put("spring.rabbitmq.host", "127.0.0.1");
                properties.put("spring.rabbitmq.port", closedPort());
                properties.put("spring.rabbitmq.connection-timeout", "1s");
            }
            if (unreachableStore) {
                properties.put("vidcut.storage.endpoint", "http://127.0.0.1:" + closedPort());
            }
            var sources = context.getEnvironment().getPropertySources();
            sources.addFirst(new MapPropertySource("vidcut test infrastructure", properties));
            if (integrationTest) {
                var defaults = new MapPropertySource("vidcut integration test defaults", DEFAULTS);
                if (sources.contains(INLINED)) {
                    sources.addAfter(INLINED, defaults);
                } else {
                    sources.addAfter("vidcut test infrastructure", defaults);
                }
            }
        }

        private static int closedPort() {
            try (var socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
