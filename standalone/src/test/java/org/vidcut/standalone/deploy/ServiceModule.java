package org.vidcut.standalone.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.vidcut.support.ServiceSupport;

/**
 * A module that ships as a container image: the Dockerfile as its target stage builds it, its Spring Boot application class and the
 * defaults that class loads with {@code @PropertySource}: the shared {@code service-support-defaults.properties},
 * then its own {@code <module>-defaults.properties}.
 */
record ServiceModule(String name, Dockerfile dockerfile, Class<?> applicationClass, Properties defaults) {

    /**
     * Every reactor module with a target stage in the Dockerfile, paired with its application class found on the
     * test classpath.
     */
    static List<ServiceModule> all() {
        Map<String, Class<?>> applications = applicationsByDefaultsFile();
        List<String> targets = Dockerfile.targets();
        List<ServiceModule> modules = new ArrayList<>();
        for (String module : DeployFiles.reactorModules()) {
            if (!targets.contains(module)) {
                continue;
            }
            String defaultsFile = module + "-defaults.properties";
            Class<?> application = applications.get(defaultsFile);
            if (application == null) {
                throw new IllegalStateException("module " + module
                        + " has a Docker target but no @SpringBootApplication"
                        + " loading classpath:" + defaultsFile + " is on the test classpath (found " + applications
                        + ")");
            }
            Properties defaults = new Properties();
            for (String file : propertySources(application)) {
                defaults.putAll(loadDefaults(file));
            }
            modules.add(new ServiceModule(module, Dockerfile.of(module), application, defaults));
        }
        return modules;
    }

    static ServiceModule named(String name) {
        return all().stream()
                .filter(module -> module.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no service module " + name));
    }

    String image() {
        return dockerfile.image();
    }

    String basePackage() {
        return applicationClass.getPackageName();
    }

    /** The packages whose {@code @ConfigurationProperties} the service binds: its own and the shared support. */
    List<String> configurationPackages() {
        return List.of(basePackage(), ServiceSupport.class.getPackageName());
    }

    /** The port the application listens on when the environment does not set {@code SERVER_PORT}. */
    int defaultServerPort() {
        String port = defaults.getProperty("server.port");
        if (port == null) {
            throw new IllegalStateException(name + "-defaults.properties sets no server.port");
        }
        return Integer.parseInt(port.strip());
    }

    /** The actuator's port: {@code management.server.port} when the service sets one, else its server port. */
    int defaultManagementPort() {
        String port = defaults.getProperty("management.server.port");
        return port == null ? defaultServerPort() : Integer.parseInt(port.strip());
    }

    /** The variable that moves the actuator: {@code MANAGEMENT_SERVER_PORT} when it has its own port. */
    String managementPortVariable() {
        return defaults.getProperty("management.server.port") == null ? "SERVER_PORT" : "MANAGEMENT_SERVER_PORT";
    }

    int managementPort(Map<String, String> environment) {
        String port = environment.get(managementPortVariable());
        return port == null ? defaultManagementPort() : Integer.parseInt(port.strip());
    }

    int serverPort(Map<String, String> environment) {
        String port = environment.get("SERVER_PORT");
        return port == null ? defaultServerPort() : Integer.parseInt(port.strip());
    }

    private static Map<String, Class<?>> applicationsByDefaultsFile() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(SpringBootApplication.class));
        Map<String, Class<?>> applications = new java.util.TreeMap<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.vidcut")) {
            Class<?> type =
                    ClassUtils.resolveClassName(candidate.getBeanClassName(), ServiceModule.class.getClassLoader());
            for (String file : propertySources(type)) {
                applications.put(file, type);
            }
        }
        return applications;
    }

    /** The classpath files a configuration class loads with {@code @PropertySource}. */
    private static List<String> propertySources(Class<?> type) {
        return AnnotatedElementUtils.findMergedRepeatableAnnotations(type, PropertySource.class).stream()
                .flatMap(source -> Arrays.stream(source.value()))
                .filter(location -> location.startsWith("classpath:"))
                .map(location -> location.substring("classpath:".length()).replaceFirst("^/", ""))
                .toList();
    }

    private static Properties loadDefaults(String resource) {
        try (InputStream in = ServiceModule.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath");
            }
            return DeployFiles.properties(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
