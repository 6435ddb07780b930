package org.vidcut.api.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API documents committed under {@code docs/}: the OpenAPI document the api serves and the Postman collection
 * generated from it. Tests compare them with what the code generates; {@code -Dvidcut.docs.regenerate=true}
 * rewrites them instead.
 */
public final class ApiDocuments {

    static final Path DOCS = Path.of("..", "docs");

    /** The OpenAPI document as {@code /v3/api-docs} serves it; request/response validation in tests reads it. */
    public static final Path OPENAPI = DOCS.resolve("openapi.json");

    static final String STALE = "%s is not what the code generates: regenerate it with -Dvidcut.docs.regenerate=true"
            + " (see PostmanCollectionTest) and commit it";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiDocuments() {}

    /** Pretty JSON with every object's keys sorted, so the same document always gives the same bytes. */
    static String pretty(JsonNode document) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(sorted(document)) + "\n";
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            var copy = JSON.createObjectNode();
            node.propertyNames().stream().sorted().forEach(name -> copy.set(name, sorted(node.get(name))));
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }

    static void writeIfRegenerating(Path file, String content) {
        if (Boolean.getBoolean("vidcut.docs.regenerate")) {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
