package org.vidcut.api.docs;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Makes the generated document say what the server really does, for every operation at once, so new endpoints
 * come out right without per-endpoint annotations: stable operationIds, {@code application/json} instead of
 * {@code *}{@code /*} for JSON, binary downloads with their 206/416 and range headers, paging headers, 413/415 where
 * a body is taken, and error responses in the media type the route answers them with.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConventions {

    static final String JSON = "application/json";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String ANY = "*/*";

    /** The errors every operation can give; operations add their own with {@code @ApiResponse}. */
    private static final Map<String, String> ERRORS = errors();

    private static Map<String, String> errors() {
        var errors = new LinkedHashMap<String, String>();
        errors.put("400", "Malformed request");
        errors.put("401", "Missing, invalid or expired token");
        errors.put("404", "Not found, or not the caller's");
        errors.put("406", "The Accept header allows none of the media types this operation answers with");
        errors.put("422", "Validation failed");
        errors.put("429", "A rate limit or a quota is reached; Retry-After says when to try again");
        errors.put("500", "Unexpected error");
        errors.put("503", "A dependency (database, storage, broker) is unavailable");
        return errors;
    }

    /** {@code <method><Resource>}, e.g. {@code createTask}, unless the operation names itself. */
    @Bean
    GlobalOperationCustomizer operationIds() {
        return (operation, handler) -> {
            var declared = handler.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class);
            if (declared == null || declared.operationId().isBlank()) {
                var resource = handler.getBeanType().getSimpleName().replace("Controller", "");
                operation.setOperationId(handler.getMethod().getName() + resource);
            }
            return operation;
        };
    }

    @Bean
    GlobalOpenApiCustomizer conventions() {
        return openApi -> {
            var idUses = new HashMap<String, Integer>();
            openApi.getPaths()
                    .forEach((path, item) -> item.readOperationsMap()
                            .values()
                            .forEach(operation -> idUses.merge(baseId(operation), 1, Integer::sum)));
            openApi.getPaths()
                    .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                        var id = baseId(operation);
                        // one handler on several methods (GET and POST restart): one id per method
                        operation.setOperationId(
                                idUses.get(id) > 1
                                        ? id
                                                + StringUtils.capitalize(
                                                        method.name().toLowerCase(Locale.ROOT))
                                        : id);
                        apply(path, item, operation);
                    }));
            if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
                openApi.getComponents().getSchemas().remove("StreamingResponseBody");
            }
        };
    }

    private static String baseId(Operation operation) {
        return String.valueOf(operation.getOperationId()).replaceAll("_\\d+$", "");
    }

    private static void apply(String path, PathItem item, Operation operation) {
        var responses = operation.getResponses();
        boolean download = false;
        for (var entry : new LinkedHashMap<>(responses).entrySet()) {
            var response = entry.getValue();
            if (!entry.getKey().startsWith("2") || response.getContent() == null) {
                continue;
            }
            var any = response.getContent().remove(ANY);
            if (any == null) {
                continue;
            }
            if (isStream(any.getSchema())) {
                download = true;
                response.getContent().addMediaType(ANY, new MediaType().schema(binary()));
            } else {
                response.getContent().addMediaType(JSON, any);
            }
        }
        if (download) {
            describeDownload(responses.get("200"), operation);
        }
        var ok = responses.get("200");
        if (ok != null && isArray(ok) && hasParameter(operation, "page")) {
            ok.addHeaderObject(
                    "X-Total-Count",
                    new Header().description("items on all pages").schema(new IntegerSchema()));
            ok.addHeaderObject(
                    "Link",
                    new Header()
                            .description("RFC 8288 links to the next, prev, first and last pages")
                            .schema(new StringSchema()));
        }
        if (operation.getRequestBody() != null) {
            addError(operation, "415", "The request's Content-Type is not one this operation takes");
            var types = operation.getRequestBody().getContent().keySet();
            if (types.stream().anyMatch(type -> type.startsWith("multipart/") || type.startsWith("video/"))) {
                addError(operation, "413", "The upload is larger than vidcut.upload.max-size");
            }
        }
        ERRORS.forEach((code, description) -> addError(operation, code, description));
        if (responses.get("304") != null) {
            // springdoc gives every declared response the return type's body; a 304 never has one
            responses.get("304").setContent(null);
        }
        responses
                .get("429")
                .addHeaderObject(
                        "Retry-After",
                        new Header()
                                .description("seconds until the limit admits the request again (absent when only"
                                        + " deleting helps, as for the storage quota)")
                                .schema(new IntegerSchema()));
        var errorType = isCompat(path) ? JSON : PROBLEM_JSON;
        responses.forEach((code, response) -> {
            // every error has the problem body, whatever the handler's return type made springdoc guess
            if (code.startsWith("4") || code.startsWith("5")) {
                response.content(problemContent(code.equals("416") ? PROBLEM_JSON : errorType));
            }
        });
    }

    private static void describeDownload(ApiResponse ok, Operation operation) {
        var acceptRanges = new Header().description("bytes").schema(new StringSchema());
        var disposition = new Header()
                .description("attachment with the download's filename")
                .schema(new StringSchema());
        ok.description("The whole content").addHeaderObject("Accept-Ranges", acceptRanges);
        ok.addHeaderObject("Content-Disposition", disposition);
        operation
                .getResponses()
                .addApiResponse(
                        "206",
                        new ApiResponse()
                                .description("The requested range")
                                .content(new Content().addMediaType(ANY, new MediaType().schema(binary())))
                                .addHeaderObject(
                                        "Content-Range",
                                        new Header()
                                                .description("bytes first-last/size")
                                                .schema(new StringSchema()))
                                .addHeaderObject("Accept-Ranges", acceptRanges)
                                .addHeaderObject("Content-Disposition", disposition));
        var unsatisfiable = new ApiResponse()
                .description("The range starts beyond the end")
                .content(problemContent(PROBLEM_JSON))
                .addHeaderObject(
                        "Content-Range",
                        new Header().description("bytes */size").schema(new StringSchema()));
        operation.getResponses().addApiResponse("416", unsatisfiable);
    }

    private static void addError(Operation operation, String code, String description) {
        if (operation.getResponses().get(code) == null) {
            operation.getResponses().addApiResponse(code, new ApiResponse().description(description));
        }
    }

    private static Content problemContent(String mediaType) {
        return new Content()
                .addMediaType(
                        mediaType,
                        new MediaType()
                                .schema(new Schema<>()
                                        .$ref("#/components/schemas/" + OpenApiConfiguration.PROBLEM_SCHEMA)));
    }

    /** The earlier systems' routes answer errors as plain JSON (see the compat packages' error dialects). */
    static boolean isCompat(String path) {
        return path.equals("/api") || path.startsWith("/api/") || path.startsWith("/file");
    }

    private static boolean isStream(Schema<?> schema) {
        return schema == null || String.valueOf(schema.get$ref()).endsWith("/StreamingResponseBody");
    }

    private static Schema<?> binary() {
        return new StringSchema().format("binary");
    }

    private static boolean isArray(ApiResponse response) {
        var json = response.getContent() == null ? null : response.getContent().get(JSON);
        return json != null && json.getSchema() != null && json.getSchema().getItems() != null;
    }

    private static boolean hasParameter(Operation operation, String name) {
        return operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> name.equals(p.getName()));
    }
}
