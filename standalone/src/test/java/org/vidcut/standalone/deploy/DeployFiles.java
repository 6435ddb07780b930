package org.vidcut.standalone.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reading the repository's deployment files: YAML, env files, poms, and walking parsed YAML trees. */
final class DeployFiles {

    private static final Pattern POM_MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern POM_VERSION =
            Pattern.compile("<artifactId>vidcut-parent</artifactId>\\s*<version>([^<]+)</version>");

    private DeployFiles() {}

    /** The repository root: tests run in {@code standalone/}, so it is the nearest ancestor with the wrapper. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve(".mvn"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(
                "no repository root (with mvnw and .mvn/) above " + Path.of("").toAbsolutePath());
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    /** Every non-empty document of a (possibly multi-document) YAML file. */
    static List<Object> yamlDocuments(Path file) {
        List<Object> documents = new ArrayList<>();
        for (Object document : yaml().loadAll(read(file))) {
            if (document != null) {
                documents.add(document);
            }
        }
        return documents;
    }

    static Map<String, Object> yamlMap(Path file) {
        return map(yaml().load(read(file)), file.toString());
    }

    /** KEY=VALUE lines as read by docker compose's .env and kustomize's env files; # starts a comment line. */
    static Map<String, String> envFile(Path file) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : read(file).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException(file + ": not KEY=VALUE: " + line);
            }
            entries.put(trimmed.substring(0, equals).strip(), trimmed.substring(equals + 1));
        }
        return entries;
    }

    static Properties properties(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new java.io.StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    static List<String> reactorModules() {
        List<String> modules = new ArrayList<>();
        Matcher matcher = POM_MODULE.matcher(read(root().resolve("pom.xml")));
        while (matcher.find()) {
            modules.add(matcher.group(1).strip());
        }
        return modules;
    }

    static String projectVersion() {
        Matcher matcher = POM_VERSION.matcher(read(root().resolve("pom.xml")));
        if (!matcher.find()) {
            throw new IllegalStateException("no vidcut-parent version in pom.xml");
        }
        return matcher.group(1).strip();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String where) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException(where + ": expected a mapping, found " + value);
    }

    /** The mapping at a dotted path, or an empty one when a step is missing. */
    static Map<String, Object> mapAt(Map<String, Object> from, String path) {
        Object value = at(from, path);
        return value == null ? Map.of() : map(value, path);
    }

    @SuppressWarnings("unchecked")
    static List<Object> listAt(Map<String, Object> from, String path) {
        Object value = at(from, path);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw new IllegalArgumentException(path + ": expected a list, found " + value);
    }

    static List<Map<String, Object>> mapsAt(Map<String, Object> from, String path) {
        return listAt(from, path).stream().map(item -> map(item, path)).toList();
    }

    static String stringAt(Map<String, Object> from, String path) {
        Object value = at(from, path);
        return value == null ? null : value.toString();
    }

    static Object at(Map<String, Object> from, String path) {
        Object current = from;
        for (String step : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return current;
    }

    static String kindAndName(Map<String, Object> document) {
        return Objects.toString(document.get("kind")) + "/" + stringAt(document, "metadata.name");
    }
}
