package org.vidcut.api.docs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts an OpenAPI 3 document into a Postman Collection v2.1, so the collection is generated from the
 * served spec at build time and can never drift from the endpoints.
 */
final class PostmanCollection {

    static final String SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    /** Recursive schemas (a tree of nodes) would otherwise build an endless example. */
    private static final int MAX_EXAMPLE_DEPTH = 6;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode spec;

    private PostmanCollection(JsonNode spec) {
        this.spec = spec;
    }

    static ObjectNode from(JsonNode openApi) {
        return new PostmanCollection(openApi).collection();
    }

    private ObjectNode collection() {
        var collection = NODES.objectNode();
        var info = collection.putObject("info");
        info.put("name", spec.path("info").path("title").asString("API"));
        info.put("description", spec.path("info").path("description").asString(""));
        info.put("schema", SCHEMA);

        var auth = collection.putObject("auth");
        auth.put("type", "bearer");
        var bearer = auth.putArray("bearer").addObject();
        bearer.put("key", "token");
        bearer.put("value", "{{token}}");
        bearer.put("type", "string");

        var variables = collection.putArray("variable");
        variables.addObject().put("key", "baseUrl").put("value", "http://localhost:8080");
        variables.addObject().put("key", "token").put("value", "");

        Map<String, ArrayNode> folders = new LinkedHashMap<>();
        for (var path : spec.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                var tags = operation.getValue().path("tags");
                var tag = tags.isArray() && !tags.isEmpty() ? tags.get(0).asString() : "default";
                folders.computeIfAbsent(tag, ignored -> NODES.arrayNode())
                        .add(request(path.getKey(), path.getValue(), operation.getKey(), operation.getValue()));
            }
        }
        var items = collection.putArray("item");
        folders.forEach((tag, requests) -> {
            var folder = items.addObject();
            folder.put("name", tag);
            folder.set("item", requests);
        });
        return collection;
    }

    private ObjectNode request(String path, JsonNode pathItem, String method, JsonNode operation) {
        var item = NODES.objectNode();
        var summary = operation.path("summary").asString("");
        item.put("name", summary.isBlank() ? method.toUpperCase() + " " + path : summary);
        var request = item.putObject("request");
        request.put("method", method.toUpperCase());
        var description = operation.path("description").asString("");
        if (!description.isBlank()) {
            request.put("description", description);
        }
        if (!secured(operation)) {
            request.putObject("auth").put("type", "noauth");
        }
        request.putArray("header");

        var url = request.putObject("url");
        var segments = url.putArray("path");
        var rawPath = new StringBuilder();
        for (var segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            var postman = segment.startsWith("{") && segment.endsWith("}")
                    ? ":" + segment.substring(1, segment.length() - 1)
                    : segment;
            segments.add(postman);
            rawPath.append('/').append(postman);
        }
        if (path.endsWith("/") && path.length() > 1) {
            // Postman spells a trailing slash as an empty last segment
            segments.add("");
            rawPath.append('/');
        }
        url.putArray("host").add("{{baseUrl}}");
        var query = NODES.arrayNode();
        var variables = NODES.arrayNode();
        for (var parameter : parameters(pathItem, operation)) {
            var name = parameter.path("name").asString();
            var example = example(parameter.path("schema"), 0);
            var value = parameter.has("example")
                    ? parameter.get("example").asString()
                    : example.isValueNode() && !example.isNull() ? example.asString() : "";
            switch (parameter.path("in").asString()) {
                case "path" -> variables.addObject().put("key", name).put("value", "");
                case "query" ->
                    query.addObject()
                            .put("key", name)
                            .put("value", value)
                            .put("disabled", true)
                            .put("description", parameter.path("description").asString(""));
                default -> {}
            }
        }
        url.put("raw", "{{baseUrl}}" + rawPath);
        if (!query.isEmpty()) {
            url.set("query", query);
        }
        if (!variables.isEmpty()) {
            url.set("variable", variables);
        }

        body(operation.path("requestBody"), request);
        return item;
    }

    /** An operation is open when it overrides security with an empty list, or nothing asks for security at all. */
    private boolean secured(JsonNode operation) {
        var own = operation.get("security");
        if (own != null) {
            return !own.isEmpty();
        }
        var global = spec.get("security");
        return global == null || !global.isEmpty();
    }

    private List<JsonNode> parameters(JsonNode pathItem, JsonNode operation) {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        for (var source : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
            for (var parameter : source) {
                var resolved = resolve(parameter);
                byKey.put(
                        resolved.path("in").asString() + ":"
                                + resolved.path("name").asString(),
                        resolved);
            }
        }
        return List.copyOf(byKey.values());
    }

    private void body(JsonNode requestBody, ObjectNode request) {
        var content = resolve(requestBody).path("content");
        if (content.has("application/json")) {
            ((ArrayNode) request.get("header"))
                    .addObject()
                    .put("key", "Content-Type")
                    .put("value", "application/json");
            var media = content.get("application/json");
            var example = media.has("example") ? media.get("example") : example(media.path("schema"), 0);
            var body = request.putObject("body");
            body.put("mode", "raw");
            body.put(
                    "raw",
                    JsonMapper.builder()
                            .build()
                            .writerWithDefaultPrettyPrinter()
                            .writeValueAsString(example));
            body.putObject("options").putObject("raw").put("language", "json");
        } else if (content.has("multipart/form-data")) {
            var body = request.putObject("body");
            body.put("mode", "formdata");
            var schema = resolve(content.get("multipart/form-data").path("schema"));
            var form = body.putArray("formdata");
            var names = schema.path("properties").propertyNames();
            for (var name : names.isEmpty() ? List.of("file") : names) {
                var property = resolve(schema.path("properties").path(name));
                var binary = "binary".equals(property.path("format").asString()) || "file".equals(name);
                var field = form.addObject().put("key", name).put("type", binary ? "file" : "text");
                if (binary) {
                    field.put("src", "");
                } else {
                    field.put("value", "");
                }
            }
        }
    }

    private JsonNode example(JsonNode schemaOrRef, int depth) {
        var schema = resolve(schemaOrRef);
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("default")) {
            return schema.get("default");
        }
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(0);
        }
        for (var combinator : List.of("oneOf", "anyOf", "allOf")) {
            if (schema.path(combinator).isArray() && !schema.path(combinator).isEmpty()) {
                return example(schema.path(combinator).get(0), depth + 1);
            }
        }
        if (depth > MAX_EXAMPLE_DEPTH) {
            return NODES.nullNode();
        }
        var type = type(schema);
        return switch (type) {
            case "integer", "number" -> NODES.numberNode(0);
            case "boolean" -> NODES.booleanNode(false);
            case "array" -> NODES.arrayNode().add(example(schema.path("items"), depth + 1));
            case "string" ->
                NODES.stringNode(stringExample(schema.path("format").asString("")));
            case "object" -> {
                var object = NODES.objectNode();
                for (var property : schema.path("properties").properties()) {
                    object.set(property.getKey(), example(property.getValue(), depth + 1));
                }
                yield object;
            }
            default -> NODES.nullNode();
        };
    }

    /** OpenAPI 3.1 allows {@code type: ["string", "null"]}; the first non-null type is the useful one. */
    private static String type(JsonNode schema) {
        var type = schema.path("type");
        if (type.isArray()) {
            for (var each : type) {
                if (!"null".equals(each.asString())) {
                    return each.asString();
                }
            }
            return "null";
        }
        if (type.isMissingNode() && schema.has("properties")) {
            return "object";
        }
        return type.asString("");
    }

    private static String stringExample(String format) {
        return switch (format) {
            case "date-time" -> "2026-01-01T00:00:00Z";
            case "date" -> "2026-01-01";
            case "email" -> "user@example.org";
            case "uuid" -> "00000000-0000-0000-0000-000000000000";
            default -> "string";
        };
    }

    private JsonNode resolve(JsonNode node) {
        var current = node;
        for (int hops = 0; hops < 10 && current.has("$ref"); hops++) {
            var ref = current.get("$ref").asString();
            if (!ref.startsWith("#/")) {
                return current;
            }
            current = spec.at(ref.substring(1));
        }
        return current;
    }
}
