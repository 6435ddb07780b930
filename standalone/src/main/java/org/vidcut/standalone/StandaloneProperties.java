package org.vidcut.standalone;

import java.util.Map;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * Puts the launcher's properties into a context's environment before anything reads it (logging included), above
 * every source except the command line: the services' own defaults files cannot point them at a real MongoDB,
 * RabbitMQ or MinIO, while a user may still override a value with {@code --name=value}.
 */
final class StandaloneProperties implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    static final String SOURCE_NAME = "standalone";

    private final Map<String, Object> properties;

    StandaloneProperties(Map<String, Object> properties) {
        this.properties = Map.copyOf(properties);
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        MutablePropertySources sources = event.getEnvironment().getPropertySources();
        MapPropertySource standalone = new MapPropertySource(SOURCE_NAME, properties);
        if (sources.contains(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME, standalone);
        } else {
            sources.addFirst(standalone);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
