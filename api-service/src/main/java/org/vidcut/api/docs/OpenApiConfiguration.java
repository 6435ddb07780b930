package org.vidcut.api.docs;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vidcut.api.auth.Caller;

/**
 * The OpenAPI document at {@code /v3/api-docs}: a bearer JWT scheme (so Swagger UI's Authorize button works),
 * snake_case schemas like the JSON on the wire, and the problem+json error responses every operation can give.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER_SCHEME = "bearer-jwt";
    static final String PROBLEM_SCHEMA = "Problem";

    static {
        // Caller is resolved from the token, not from the request parameters.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    private static final Map<String, String> ERRORS = errors();

    private static Map<String, String> errors() {
        var errors = new LinkedHashMap<String, String>();
        errors.put("400", "Malformed request");
        errors.put("401", "Missing, invalid or expired token");
        errors.put("404", "Not found, or not the caller's");
        errors.put("422", "Validation failed");
        errors.put("429", "A rate limit or a quota is reached; Retry-After says when to try again");
        errors.put("500", "Unexpected error");
        errors.put("503", "A dependency (database, storage, broker) is unavailable");
        return errors;
    }

    @Bean
    OpenAPI vidcutOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("vidcut API")
                        .version("v1")
                        .description("Upload videos once, then trim, resize and convert them with asynchronous"
                                + " tasks. JSON is snake_case, times are ISO-8601 UTC, every error is"
                                + " application/problem+json with an `error` field. Create a user with"
                                + " POST /v1/users, then click Authorize and paste the token.")
                        .license(new License().name("self-hosted")))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER_SCHEME,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT"))
                        .addSchemas(PROBLEM_SCHEMA, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
    }

    @SuppressWarnings("rawtypes")
    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("error", new StringSchema().description("human-readable error, safe to show"));
        properties.put("status", new IntegerSchema().description("HTTP status code"));
        properties.put("title", new StringSchema().description("the status' reason phrase"));
        properties.put("detail", new StringSchema().description("same text as error"));
        properties.put("type", new StringSchema().description("about:blank"));
        properties.put("instance", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem details with an extra `error` field")
                .properties(properties);
    }

    /** Adds the shared problem responses to every operation that does not describe them itself. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> openApi.getPaths()
                .values()
                .forEach(path -> path.readOperations()
                        .forEach(operation -> ERRORS.forEach((code, description) -> {
                            if (operation.getResponses().get(code) == null) {
                                operation.getResponses().addApiResponse(code, problem(description));
                            }
                        })));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                "application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
    }

    /** Schemas in snake_case, as {@code spring.jackson.property-naming-strategy} makes the wire format. */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }
}
