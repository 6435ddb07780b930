package org.vidcut.standalone.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker-compose.yml with its variables substituted from a given .env, the way {@code docker compose} does:
 * {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR-default}}, {@code ${VAR:?error}},
 * {@code ${VAR?error}}, and {@code $$} for a literal dollar.
 *
 * @param services the interpolated services section
 * @param references every variable the file refers to, with whether it has a default
 */
record ComposeFile(Map<String, Object> document, Map<String, Object> services, List<Reference> references) {

    private static final Pattern VARIABLE =
            Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    /** A use of a variable; {@code required} when it has no default. */
    record Reference(String variable, boolean required) {}

    static Path path() {
        return DeployFiles.root().resolve("docker-compose.yml");
    }

    static ComposeFile load(Map<String, String> dotEnv) {
        Map<String, Object> raw = DeployFiles.yamlMap(path());
        List<Reference> references = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Map<String, Object> document = (Map<String, Object>) interpolate(raw, dotEnv, references);
        return new ComposeFile(document, DeployFiles.mapAt(document, "services"), List.copyOf(references));
    }

    Map<String, Object> service(String name) {
        return DeployFiles.mapAt(services, name);
    }

    /** The environment section of a service, in map or list form. */
    Map<String, String> environment(String service) {
        Object environment = service(service).get("environment");
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((key, value) -> variables.put(key.toString(), value == null ? "" : value.toString()));
        } else if (environment instanceof List<?> list) {
            for (Object item : list) {
                String[] keyValue = item.toString().split("=", 2);
                variables.put(keyValue[0], keyValue.length > 1 ? keyValue[1] : "");
            }
        }
        return variables;
    }

    private static Object interpolate(Object node, Map<String, String> dotEnv, List<Reference> references) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((key, value) -> result.put(key.toString(), interpolate(value, dotEnv, references)));
            return result;
        }
        if (node instanceof List<?> list) {
            return list.stream()
                    .map(item -> interpolate(item, dotEnv, references))
                    .toList();
        }
        if (node instanceof String text) {
            return interpolate(text, dotEnv, references);
        }
        return node;
    }

    private static String interpolate(String text, Map<String, String> dotEnv, List<Reference> references) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String replacement;
            if (matcher.group().equals("$$")) {
                replacement = "$";
            } else {
                String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(4);
                String operator = matcher.group(2);
                String argument = matcher.group(3);
                String value = dotEnv.get(name);
                boolean colon = operator != null && operator.startsWith(":");
                boolean missing = value == null || (colon && value.isEmpty());
                references.add(new Reference(name, operator == null || operator.endsWith("?")));
                if (operator != null && operator.endsWith("-")) {
                    replacement = missing ? argument : value;
                } else if (missing && operator != null) {
                    throw new IllegalStateException("docker compose would stop: " + name + " " + argument);
                } else {
                    replacement = value == null ? "" : value;
                }
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
